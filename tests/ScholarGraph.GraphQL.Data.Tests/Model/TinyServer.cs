using System.Linq.Expressions;
using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using GraphQL.Types;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.GraphQL.Data.Batching;
using ScholarGraph.GraphQL.Data.Batching.Extensions;
using ScholarGraph.GraphQL.Data.Filtering;
using ScholarGraph.GraphQL.Data.Filtering.Extensions;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.GraphQL.Data.Paging.Extensions;
using ScholarGraph.GraphQL.Data.Relay.Types;
using ScholarGraph.GraphQL.Data.Sorting.Extensions;
using ScholarGraph.Storage.Database.Postgres;
using ScholarGraph.Tests.Shared.Postgres;

namespace ScholarGraph.GraphQL.Data.Tests.Model;

/// <summary>What one request answered, with the SQL commands it sent (none on InMemory).</summary>
public sealed record TinyResponse(JsonElement Json, IReadOnlyList<string> Commands)
{
    /// <summary>The response's <c>data</c>, failing the test on any error.</summary>
    public JsonElement Data
    {
        get
        {
            Assert.False(Json.TryGetProperty("errors", out var errors), $"Unexpected errors: {errors}");
            return Json.GetProperty("data");
        }
    }

    /// <summary>The single error of the response.</summary>
    public JsonElement Error => Assert.Single(Json.GetProperty("errors").EnumerateArray());
}

/// <summary>The stores the tiny model runs on.</summary>
public enum TinyProvider
{
    /// <summary>SQLite on an in-memory connection.</summary>
    Sqlite,

    /// <summary>EF Core's InMemory provider: LINQ to Objects, no SQL.</summary>
    InMemory,

    /// <summary>
    /// PostgreSQL, a database of the fixture's own (<see cref="PostgresTestServer"/>), configured as ScholarGraph's store is: string
    /// columns in the collation C, null sorted first, the string operators as LIKE and ILIKE.
    /// </summary>
    Postgres,
}

/// <summary>
/// A GraphQL.NET schema over the tiny model on one provider (SQLite on an in-memory connection, EF InMemory, or PostgreSQL), resolved
/// through the data layer's entry points as a server resolves them, seeded with one <see cref="TinySeed"/>:
/// <c>items(where, order)</c> (a list), <c>pagedItems</c> and <c>owners</c> (cursor connections; an owner's <c>items</c> and
/// <c>favourites</c> are nested ones), <c>itemList(skip, take)</c> (offset paging) and <c>thing(id)</c> (an interface).
/// </summary>
public class TinyServer : IDisposable
{
    private static readonly Expression EfFunctions = Expression.Property(null, typeof(EF), nameof(EF.Functions));

    // As the server translates the string operators for PostgreSQL (ScholarGraph.Server/Hosting/StoreStringMatching.cs).
    private static readonly StringMatching PostgresMatching = StringMatching.Like(
        (member, pattern, escape) => Expression.Call(typeof(DbFunctionsExtensions), nameof(DbFunctionsExtensions.Like), null, EfFunctions, member, pattern, Expression.Constant(escape)),
        (member, pattern, escape) => Expression.Call(typeof(NpgsqlDbFunctionsExtensions), nameof(NpgsqlDbFunctionsExtensions.ILike), null, EfFunctions, member, pattern, Expression.Constant(escape)));

    private readonly SqliteConnection? _connection;
    private readonly PostgresTestDatabase? _database;
    private readonly ServiceProvider _services;
    private readonly Func<TinySeed> _seed;

    public TinyServer(TinyProvider provider, Func<TinySeed> seed)
    {
        _seed = seed;
        Provider = provider;
        var services = new ServiceCollection();
        switch (provider)
        {
            case TinyProvider.Sqlite:
                _connection = new SqliteConnection("Data Source=:memory:");
                _connection.Open();
                services.AddDbContextFactory<TinyContext>(o => o.UseSqlite(_connection).AddInterceptors(SqlRecorder.Instance));
                break;
            case TinyProvider.Postgres:
                _database = PostgresTestServer.CreateDatabase("tiny");
                services.AddDbContextFactory<TinyContext>(o => o.UseNpgsql(_database.ConnectionString).SortNullsFirst().AddInterceptors(SqlRecorder.Instance));
                services.AddSingleton(PostgresMatching);
                break;
            default:
                var name = Guid.NewGuid().ToString("N");
                services.AddDbContextFactory<TinyContext>(o => o.UseInMemoryDatabase(name));
                break;
        }
        services.AddScoped<BatchLoaderRegistry>();
        services.AddSingleton(new PagingOptions());
        services.AddGraphQL(b => b.AddSchema(provider =>
        {
            var paging = provider.GetRequiredService<PagingOptions>();
            var query = new ObjectGraphType { Name = "Query" };
            query.Field<ListGraphType<NonNullGraphType<ItemGraphType>>>("items")
                .WithWhereAndOrderArguments(typeof(ItemFilter), typeof(ItemSort))
                .ResolveAsync(async c =>
                {
                    var filter = c.FilterArgument<Item>();
                    var ordering = c.OrderArgument(Orderings.ItemsById);
                    await using var db = await c.RequestServices!.GetRequiredService<IDbContextFactory<TinyContext>>().CreateDbContextAsync();
                    return await ordering.Sort(filter is null ? db.Items : db.Items.Where(filter)).ToListAsync();
                });
            query.Field<ItemsConnectionType>("pagedItems")
                .WithPagingArguments(paging)
                .WithWhereAndOrderArguments(typeof(ItemFilter), typeof(ItemSort))
                .ResolveAsync(async c => await c.LoadConnectionAsync<TinyContext, Item>(db => db.Items, Orderings.ItemsNewestFirst));
            query.Field<ItemListSegmentType>("itemList")
                .WithOffsetPagingArguments(paging)
                .WithWhereAndOrderArguments(typeof(ItemFilter), typeof(ItemSort))
                .ResolveAsync(async c => await c.LoadCollectionSegmentAsync<TinyContext, Item>(db => db.Items, Orderings.ItemsNewestFirst));
            query.Field<OwnersConnectionType>("owners")
                .WithPagingArguments(paging)
                .WithWhereAndOrderArguments(typeof(OwnerFilter), typeof(OwnerSort))
                .ResolveAsync(async c => await c.LoadConnectionAsync<TinyContext, Owner>(db => db.Owners, Orderings.OwnersByName));
            query.Field<ThingInterface>("thing")
                .Argument<NonNullGraphType<StringGraphType>>("id")
                .Resolve(c => c.GetArgument<string>("id") is var id && id.StartsWith('o')
                    ? c.LoadByKey<TinyContext, string, Owner>("thing.owner", id, (db, keys) => db.Owners.Where(o => keys.Contains(o.Id)), o => o.Id)
                    : c.LoadByKey<TinyContext, string, Item>("thing.item", id, (db, keys) => db.Items.Where(i => keys.Contains(i.Id)), i => i.Id));
            var schema = new Schema(provider) { Query = query };
            schema.RegisterTypeMapping<DateOnly, DateOnlyGraphType>();
            schema.RegisterType<ItemGraphType>();
            schema.RegisterType<OwnerGraphType>();
            return schema;
        }).AddSystemTextJson().AddFilteringTypes().AddGraphTypes(typeof(TinyServer).Assembly).AddGraphTypes(typeof(NodeInterfaceGraphType).Assembly));
        _services = services.BuildServiceProvider();

        using var db = Contexts.CreateDbContext();
        db.Database.EnsureCreated();
        var rows = seed();
        db.Owners.AddRange(rows.Owners);
        db.Items.AddRange(rows.Items);
        db.SaveChanges();
    }

    /// <summary>The store.</summary>
    public TinyProvider Provider { get; }

    /// <summary>Whether the store is SQLite.</summary>
    public bool IsSqlite => Provider == TinyProvider.Sqlite;

    /// <summary>Whether the store is PostgreSQL.</summary>
    public bool IsPostgres => Provider == TinyProvider.Postgres;

    /// <summary>Whether the store sends SQL (SQLite and PostgreSQL; InMemory runs LINQ in memory and sends none).</summary>
    public bool IsRelational => Provider != TinyProvider.InMemory;

    /// <summary>A fresh copy of the rows the store was seeded with, to compute expected answers from.</summary>
    public TinySeed Seed => _seed();

    public IDbContextFactory<TinyContext> Contexts => _services.GetRequiredService<IDbContextFactory<TinyContext>>();

    /// <summary>Executes <paramref name="query"/> in a scope of its own and returns the response and the SQL it sent.</summary>
    public async Task<TinyResponse> ExecuteAsync(string query, object? variables = null)
    {
        using var scope = _services.CreateScope();
        var executer = scope.ServiceProvider.GetRequiredService<IDocumentExecuter<ISchema>>();
        var serializer = scope.ServiceProvider.GetRequiredService<IGraphQLTextSerializer>();
        var commands = SqlRecorder.Start();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            Variables = variables is null ? null : serializer.Deserialize<Inputs>(JsonSerializer.Serialize(variables)),
            RequestServices = scope.ServiceProvider,
        });
        var json = JsonDocument.Parse(serializer.Serialize(result)).RootElement.Clone();
        return new TinyResponse(json, [.. commands]);
    }

    /// <summary>Runs <c>{ items(...) { id } }</c> and returns the ids (or <c>null</c> on errors), the response and its SQL.</summary>
    public async Task<(List<string>? Ids, JsonElement Response, IReadOnlyList<string> Commands)> ItemsAsync(string arguments)
    {
        var (response, commands) = await ExecuteAsync($"{{ items({arguments}) {{ id }} }}");
        if (response.TryGetProperty("errors", out _))
            return (null, response, commands);
        return (response.GetProperty("data").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList(),
            response, commands);
    }

    public void Dispose()
    {
        _services.Dispose();
        _connection?.Dispose();
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteFruitServer() : TinyServer(TinyProvider.Sqlite, Seeds.Fruit);

public sealed class InMemoryFruitServer() : TinyServer(TinyProvider.InMemory, Seeds.Fruit);

public sealed class PostgresFruitServer() : TinyServer(TinyProvider.Postgres, Seeds.Fruit);

public sealed class SqliteSymbolServer() : TinyServer(TinyProvider.Sqlite, Seeds.Symbols);

public sealed class InMemorySymbolServer() : TinyServer(TinyProvider.InMemory, Seeds.Symbols);

public sealed class PostgresSymbolServer() : TinyServer(TinyProvider.Postgres, Seeds.Symbols);

public sealed class SqliteShopServer() : TinyServer(TinyProvider.Sqlite, Seeds.Shop);

public sealed class InMemoryShopServer() : TinyServer(TinyProvider.InMemory, Seeds.Shop);

public sealed class PostgresShopServer() : TinyServer(TinyProvider.Postgres, Seeds.Shop);
