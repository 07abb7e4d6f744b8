using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.GraphQL.Data.Paging.Types;
using ScholarGraph.Server.Nodes;
using ScholarGraph.GraphQL.Data.Paging.Extensions;
using ScholarGraph.GraphQL.Data.Sorting.Extensions;

namespace ScholarGraph.Server.Institutions;

/// <summary>The root fields that read institutions: <c>institutions</c> (a page) and <c>institution(id:)</c>.</summary>
internal static class InstitutionQueries
{
    /// <summary>Adds <c>institutions</c>: all institutions, by name unless <c>order</c> says otherwise.</summary>
    public static void AddInstitutionsField(this ObjectGraphType query, PagingOptions paging) =>
        query.Field<InstitutionsConnectionType>("institutions").Description("All institutions, by name unless `order` says otherwise.").WithPagingArguments(paging)
            .WithWhereAndOrderArguments(typeof(InstitutionFilterInputType), typeof(InstitutionSortInputType))
            .ResolveAsync(async c => await c.LoadInstitutionsAsync());

    /// <summary>Adds <c>institution(id:)</c>: the institution with the given global id, or null.</summary>
    public static void AddInstitutionField(this ObjectGraphType query) =>
        query.Field<InstitutionType>("institution").Description("The institution with the given id, or null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The institution's global id.")
            .Resolve(c => c.LoadInstitution(NodeIds.KeyOf(c, InstitutionType.TypeName)));
}
