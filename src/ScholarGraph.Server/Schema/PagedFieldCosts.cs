using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using ScholarGraph.GraphQL.AspNetCore.Limits;
using ScholarGraph.GraphQL.Data.Paging;

namespace ScholarGraph.Server.Schema;

/// <summary>
/// Gives every field the data layer paged the cost directives Hot Chocolate gives its paged fields: <c>@listSize</c> sized by
/// its slicing arguments (<c>first</c>/<c>last</c>, or <c>take</c>) over the fields holding the page, the default page size
/// when none is given and the largest page as the assumed size, and <c>@cost(weight: "10")</c> for the database load. The
/// data layer only records how it paged a field (<see cref="PagedFieldSize"/>); this is where the two libraries meet.
/// </summary>
internal sealed class PagedFieldCosts : BaseSchemaNodeVisitor
{
    /// <summary>The weight of a paged load (Hot Chocolate's default weight of a resolver that goes to the database).</summary>
    public const double PagedLoadWeight = 10;

    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema) => Annotate(field);

    public override void VisitInterfaceFieldDefinition(FieldType field, IInterfaceGraphType type, ISchema schema) => Annotate(field);

    private static void Annotate(FieldType field)
    {
        // A field annotated by hand, or by an earlier initialization of a schema sharing this type, keeps what it has.
        if (PagedFieldSize.GetPagedFieldSize(field) is not { } size || field.FindAppliedDirective(CostDirectives.ListSizeName) is not null)
            return;
        field.ApplyListSize(assumedSize: size.MaxPageSize, slicingArguments: size.SlicingArguments,
            slicingArgumentDefaultValue: size.DefaultPageSize, sizedFields: size.SizedFields, requireOneSlicingArgument: false);
        if (field.FindAppliedDirective(CostDirectives.CostName) is null)
            field.ApplyCost(PagedLoadWeight);
    }
}
