namespace ScholarGraph.GraphQL.Data.Tests.Model;

/// <summary>The rows a <see cref="TinyServer"/> starts with; each call builds new objects (EF tracks what it inserts).</summary>
public sealed record TinySeed(IReadOnlyList<Owner> Owners, IReadOnlyList<Item> Items)
{
    public IEnumerable<Tag> Tags => Items.SelectMany(i => i.Tags);

    public IEnumerable<Favourite> Favourites => Owners.SelectMany(o => o.Favourites);

    public Owner? OwnerOf(Item item) => Owners.FirstOrDefault(o => o.Id == item.OwnerId);

    public IEnumerable<Item> ItemsOf(Owner owner) => Items.Where(i => i.OwnerId == owner.Id);

    public IEnumerable<Item> FavouritesOf(Owner owner) => owner.Favourites.Select(f => Items.Single(i => i.Id == f.ItemId));
}

public static class Seeds
{
    /// <summary>
    /// Four items, small enough to check every filter and order by hand: a red Apple and a PEAR of Zed's, Amy's apple pie
    /// without note or size, and a Banana of no one's without a day.
    /// </summary>
    public static TinySeed Fruit() => new(
        [new Owner { Id = "o1", Name = "Zed" }, new Owner { Id = "o2", Name = "Amy" }],
        [
            new Item { Id = "a", Name = "Apple", Note = "red fruit", Rank = 1, Size = 3, Weight = 1.5, Day = new(2024, 1, 1), Active = true, OwnerId = "o1",
                Tags = [new Tag { ItemId = "a", Label = "fruit" }, new Tag { ItemId = "a", Label = "red" }] },
            new Item { Id = "b", Name = "apple pie", Note = null, Rank = 2, Size = null, Weight = 2.5, Day = new(2025, 6, 1), Active = false, OwnerId = "o2",
                Tags = [new Tag { ItemId = "b", Label = "food" }] },
            new Item { Id = "c", Name = "Banana", Note = "Yellow FRUIT", Rank = 3, Size = 1, Weight = 0.5, Day = null, Active = true, OwnerId = null,
                Tags = [new Tag { ItemId = "c", Label = "fruit" }, new Tag { ItemId = "c", Label = "yellow" }, new Tag { ItemId = "c", Label = "long" }] },
            new Item { Id = "d", Name = "PEAR", Note = "green", Rank = 4, Size = 3, Weight = 1.0, Day = new(2023, 3, 3), Active = false, OwnerId = "o1" },
        ]);

    /// <summary>
    /// Names with the characters LIKE patterns treat specially (<c>%</c>, <c>_</c>, a backslash) and with letters outside ASCII in
    /// both cases, to pin down what the string operators mean on each store.
    /// </summary>
    public static TinySeed Symbols() => new(
        [new Owner { Id = "o1", Name = "Zoë" }],
        [
            new Item { Id = "s1", Name = "100% juice", Rank = 1, Weight = 1 },
            new Item { Id = "s2", Name = "1000 juices", Rank = 2, Weight = 1 },
            new Item { Id = "s3", Name = "a_b", Rank = 3, Weight = 1 },
            new Item { Id = "s4", Name = "axb", Rank = 4, Weight = 1 },
            new Item { Id = "s5", Name = "back\\slash", Rank = 5, Weight = 1 },
            new Item { Id = "s6", Name = "Élan", Rank = 6, Weight = 1 },
            new Item { Id = "s7", Name = "élan vital", Rank = 7, Weight = 1 },
            new Item { Id = "s8", Name = "ELAND", Rank = 8, Weight = 1 },
        ]);

    private static readonly string[] OwnerNames = ["Ada", "Bo", "Cy", "Di", "Ed", "Ed", "Fay", "Gus", "Hal", "Ivy", "Jo", "Kai", "Lu", "Max"];
    private static readonly string[] Adjectives = ["Red", "green", "Big", "small", "RIPE"];
    private static readonly string[] Nouns = ["apple", "Pear", "plum", "Apple pie", "berry", "melon", "fig", "LIME"];
    private static readonly string[] Labels = ["fruit", "red", "green", "sweet", "sour", "x-large"];

    /// <summary>
    /// 14 owners (two named Ed) and 40 items, for paging, nesting, batching and counting; tests compute their expected answers
    /// from these rows. Every sixth item has no day (six of them, four owned by Ada, who has only two dated items); days repeat
    /// every twelve items, so orders by day have ties; every fifth has no size, every fourth no note and no tags, every ninth no
    /// owner. Owner k favours 1 to 4 items.
    /// </summary>
    public static TinySeed Shop()
    {
        var owners = OwnerNames.Select((name, k) => new Owner { Id = $"o{k + 1:D2}", Name = name }).ToList();
        var items = Enumerable.Range(1, 40).Select(n =>
        {
            var id = $"i{n:D2}";
            return new Item
            {
                Id = id,
                Name = $"{Adjectives[(n - 1) % 5]} {Nouns[(n - 1) / 5 % 8]}",
                Note = n % 4 == 0 ? null : $"Note {n}: {(n % 3 == 0 ? "FRESH fruit" : "fresh fruit")} from the market, kept long enough to be worth leaving out.",
                Rank = n * 7 % 10,
                Size = n % 5 == 0 ? null : n * 3 % 7,
                Weight = n % 9 * 0.5,
                Day = n % 6 == 0 ? null : new DateOnly(2020 + n % 4, 1 + n % 3 * 4, 1),
                Active = n % 3 == 0,
                OwnerId = n % 9 == 0 ? null : n % 6 == 0 ? owners[0].Id : owners[n * 5 % 14].Id,
                Tags = Enumerable.Range(0, n % 4).Select(j => new Tag { Id = n * 10 + j, ItemId = id, Label = Labels[(n + j * 2) % 6] }).ToList(),
            };
        }).ToList();
        foreach (var (owner, k) in owners.Select((o, i) => (o, i + 1)))
        {
            owner.Favourites = Enumerable.Range(0, k % 4 + 1)
                .Select(j => new Favourite { OwnerId = owner.Id, ItemId = items[(k * 7 + j * 11) % 40].Id, Position = j + 1 }).ToList();
        }
        return new TinySeed(owners, items);
    }
}
