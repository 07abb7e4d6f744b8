using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.Domain;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Storage.Database;
using Xunit.Abstractions;

namespace ScholarGraph.Server.Tests.Paging;

/// <summary>No N+1: the number of SQL round trips of a nested query does not grow with the page size.</summary>
public sealed class RoundTripTests : IClassFixture<SqliteScholarGraphFactory>, IAsyncLifetime
{
    private const string Query = """
        query($size: Int!) {
          authors(first: $size) {
            totalCount
            nodes {
              name
              papers(first: 5) { totalCount nodes { title authors { position author { name } } topics { score topic { name } } } }
              coauthors(first: 5) { edges { sharedPaperCount node { name } } }
            }
          }
        }
        """;

    private readonly SqliteScholarGraphFactory _server;
    private readonly ITestOutputHelper _output;

    public RoundTripTests(SqliteScholarGraphFactory server, ITestOutputHelper output) => (_server, _output) = (server, output);

    public async Task InitializeAsync()
    {
        // 80 extra authors in a ring: paper i is written by authors i, i+1 and i+2, so everyone has papers and coauthors.
        await using var db = await _server.Services.GetRequiredService<IDbContextFactory<ScholarGraphDbContext>>().CreateDbContextAsync();
        if (await db.Authors.AnyAsync(a => a.Id.StartsWith("ring-")))
            return;
        const int Count = 80;
        for (var i = 0; i < Count; i++)
            db.Authors.Add(new Author { Id = $"ring-{i:D3}", Name = $"Ring Author {i:D3}" });
        for (var i = 0; i < Count; i++)
        {
            db.Papers.Add(new Paper { Id = $"ring-paper-{i:D3}", Title = $"Ring paper {i}", PublicationDate = new DateOnly(2020, 1, 1).AddDays(i) });
            for (var k = 0; k < 3; k++)
                db.Authorships.Add(new Authorship { PaperId = $"ring-paper-{i:D3}", AuthorId = $"ring-{(i + k) % Count:D3}", Position = k + 1 });
            db.PaperTopics.Add(new PaperTopic { PaperId = $"ring-paper-{i:D3}", TopicId = "reasoning", Score = 1, ScoreSource = "source" });
        }
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> RoundTripsAsync(int pageSize)
    {
        _server.Commands.Reset();
        var data = await _server.QueryAsync(Query, new { size = pageSize });
        Assert.Equal(pageSize, data.GetProperty("authors").GetProperty("nodes").GetArrayLength());
        _output.WriteLine($"page size {pageSize}: {_server.Commands.Commands.Count} round trips");
        return _server.Commands.Commands.Count;
    }

    [Fact]
    public async Task Fifty_authors_with_papers_and_coauthors_take_as_many_round_trips_as_five()
    {
        var small = await RoundTripsAsync(5);
        var large = await RoundTripsAsync(50);
        Assert.Equal(small, large);
        // authors page, authors count, papers pages, papers counts, coauthors, paper authors, author names, paper topics, topic names
        Assert.InRange(large, 1, 10);
    }

    [Fact]
    public async Task Nested_pages_are_cut_in_sql_with_a_window_per_parent()
    {
        _server.Commands.Reset();
        await _server.QueryAsync("{ authors(first: 50) { nodes { papers(first: 2) { nodes { title } } } } }");
        var sql = _server.Commands.Commands;
        Assert.Equal(2, sql.Count);
        Assert.Contains("LIMIT", sql[0]);
        Assert.Contains("ROW_NUMBER() OVER(PARTITION BY", sql[1]);
        Assert.DoesNotContain("COUNT", sql[1]);
    }

    [Fact]
    public async Task TotalCount_is_counted_only_when_selected()
    {
        _server.Commands.Reset();
        await _server.QueryAsync("{ authors(first: 3) { nodes { name } } }");
        Assert.DoesNotContain(_server.Commands.Commands, c => c.Contains("COUNT(", StringComparison.Ordinal));
        _server.Commands.Reset();
        await _server.QueryAsync("{ authors(first: 3) { totalCount } }");
        Assert.Contains(_server.Commands.Commands, c => c.Contains("COUNT(", StringComparison.Ordinal));
    }
}
