using ScholarGraph.Tests.Shared.Postgres;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.Domain;
using ScholarGraph.Server.Writes.Changes;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Storage.Database;
using Xunit.Abstractions;

namespace ScholarGraph.Server.Tests.GraphQuestions;

/// <summary>
/// The index follows committed writes (through <see cref="GraphChangePublisher"/>), and a network of hundreds of authors costs a
/// fixed number of SQL commands, on SQLite and PostgreSQL.
/// </summary>
public abstract class GraphIndexUpdateTests<TFactory>(TFactory server, ITestOutputHelper output) : IClassFixture<TFactory> where TFactory : ScholarGraphFactory
{
    private const int Authors = 400;

    private const string Query = """
        query($id: ID!, $max: Int) {
          coauthorNetwork(authorId: $id, depth: 3, maxNodes: $max) {
            truncated
            center { name }
            nodes { distance author { name } }
            edges { weight source { name } target { name } sharedPapers(first: 5) { totalCount nodes { title } } }
          }
        }
        """;

    [Fact]
    public async Task A_published_write_reaches_the_index_and_a_network_costs_a_fixed_number_of_commands()
    {
        var id = SeedGraph.AuthorId("web-000");
        var before = await server.QueryAsync(Query, new { id, max = 120 });
        Assert.Equal(JsonValueKind.Null, before.GetProperty("coauthorNetwork").ValueKind);

        await WriteWebAsync();
        await server.Services.GetRequiredService<GraphChangePublisher>().PublishAsync([new BulkChange("test web of authors")]);

        var small = await RoundTripsAsync(id, 20);
        var large = await RoundTripsAsync(id, 120);
        Assert.Equal(small, large);
        Assert.InRange(large, 1, 4);
    }

    private async Task<int> RoundTripsAsync(string id, int maxNodes)
    {
        server.Commands.Reset();
        var network = (await server.QueryAsync(Query, new { id, max = maxNodes })).GetProperty("coauthorNetwork");
        Assert.Equal(maxNodes, network.GetProperty("nodes").GetArrayLength());
        Assert.True(network.GetProperty("truncated").GetBoolean());
        Assert.All(network.GetProperty("edges").EnumerateArray(), e =>
            Assert.Equal(e.GetProperty("weight").GetInt32(), e.GetProperty("sharedPapers").GetProperty("totalCount").GetInt32()));
        output.WriteLine($"maxNodes {maxNodes}: {network.GetProperty("edges").GetArrayLength()} edges, {server.Commands.Commands.Count} SQL commands");
        return server.Commands.Commands.Count;
    }

    /// <summary>Paper i is written by authors i, i+1, i+7 and i+31 (mod 400): every author has coauthors far around the circle.</summary>
    private async Task WriteWebAsync()
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<ScholarGraphDbContext>>().CreateDbContextAsync();
        for (var i = 0; i < Authors; i++)
            db.Authors.Add(new Author { Id = $"web-{i:D3}", Name = $"Web Author {i:D3}" });
        for (var i = 0; i < Authors; i++)
        {
            db.Papers.Add(new Paper { Id = $"web-paper-{i:D3}", Title = $"Web paper {i}", PublicationDate = new DateOnly(2020, 1, 1).AddDays(i) });
            int[] offsets = [0, 1, 7, 31];
            for (var k = 0; k < offsets.Length; k++)
                db.Authorships.Add(new Authorship { PaperId = $"web-paper-{i:D3}", AuthorId = $"web-{(i + offsets[k]) % Authors:D3}", Position = k + 1 });
        }
        await db.SaveChangesAsync();
    }
}

public sealed class GraphIndexUpdateOnSqliteTests(SqliteScholarGraphFactory server, ITestOutputHelper output)
    : GraphIndexUpdateTests<SqliteScholarGraphFactory>(server, output);

[RequiresPostgres]
public sealed class GraphIndexUpdateOnPostgresTests(PostgresScholarGraphFactory server, ITestOutputHelper output)
    : GraphIndexUpdateTests<PostgresScholarGraphFactory>(server, output);
