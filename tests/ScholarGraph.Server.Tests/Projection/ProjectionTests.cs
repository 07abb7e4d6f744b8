using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.Tests.Projection;

/// <summary>
/// Projected loads return the same answers as whole rows on every provider: nested pages under projection keep their values
/// (Hot Chocolate's issue 4424 returns nulls there), fragments add their members.
/// </summary>
public abstract class ProjectionTests<TFactory>(TFactory server) : IClassFixture<TFactory>
    where TFactory : ScholarGraphFactory
{
    private async Task<Dictionary<string, (string Title, string? Abstract)>> PapersInStoreAsync()
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<ScholarGraphDbContext>>().CreateDbContextAsync();
        return await db.Papers.ToDictionaryAsync(p => p.Title, p => (p.Title, p.Abstract));
    }

    [Fact]
    public async Task Nested_pages_under_projection_keep_every_selected_value()
    {
        var store = await PapersInStoreAsync();
        var data = await server.QueryAsync("{ authors(first: 5) { nodes { name papers(first: 2) { nodes { title publicationDate } } } } }");
        var papers = data.GetProperty("authors").GetProperty("nodes").EnumerateArray()
            .SelectMany(a => a.GetProperty("papers").GetProperty("nodes").EnumerateArray()).ToList();
        Assert.NotEmpty(papers);
        Assert.All(papers, p => Assert.Contains(p.GetProperty("title").GetString()!, store.Keys));
        Assert.All(papers, p => Assert.Equal(JsonValueKind.String, p.GetProperty("publicationDate").ValueKind));
    }

    [Fact]
    public async Task Named_and_inline_fragments_add_their_members()
    {
        var store = await PapersInStoreAsync();
        var data = await server.QueryAsync("""
            { papers(first: 6) { ...Page } }
            fragment Page on PapersConnection { edges { node { title ... on Paper { ...Text } } } }
            fragment Text on Paper { abstract }
            """);
        var nodes = data.GetProperty("papers").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        Assert.Equal(6, nodes.Count);
        Assert.All(nodes, n => Assert.Equal(store[n.GetProperty("title").GetString()!].Abstract, n.GetProperty("abstract").GetString()));
    }

    [Fact]
    public async Task The_same_entity_with_different_selections_in_one_level_gets_each_its_own_members()
    {
        var data = await server.QueryAsync("""
            { a: author(id: "QXV0aG9yOmRldnZyaXQta2hhdHJp") { name } b: author(id: "QXV0aG9yOmRldnZyaXQta2hhdHJp") { category }
              node(id: "QXV0aG9yOmRldnZyaXQta2hhdHJp") { ... on Author { name category } } }
            """);
        Assert.Equal("Devvrit Khatri", data.GetProperty("a").GetProperty("name").GetString());
        Assert.Equal("LG", data.GetProperty("b").GetProperty("category").GetString());
        Assert.Equal("Devvrit Khatri", data.GetProperty("node").GetProperty("name").GetString());
        Assert.Equal("LG", data.GetProperty("node").GetProperty("category").GetString());
    }
}

public sealed class ProjectionOnInMemoryTests(ScholarGraphFactory server) : ProjectionTests<ScholarGraphFactory>(server);

public sealed class ProjectionOnSqliteTests(SqliteScholarGraphFactory server) : ProjectionTests<SqliteScholarGraphFactory>(server);
