using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.GraphQL.Data.Batching;
using ScholarGraph.GraphQL.Data.Errors;
using ScholarGraph.GraphQL.Data.Filtering.Extensions;
using ScholarGraph.GraphQL.Data.Filtering.Types;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.GraphQL.Data.Paging.Expressions;
using ScholarGraph.GraphQL.Data.Sorting.Extensions;
using ScholarGraph.GraphQL.Data.Sorting.Types;

namespace ScholarGraph.GraphQL.Data.Tests.Filtering;

// A model of its own, knowing nothing of scholars: items with an optional owner and a list of tags.
public sealed class Owner
{
    public required string Id { get; set; }
    public required string Name { get; set; }
}

public sealed class Item
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public string? Note { get; set; }
    public int Rank { get; set; }
    public int? Size { get; set; }
    public double Weight { get; set; }
    public DateOnly? Day { get; set; }
    public bool Active { get; set; }
    public string? OwnerId { get; set; }
    public Owner? Owner { get; set; }
    public List<Tag> Tags { get; set; } = [];
}

public sealed class Tag
{
    public int Id { get; set; }
    public required string ItemId { get; set; }
    public required string Label { get; set; }
}

public sealed class TinyContext(DbContextOptions<TinyContext> options) : DbContext(options)
{
    public DbSet<Item> Items => Set<Item>();
    public DbSet<Owner> Owners => Set<Owner>();
    public DbSet<Tag> Tags => Set<Tag>();
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

    public OwnerFilter() : base(TypeName, "Owners.") => Field("name", o => o.Name, "Name.");
}

public sealed class TagFilter : FilterInputGraphType<Tag>, IFilterInputTypeName
{
    public static string TypeName => "TagFilterInput";

    public TagFilter() : base(TypeName, "Tags.") => Field("label", t => t.Label, "Label.");
}

public sealed class ItemSort : SortInputGraphType<Item>
{
    public ItemSort() : base("ItemSortInput", "Items.", (Item i) => i.Id)
    {
        Field("name", i => i.Name, "Name.");
        Field("size", i => i.Size, "Size.");
        Field("day", i => i.Day, "Day.");
        Object<OwnerSort, Owner>("owner", i => i.Owner, "Owner.");
    }
}

public sealed class OwnerSort : SortInputGraphType<Owner>
{
    public OwnerSort() : base("OwnerSortInput", "Owners.", (Owner o) => o.Id) => Field("name", o => o.Name, "Name.");
}

public sealed class ItemGraphType : ObjectGraphType<Item>
{
    public ItemGraphType()
    {
        Name = "Item";
        Field<NonNullGraphType<StringGraphType>>("id").Resolve(c => c.Source.Id);
    }
}

/// <summary>
/// A GraphQL.NET schema over the tiny model on one provider: <c>items(where, order)</c> runs the filter and order through the same
/// resolver helpers as the server, and records the SQL of the last query.
/// </summary>
public class TinyServer : IDisposable
{
    public static readonly KeysetOrdering<Item> ById = KeysetOrdering<Item>.Named("Item:id").ThenBy(i => i.Id);

    private readonly SqliteConnection? _connection;
    private readonly ServiceProvider _services;

    public TinyServer(bool sqlite)
    {
        var services = new ServiceCollection();
        if (sqlite)
        {
            _connection = new SqliteConnection("Data Source=:memory:");
            _connection.Open();
            services.AddDbContextFactory<TinyContext>(o => o.UseSqlite(_connection));
        }
        else
        {
            var name = Guid.NewGuid().ToString("N");
            services.AddDbContextFactory<TinyContext>(o => o.UseInMemoryDatabase(name));
        }
        services.AddScoped<BatchLoaderRegistry>();
        services.AddSingleton(new PagingOptions());
        services.AddGraphQL(b => b.AddSchema(provider =>
        {
            var query = new ObjectGraphType { Name = "Query" };
            query.Field<ListGraphType<ItemGraphType>>("items")
                .WithWhereAndOrderArguments(typeof(ItemFilter), typeof(ItemSort))
                .ResolveAsync(async c =>
                {
                    var filter = c.FilterArgument<Item>();
                    var ordering = c.OrderArgument(ById);
                    await using var db = await c.RequestServices!.GetRequiredService<IDbContextFactory<TinyContext>>().CreateDbContextAsync();
                    var items = filter is null ? db.Items : db.Items.Where(filter);
                    var sorted = ordering.Sort(items);
                    LastSql = sorted.ToQueryString();
                    return await sorted.ToListAsync();
                });
            var schema = new Schema(provider) { Query = query };
            schema.RegisterTypeMapping<DateOnly, DateOnlyGraphType>();
            return schema;
        }).AddSystemTextJson().AddFilteringTypes().AddGraphTypes(typeof(TinyServer).Assembly).AddGraphTypes(typeof(FilterException).Assembly));
        _services = services.BuildServiceProvider();

        using var db = _services.GetRequiredService<IDbContextFactory<TinyContext>>().CreateDbContext();
        db.Database.EnsureCreated();
        db.Owners.AddRange(new Owner { Id = "o1", Name = "Zed" }, new Owner { Id = "o2", Name = "Amy" });
        db.Items.AddRange(
            new Item { Id = "a", Name = "Apple", Note = "red fruit", Rank = 1, Size = 3, Weight = 1.5, Day = new(2024, 1, 1), Active = true, OwnerId = "o1",
                Tags = [new Tag { ItemId = "a", Label = "fruit" }, new Tag { ItemId = "a", Label = "red" }] },
            new Item { Id = "b", Name = "apple pie", Note = null, Rank = 2, Size = null, Weight = 2.5, Day = new(2025, 6, 1), Active = false, OwnerId = "o2",
                Tags = [new Tag { ItemId = "b", Label = "food" }] },
            new Item { Id = "c", Name = "Banana", Note = "Yellow FRUIT", Rank = 3, Size = 1, Weight = 0.5, Day = null, Active = true, OwnerId = null,
                Tags = [new Tag { ItemId = "c", Label = "fruit" }, new Tag { ItemId = "c", Label = "yellow" }, new Tag { ItemId = "c", Label = "long" }] },
            new Item { Id = "d", Name = "PEAR", Note = "green", Rank = 4, Size = 3, Weight = 1.0, Day = new(2023, 3, 3), Active = false, OwnerId = "o1" });
        db.SaveChanges();
    }

    public string LastSql { get; private set; } = "";

    /// <summary>Runs <c>{ items(...) { id } }</c> and returns the ids, or the response's errors.</summary>
    public async Task<(List<string>? Ids, JsonElement Response)> ItemsAsync(string arguments)
    {
        using var scope = _services.CreateScope();
        var executer = scope.ServiceProvider.GetRequiredService<IDocumentExecuter<ISchema>>();
        var serializer = scope.ServiceProvider.GetRequiredService<IGraphQLTextSerializer>();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = $"{{ items({arguments}) {{ id }} }}",
            RequestServices = scope.ServiceProvider,
        });
        var response = JsonDocument.Parse(serializer.Serialize(result)).RootElement.Clone();
        if (response.TryGetProperty("errors", out _))
            return (null, response);
        return (response.GetProperty("data").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList(), response);
    }

    public void Dispose()
    {
        _services.Dispose();
        _connection?.Dispose();
    }
}
