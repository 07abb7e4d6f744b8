using ScholarGraph.Tests.Shared.Postgres;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.Server.Schema;
using ScholarGraph.Server.Tests.Infrastructure;

namespace ScholarGraph.Server.Tests.Schema;

/// <summary>
/// Runs every collection field of the live schema (root collections and the connection and list fields of every type they
/// reach) with and without its <c>where</c> and <c>order</c>, so a field whose query a provider cannot translate (SQLite has no
/// APPLY) fails here even when no other test names it. The queries are built from the schema, not listed by hand.
/// </summary>
public abstract class EveryCollectionFieldTests<TFactory>(TFactory server) : IClassFixture<TFactory>
    where TFactory : ScholarGraphFactory
{
    /// <summary>Each root collection and each collection field of its element type, as one query per variant.</summary>
    private IEnumerable<(string Name, string Query)> Queries()
    {
        var schema = server.Services.GetRequiredService<ScholarGraphSchema>();
        schema.Initialize();
        foreach (var root in schema.Query.Fields)
        {
            // A field that needs arguments to answer (coauthorNetwork's author) is a graph question, not a collection; the
            // Network tests cover those.
            if (SchemaCollections.NeedsArguments(root))
                continue;
            if (SchemaCollections.ElementsOf(root) is not { } list || list.Element is not IObjectGraphType element)
                continue;
            foreach (var (variant, arguments) in Variants(root))
                yield return ($"{root.Name}{variant}", $"{{ {root.Name}{arguments} {{ {list.Field} {{ __typename }} }} }}");
            foreach (var child in element.Fields)
            {
                if (SchemaCollections.ElementsOf(child) is not { } childList)
                    continue;
                var selection = childList.Field is null ? "__typename" : $"{childList.Field} {{ __typename }}";
                foreach (var (variant, arguments) in Variants(child))
                    yield return ($"{root.Name}.{child.Name}{variant}",
                        $"{{ {root.Name}{SchemaCollections.Paging(root)} {{ {list.Field} {{ {child.Name}{arguments} {{ {selection} }} }} }} }}");
            }
        }
    }

    /// <summary>Without arguments, with a <c>where</c> on the first string member, and with an <c>order</c> on the first sort key.</summary>
    private static IEnumerable<(string Variant, string Arguments)> Variants(FieldType field)
    {
        var paging = field.Arguments?.Find("first") is not null ? "first: 3" : field.Arguments?.Find("take") is not null ? "take: 3" : null;
        string Arguments(string? extra) =>
            string.Join(", ", new[] { paging, extra }.Where(a => a is not null)) is { Length: > 0 } joined ? $"({joined})" : "";
        yield return ("", Arguments(null));
        if (field.Arguments?.Find("where")?.ResolvedType?.GetNamedType() is IInputObjectGraphType filter
            && filter.Fields.FirstOrDefault(f => f.ResolvedType?.GetNamedType().Name == "StringOperationFilterInput") is { } text)
            yield return ("(where)", Arguments($"where: {{ {text.Name}: {{ neq: \"~\" }} }}"));
        if (field.Arguments?.Find("order")?.ResolvedType?.GetNamedType() is IInputObjectGraphType sort)
            yield return ("(order)", Arguments($"order: [{{ {sort.Fields.First().Name}: DESC }}]"));
    }

    [Fact]
    public async Task Every_collection_field_answers_with_and_without_where_and_order()
    {
        var queries = Queries().ToList();
        Assert.True(queries.Count > 20, $"expected every collection field, found {queries.Count} queries");
        var failures = new List<string>();
        foreach (var (name, query) in queries)
        {
            var response = await server.ExecuteAsync(query);
            if (response.TryGetProperty("errors", out var errors))
                failures.Add($"{name}: {query} -> {errors}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void The_collection_fields_include_the_nested_author_connections()
    {
        var names = Queries().Select(q => q.Name).ToHashSet();
        Assert.Contains("topics.authors(where)", names);
        Assert.Contains("institutions.authors(order)", names);
        Assert.Contains("authors.papers(order)", names);
    }
}

public sealed class EveryCollectionFieldOnSqliteTests(SqliteScholarGraphFactory server) : EveryCollectionFieldTests<SqliteScholarGraphFactory>(server);

[RequiresPostgres]
public sealed class EveryCollectionFieldOnPostgresTests(PostgresScholarGraphFactory server) : EveryCollectionFieldTests<PostgresScholarGraphFactory>(server);

public sealed class EveryCollectionFieldOnInMemoryTests(ScholarGraphFactory server) : EveryCollectionFieldTests<ScholarGraphFactory>(server);
