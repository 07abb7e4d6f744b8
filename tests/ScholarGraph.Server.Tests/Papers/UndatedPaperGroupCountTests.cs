using ScholarGraph.Tests.Shared.Postgres;
using System.Text.Json;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Server.Tests.Writes;

namespace ScholarGraph.Server.Tests.Papers;

/// <summary><c>groupCounts(by: YEAR)</c> counts papers without a date under a null key, on every provider.</summary>
public abstract class UndatedPaperGroupCountTests<THost>(THost host) : IClassFixture<THost>
    where THost : WriteTestHost
{
    [Fact]
    public async Task A_paper_without_a_date_is_counted_under_a_null_year()
    {
        var title = $"An Undated Paper {Guid.NewGuid().ToString("N")[..6]}";
        const string CreatePaper = "mutation M($input: CreatePaperInput!) { createPaper(input: $input) { paper { id } errors { __typename } } }";
        Payloads.Success(await host.MutateAsync("createPaper", CreatePaper,
            new { title, authors = new object[] { new { authorId = WriteTestHost.Id("Author", "devvrit-khatri") } } }), "paper");

        var data = await host.QueryAsync("""
            query($title: String) { papers(where: { title: { eq: $title } }) { groupCounts(by: YEAR) { key count } } }
            """, new { title });

        var group = Assert.Single(data.GetProperty("papers").GetProperty("groupCounts").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, group.GetProperty("key").ValueKind);
        Assert.Equal(1, group.GetProperty("count").GetInt32());
    }
}

public sealed class UndatedPaperGroupCountOnInMemoryTests(WriteTestHost host) : UndatedPaperGroupCountTests<WriteTestHost>(host);

public sealed class UndatedPaperGroupCountOnSqliteTests(SqliteWriteTestHost host) : UndatedPaperGroupCountTests<SqliteWriteTestHost>(host);

[RequiresPostgres]
public sealed class UndatedPaperGroupCountOnPostgresTests(PostgresWriteTestHost host) : UndatedPaperGroupCountTests<PostgresWriteTestHost>(host);
