using ScholarGraph.Tests.Shared.Postgres;
using System.Text.Json;
using ScholarGraph.Server.Tests.Infrastructure;

namespace ScholarGraph.Server.Tests.Authors;

/// <summary>One query returns every fact of the seeded profile page, on every provider.</summary>
public abstract class ProfileQueryTests<TFactory>(TFactory server) : IClassFixture<TFactory>
    where TFactory : ScholarGraphFactory
{
    public const string ProfileQuery = """
        query Profile($id: ID!) {
          author(id: $id) {
            name
            category
            reportedMetrics { source hIndex paperCount citationCount noveltyPercent aiScore }
            papers(first: 10) {
              totalCount
              nodes {
                title category publicationDate dateYearInferred codeUrl abstract authorListTruncated
                authors { position author { name } }
                institutions { name }
              }
            }
          }
        }
        """;

    /// <summary>The global id of the profile's author (base64 of "Author:devvrit-khatri").</summary>
    public const string ProfileAuthorId = "QXV0aG9yOmRldnZyaXQta2hhdHJp";

    [Fact]
    public async Task The_profile_author_has_the_page_name_category_and_metrics()
    {
        var author = (await server.QueryAsync(ProfileQuery, new { id = ProfileAuthorId })).GetProperty("author");
        Assert.Equal("Devvrit Khatri", author.GetProperty("name").GetString());
        Assert.Equal("LG", author.GetProperty("category").GetString());
        var metrics = Assert.Single(author.GetProperty("reportedMetrics").EnumerateArray());
        Assert.Equal("profile:devvrit-khatri", metrics.GetProperty("source").GetString());
        Assert.Equal(43, metrics.GetProperty("hIndex").GetInt32());
        Assert.Equal(6, metrics.GetProperty("paperCount").GetInt32());
        Assert.Equal(87, metrics.GetProperty("citationCount").GetInt32());
        Assert.Equal(64, metrics.GetProperty("noveltyPercent").GetDouble());
        Assert.Equal(58, metrics.GetProperty("aiScore").GetDouble());
    }

    [Fact]
    public async Task The_six_papers_come_newest_first_with_every_printed_fact()
    {
        var papers = (await server.QueryAsync(ProfileQuery, new { id = ProfileAuthorId })).GetProperty("author").GetProperty("papers");
        Assert.Equal(6, papers.GetProperty("totalCount").GetInt32());
        var nodes = papers.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(
            ["2026-05-12", "2026-02-24", "2025-12-15", "2025-10-17", "2025-10-15", "2023-10-16"],
            nodes.Select(n => n.GetProperty("publicationDate").GetString()));
        Assert.Equal([true, true, false, false, false, false], nodes.Select(n => n.GetProperty("dateYearInferred").GetBoolean()));
        Assert.All(nodes, n => Assert.Equal("LG", n.GetProperty("category").GetString()));
        Assert.All(nodes, n => Assert.True(n.GetProperty("authorListTruncated").GetBoolean()));
        Assert.All(nodes, n => Assert.False(string.IsNullOrEmpty(n.GetProperty("abstract").GetString())));

        var interleaved = nodes[1];
        Assert.Equal("Interleaved Head Attention", interleaved.GetProperty("title").GetString());
        Assert.Equal(["Sai Surya Duvvuri", "Chanakya Ekbote", "Rachit Bansal", "Devvrit Khatri"], Names(interleaved));
        Assert.Equal([1, 2, 3, 0], interleaved.GetProperty("authors").EnumerateArray()
            .Select(a => a.GetProperty("position").ValueKind == JsonValueKind.Null ? 0 : a.GetProperty("position").GetInt32()));
        Assert.Equal(["berkeley"], interleaved.GetProperty("institutions").EnumerateArray().Select(i => i.GetProperty("name").GetString()));

        var testTime = nodes[2];
        Assert.Equal(["harvard", "microsoft-research"], testTime.GetProperty("institutions").EnumerateArray().Select(i => i.GetProperty("name").GetString()));

        var dexml = nodes[5];
        Assert.Equal("Dual-Encoders for Extreme Multi-Label Classification", dexml.GetProperty("title").GetString());
        Assert.Equal("https://github.com/nilesh2797/dexml", dexml.GetProperty("codeUrl").GetString());
        Assert.Equal(["Nilesh Gupta", "Devvrit Khatri", "Ankit S Rawat"], Names(dexml));
        Assert.Equal(1, nodes.Count(n => n.GetProperty("codeUrl").ValueKind != JsonValueKind.Null));
    }

    private static IEnumerable<string?> Names(JsonElement paper) =>
        paper.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("author").GetProperty("name").GetString());
}

public sealed class ProfileQueryOnInMemoryTests(ScholarGraphFactory server) : ProfileQueryTests<ScholarGraphFactory>(server);

public sealed class ProfileQueryOnSqliteTests(SqliteScholarGraphFactory server) : ProfileQueryTests<SqliteScholarGraphFactory>(server);

[RequiresPostgres]
public sealed class ProfileQueryOnPostgresTests(PostgresScholarGraphFactory server) : ProfileQueryTests<PostgresScholarGraphFactory>(server);
