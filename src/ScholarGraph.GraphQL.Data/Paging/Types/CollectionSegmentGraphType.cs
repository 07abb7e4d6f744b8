using GraphQL.Types;

namespace ScholarGraph.GraphQL.Data.Paging.Types;

/// <summary>
/// An offset-paged collection segment type named as Hot Chocolate names it, after the field that returns it (<c>paperList</c>
/// gives <c>PaperListCollectionSegment</c>). Derive one small class per name. Resolves over <see cref="ICollectionSegment"/>.
/// </summary>
/// <typeparam name="TItemGraphType">The graph type of the items.</typeparam>
public abstract class CollectionSegmentGraphType<TItemGraphType> : ObjectGraphType<ICollectionSegment>
    where TItemGraphType : IGraphType
{
    /// <summary>Defines the segment type, <c>{name}CollectionSegment</c>.</summary>
    /// <param name="name">The PascalCase name of the field the segment belongs to, for example <c>PaperList</c>.</param>
    protected CollectionSegmentGraphType(string name)
    {
        Name = name + "CollectionSegment";
        Description = "A segment of a collection.";
        Field<NonNullGraphType<CollectionSegmentInfoGraphType>>("pageInfo")
            .Description("Information to aid in pagination.")
            .Resolve(c => c.Source.PageInfo);
        Field<ListGraphType<NonNullGraphType<TItemGraphType>>>("items")
            .Description("A flattened list of the items.")
            .Resolve(c => c.Source.Items);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("Identifies the total count of items in the collection. Counted only when selected.")
            .Resolve(c => c.Source.TotalCount());
    }
}

/// <summary>The <c>CollectionSegmentInfo</c> type, with Hot Chocolate's field names.</summary>
public sealed class CollectionSegmentInfoGraphType : ObjectGraphType<CollectionSegmentInfo>
{
    /// <summary>Defines the fields.</summary>
    public CollectionSegmentInfoGraphType()
    {
        Name = "CollectionSegmentInfo";
        Description = "Information about the offset pagination.";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage")
            .Description("Indicates whether more items exist following the set defined by the clients arguments.")
            .Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage")
            .Description("Indicates whether more items exist prior to the set defined by the clients arguments.")
            .Resolve(c => c.Source.HasPreviousPage);
    }
}
