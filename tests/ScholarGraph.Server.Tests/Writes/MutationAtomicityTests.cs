using ScholarGraph.Tests.Shared.Postgres;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Storage.Database;
using static ScholarGraph.Server.Tests.Infrastructure.WriteTestHost;

namespace ScholarGraph.Server.Tests.Writes;

/// <summary>A mutation that fails in the middle of its write leaves nothing behind and publishes nothing (SQLite and PostgreSQL).</summary>
public abstract class MutationAtomicityTests(WriteTestHost host, params string[] refuseThirdAuthor) : IAsyncLifetime
{
    private readonly WriteTestHost _host = host;

    public async Task InitializeAsync()
    {
        _ = _host.Server;
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<ScholarGraphDbContext>>().CreateDbContextAsync();
        // The store refuses the third of four new authors, after the first two rows are already inserted in the transaction.
        foreach (var sql in refuseThirdAuthor)
            await db.Database.ExecuteSqlRawAsync(sql);
    }

    public Task DisposeAsync()
    {
        _host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task CreatePaper_failing_on_its_third_of_four_new_authors_writes_nothing_and_publishes_nothing()
    {
        var before = await CountsAsync();
        var published = _host.Changes.Count;
        _host.Commands.Reset();

        var response = await _host.PostAsync("mutation M($input: CreatePaperInput!) { createPaper(input: $input) { paper { id } } }", new
        {
            input = new
            {
                title = "Half Written Paper",
                authors = new object[] { new { name = "First Of Four" }, new { name = "Second Of Four" }, new { name = "Third Of Four" }, new { name = "Fourth Of Four" } },
                institutionIds = new[] { Id("Institution", "berkeley") },
            },
        });

        // The write really started: rows went to the store before the trigger refused one.
        var inserts = _host.Commands.Commands.Where(c => c.Contains("INSERT INTO \"Authors\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(inserts);
        var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
        Assert.DoesNotContain("forced failure", error.ToString());
        Assert.DoesNotContain("   at ", error.ToString());
        Assert.Equal(JsonValueKind.Null, response.GetProperty("data").ValueKind);

        Assert.Equal(before, await CountsAsync());
        Assert.Equal(JsonValueKind.Null,
            (await _host.QueryAsync("query($id: ID!) { author(id: $id) { id } }", new { id = Id("Author", "first-of-four") })).GetProperty("author").ValueKind);
        Assert.Equal(published, _host.Changes.Count);

        // Without the refused name the same mutation goes through, so it was the mid-write failure that undid it.
        var retried = await _host.MutateAsync("createPaper", "mutation M($input: CreatePaperInput!) { createPaper(input: $input) { paper { authors { author { name } } } } }",
            new { title = "Whole Paper", authors = new object[] { new { name = "First Of Four" }, new { name = "Second Of Four" }, new { name = "Fourth Of Four" } } });
        Assert.Equal(3, retried.GetProperty("paper").GetProperty("authors").GetArrayLength());
    }

    private async Task<string> CountsAsync() =>
        (await _host.QueryAsync("{ authors { totalCount } papers { totalCount } }")).ToString();
}

public sealed class MutationAtomicityOnSqliteTests() : MutationAtomicityTests(new SqliteWriteTestHost(),
    "CREATE TRIGGER refuse_third_author BEFORE INSERT ON Authors WHEN NEW.Name = 'Third Of Four' BEGIN SELECT RAISE(ABORT, 'forced failure'); END");

[RequiresPostgres]
public sealed class MutationAtomicityOnPostgresTests() : MutationAtomicityTests(new PostgresWriteTestHost(),
    """
    CREATE FUNCTION refuse_third_author() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW."Name" = 'Third Of Four' THEN RAISE EXCEPTION 'forced failure'; END IF; RETURN NEW; END $$
    """,
    """CREATE TRIGGER refuse_third_author BEFORE INSERT ON "Authors" FOR EACH ROW EXECUTE FUNCTION refuse_third_author()""");
