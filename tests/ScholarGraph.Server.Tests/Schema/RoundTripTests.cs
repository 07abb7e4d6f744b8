using System.Text.Json;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.Server.Schema;

namespace ScholarGraph.Server.Tests.Schema;

/// <summary>
/// No query's database round trips grow with its page size: every to-many field of the elements of every root collection (found
/// in the live schema, not listed by hand) is read under a page of 5 parents and under a page of 50, on a generated 300-paper
/// graph on SQLite, and the two must send the same number of SQL commands.
/// </summary>
public sealed class RoundTripTests(RoundTripTests.Server server) : IClassFixture<RoundTripTests.Server>
{
    /// <summary>The generated graph without the field-cost limit: 50 authors' topic profiles cost a little over the default 5,000.</summary>
    public sealed class Server() : GeneratedSqliteScholarGraphFactory(new() { ["GraphQLLimits:MaxFieldCost"] = "1000000" });

    private async Task<(int Commands, int Parents, string? Errors)> MeasureAsync(FieldType root, string elements, FieldType child, string selection, int parents)
    {
        var query = $"{{ {root.Name}{SchemaCollections.Paging(root, parents)} {{ {elements} {{ {child.Name}{SchemaCollections.Paging(child)} {{ {selection} }} }} }} }}";
        server.Commands.Reset();
        var response = await server.ExecuteAsync(query);
        var commands = server.Commands.Commands.Count;
        if (response.TryGetProperty("errors", out var errors))
            return (commands, 0, $"{query} -> {errors}");
        return (commands, response.GetProperty("data").GetProperty(root.Name).GetProperty(elements).GetArrayLength(), null);
    }

    [Fact]
    public async Task Every_to_many_field_sends_as_many_SQL_commands_under_50_parents_as_under_5()
    {
        var schema = server.Services.GetRequiredService<ScholarGraphSchema>();
        schema.Initialize();
        await server.QueryAsync("{ __typename }");
        var failures = new List<string>();
        var measured = new List<string>();
        var grew = 0;
        foreach (var root in schema.Query.Fields.Where(f => !SchemaCollections.NeedsArguments(f) && SchemaCollections.Paging(f) != ""))
        {
            if (SchemaCollections.ElementsOf(root) is not { Field: { } elements, Element: IObjectGraphType element })
                continue;
            foreach (var child in element.Fields)
            {
                if (SchemaCollections.ElementsOf(child) is not { } childList)
                    continue;
                var selection = childList.Field is null ? "__typename" : $"{childList.Field} {{ __typename }}";
                var few = await MeasureAsync(root, elements, child, selection, 5);
                var many = await MeasureAsync(root, elements, child, selection, 50);
                if ((few.Errors ?? many.Errors) is { } errors)
                    failures.Add(errors);
                else if (few.Commands != many.Commands)
                    failures.Add($"{root.Name}.{child.Name}: {few.Commands} SQL commands for {few.Parents} parents, {many.Commands} for {many.Parents}");
                grew += many.Parents > few.Parents ? 1 : 0;
                measured.Add($"{root.Name}.{child.Name}: {few.Commands} / {many.Commands}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Contains(measured, m => m.StartsWith("authors.papers:", StringComparison.Ordinal));
        Assert.Contains(measured, m => m.StartsWith("papers.authors:", StringComparison.Ordinal));
        Assert.True(measured.Count > 15, $"expected every to-many field, measured {measured.Count}: {string.Join(", ", measured)}");
        // The larger page must really hold more parents, or equal counts would prove nothing.
        Assert.True(grew * 4 >= measured.Count * 3, $"only {grew} of {measured.Count} fields had more parents under the larger page");
    }
}
