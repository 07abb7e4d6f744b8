using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Aggregates.Expressions;
using ScholarGraph.GraphQL.Data.Aggregates.Extensions;
using ScholarGraph.GraphQL.Data.Batching.Extensions;
using ScholarGraph.GraphQL.Data.Filtering.Types;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.GraphQL.Data.Paging.Expressions;
using ScholarGraph.GraphQL.Data.Paging.Extensions;
using ScholarGraph.GraphQL.Data.Paging.Types;
using ScholarGraph.GraphQL.Data.Projection.Extensions;
using ScholarGraph.GraphQL.Data.Sorting.Extensions;
using ScholarGraph.GraphQL.Data.Sorting.Types;

namespace ScholarGraph.GraphQL.Data.Tests.Model;

/// <summary>The orders the model's fields keep when a client gives no <c>order</c>.</summary>
public static class Orderings
{
    public static readonly KeysetOrdering<Item> ItemsById = KeysetOrdering<Item>.Named("Item:id").ThenBy(i => i.Id);

    /// <summary>Newest first, items without a day last (a nullable key, as a paper's publication date).</summary>
    public static readonly KeysetOrdering<Item> ItemsNewestFirst =
        KeysetOrdering<Item>.Named("Item:newest").ThenByDescending(i => i.Day).ThenBy(i => i.Id);

    public static readonly KeysetOrdering<Owner> OwnersByName = KeysetOrdering<Owner>.Named("Owner:name").ThenBy(o => o.Name).ThenBy(o => o.Id);
}

public sealed class ItemFilter : FilterInputGraphType<Item>, IFilterInputTypeName
{
    public static string TypeName => "ItemFilterInput";

    public ItemFilter() : base(TypeName, "Items.")
    {
        Id("id", i => i.Id, id => id.StartsWith("item:") ? id["item:".Length..] : throw new FormatException($"'{id}' is not an item id."), "Id.");
        Field("name", i => i.Name, "Name.");
        Field("note", i => i.Note, "Note.");
        Field("rank", i => i.Rank, "Rank.");
        Field("size", i => i.Size, "Size.");
        Field("weight", i => i.Weight, "Weight.");
        Field("day", i => i.Day, "Day.");
        Field("active", i => i.Active, "Active.");
        Object<OwnerFilter, Owner>("owner", i => i.Owner, "Owner.");
        List<TagFilter, Tag>("tags", i => i.Tags, "Tags.");
    }
}

public sealed class OwnerFilter : FilterInputGraphType<Owner>, IFilterInputTypeName
{
    public static string TypeName => "OwnerFilterInput";

    public OwnerFilter() : base(TypeName, "Owners.")
    {
        Field("name", o => o.Name, "Name.");
        List<ItemFilter, Item>("items", o => o.Items, "Items.");
        List<FavouriteFilter, Favourite>("favourites", o => o.Favourites, "Favourite items.");
    }
}

public sealed class TagFilter : FilterInputGraphType<Tag>, IFilterInputTypeName
{
    public static string TypeName => "TagFilterInput";

    public TagFilter() : base(TypeName, "Tags.") => Field("label", t => t.Label, "Label.");
}

public sealed class FavouriteFilter : FilterInputGraphType<Favourite>, IFilterInputTypeName
{
    public static string TypeName => "FavouriteFilterInput";

    public FavouriteFilter() : base(TypeName, "Favourites.")
    {
        Field("position", f => f.Position, "Position.");
        Object<ItemFilter, Item>("item", f => f.Item, "Item.");
    }
}

public sealed class ItemSort : SortInputGraphType<Item>
{
    public ItemSort() : base("ItemSortInput", "Items.", (Item i) => i.Id)
    {
        Field("name", i => i.Name, "Name.");
        Field("rank", i => i.Rank, "Rank.");
        Field("size", i => i.Size, "Size.");
        Field("day", i => i.Day, "Day.");
        Field("active", i => i.Active, "Active.");
        Object<OwnerSort, Owner>("owner", i => i.Owner, "Owner.");
    }
}

public sealed class OwnerSort : SortInputGraphType<Owner>
{
    public OwnerSort() : base("OwnerSortInput", "Owners.", (Owner o) => o.Id) => Field("name", o => o.Name, "Name.");
}

public sealed class TagSort : SortInputGraphType<Tag>
{
    public TagSort() : base("TagSortInput", "Tags.", (Tag t) => t.Id)
    {
        Field("id", t => t.Id, "Id.");
        Field("label", t => t.Label, "Label.");
    }
}

/// <summary>Objects with an id and a name, for selections through an interface.</summary>
public sealed class ThingInterface : InterfaceGraphType
{
    public ThingInterface()
    {
        Name = "Thing";
        Field<NonNullGraphType<StringGraphType>>("id");
        Field<NonNullGraphType<StringGraphType>>("name");
    }
}

public sealed class ItemGraphType : ObjectGraphType<Item>
{
    public ItemGraphType()
    {
        Name = "Item";
        Interface<ThingInterface>();
        IsTypeOf = o => o is Item;
        Field<NonNullGraphType<StringGraphType>>("id").ResolveMember(i => i.Id);
        Field<NonNullGraphType<StringGraphType>>("name").ResolveMember(i => i.Name);
        Field<StringGraphType>("note").ResolveMember(i => i.Note);
        Field<NonNullGraphType<IntGraphType>>("rank").ResolveMember(i => i.Rank);
        Field<IntGraphType>("size").ResolveMember(i => i.Size);
        Field<NonNullGraphType<FloatGraphType>>("weight").ResolveMember(i => i.Weight);
        Field<DateOnlyGraphType>("day").ResolveMember(i => i.Day);
        Field<NonNullGraphType<BooleanGraphType>>("active").ResolveMember(i => i.Active);
        Field<OwnerGraphType>("owner")
            .Projects(i => i.OwnerId)
            .Resolve(c => c.Source.OwnerId is { } owner
                ? c.LoadByKey<TinyContext, string, Owner>("Item.owner", owner, (db, keys) => db.Owners.Where(o => keys.Contains(o.Id)), o => o.Id)
                : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TagGraphType>>>>("tags")
            .WithWhereAndOrderArguments(typeof(TagFilter), typeof(TagSort))
            .Resolve(c => c.LoadList<TinyContext, string, Tag, Tag>("Item.tags", c.Source.Id,
                (db, keys) => db.Tags.Where(t => keys.Contains(t.ItemId)), t => t.ItemId, t => t, rows => rows.OrderBy(t => t.Id)));
    }
}

public sealed class OwnerGraphType : ObjectGraphType<Owner>
{
    public OwnerGraphType(PagingOptions paging)
    {
        Name = "Owner";
        Interface<ThingInterface>();
        IsTypeOf = o => o is Owner;
        Field<NonNullGraphType<StringGraphType>>("id").ResolveMember(o => o.Id);
        Field<NonNullGraphType<StringGraphType>>("name").ResolveMember(o => o.Name);
        Field<OwnerItemsConnectionType>("items")
            .Description("The owner's items, newest first.")
            .WithPagingArguments(paging)
            .WithWhereAndOrderArguments(typeof(ItemFilter), typeof(ItemSort))
            .Resolve(c => c.LoadChildConnection<TinyContext, Owner, string, Item>("Owner.items", c.Source.Id,
                (db, keys) => db.Owners.Where(o => keys.Contains(o.Id)), o => o.Id, (_, _) => o => o.Items, Orderings.ItemsNewestFirst));
        Field<OwnerFavouritesConnectionType>("favourites")
            .Description("The items the owner favours (through the link rows), newest first.")
            .WithPagingArguments(paging)
            .WithWhereAndOrderArguments(typeof(ItemFilter), typeof(ItemSort))
            .Resolve(c => c.LoadChildConnection<TinyContext, Owner, string, Item>("Owner.favourites", c.Source.Id,
                (db, keys) => db.Owners.Where(o => keys.Contains(o.Id)), o => o.Id,
                (_, _) => o => o.Favourites.Select(f => f.Item!), Orderings.ItemsNewestFirst));
    }
}

public sealed class TagGraphType : ObjectGraphType<Tag>
{
    public TagGraphType()
    {
        Name = "Tag";
        Field<NonNullGraphType<IntGraphType>>("id").ResolveMember(t => t.Id);
        Field<NonNullGraphType<StringGraphType>>("label").ResolveMember(t => t.Label);
    }
}

/// <summary>The keys items can be counted by.</summary>
public enum ItemGroupBy
{
    Year,
    Tag,
    Owner,
}

public sealed class ItemGroupByType : EnumerationGraphType<ItemGroupBy>
{
    public ItemGroupByType() => Name = "ItemGroupBy";

    public static IReadOnlyDictionary<ItemGroupBy, GroupByDefinition<Item>> Groupings { get; } = new Dictionary<ItemGroupBy, GroupByDefinition<Item>>
    {
        // HasValue, not "Day == null ? null : Day.Value.Year": EF InMemory (10.0) evaluates the latter's Value even for null.
        [ItemGroupBy.Year] = GroupByDefinition<Item>.By("year", i => i.Day.HasValue ? i.Day.Value.Year : (int?)null),
        [ItemGroupBy.Tag] = GroupByDefinition<Item>.ByEach("tag", i => i.Tags, t => t.Label),
        // The key is the owner's id, the label its name, read with it (grouped by both, not looked up per group).
        [ItemGroupBy.Owner] = GroupByDefinition<Item>.By("owner", i => i.OwnerId, label: i => i.Owner == null ? null : i.Owner.Name),
    };
}

public sealed class ItemsConnectionType : ConnectionGraphType<ItemGraphType>
{
    public ItemsConnectionType() : base("PagedItems", "an item") =>
        this.AddGroupCountsField<Item, ItemGroupByType, ItemGroupBy>(ItemGroupByType.Groupings);
}

public sealed class OwnerItemsConnectionType : ConnectionGraphType<ItemGraphType>
{
    public OwnerItemsConnectionType() : base("OwnerItems", "an item") =>
        this.AddGroupCountsField<Item, ItemGroupByType, ItemGroupBy>(ItemGroupByType.Groupings);
}

public sealed class OwnerFavouritesConnectionType() : ConnectionGraphType<ItemGraphType>("OwnerFavourites", "an item");

public sealed class OwnersConnectionType() : ConnectionGraphType<OwnerGraphType>("Owners", "an owner");

public sealed class ItemListSegmentType() : CollectionSegmentGraphType<ItemGraphType>("ItemList");
