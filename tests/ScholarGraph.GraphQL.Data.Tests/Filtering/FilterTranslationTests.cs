using ScholarGraph.Tests.Shared.Postgres;
using ScholarGraph.GraphQL.Data.Tests.Model;

namespace ScholarGraph.GraphQL.Data.Tests.Filtering;

/// <summary>
/// The filter and sort translators on the four fruit items, run by the database (SQLite) and in memory (InMemory); the SQL of
/// every case is snapshotted.
/// </summary>
public abstract class FilterTranslationTests(TinyServer server) : TinyTests(server)
{
    [Theory]
    // strings: case-sensitive by default, i-prefixed ignore case
    [InlineData("""name: { eq: "Apple" }""", "a")]
    [InlineData("""name: { eq: "apple" }""", "")]
    [InlineData("""name: { ieq: "apple" }""", "a")]
    [InlineData("""name: { neq: "Apple" }""", "b,c,d")]
    [InlineData("""name: { in: ["Apple", "PEAR", "pear"] }""", "a,d")]
    [InlineData("""name: { nin: ["Apple", "PEAR"] }""", "b,c")]
    [InlineData("""name: { contains: "pple" }""", "a,b")]
    [InlineData("""name: { contains: "PPLE" }""", "")]
    [InlineData("""name: { icontains: "PPLE" }""", "a,b")]
    [InlineData("""name: { ncontains: "pple" }""", "c,d")]
    [InlineData("""name: { startsWith: "app" }""", "b")]
    [InlineData("""name: { istartsWith: "app" }""", "a,b")]
    [InlineData("""name: { nstartsWith: "app" }""", "a,c,d")]
    [InlineData("""name: { endsWith: "ear" }""", "")]
    [InlineData("""name: { endsWith: "EAR" }""", "d")]
    [InlineData("""name: { iendsWith: "ear" }""", "d")]
    [InlineData("""name: { nendsWith: "EAR" }""", "a,b,c")]
    [InlineData("""note: { contains: "fruit" }""", "a")]
    [InlineData("""note: { icontains: "fruit" }""", "a,c")]
    [InlineData("""note: { ncontains: "fruit" }""", "b,c,d")]
    [InlineData("""name: { or: [{ eq: "Apple" }, { eq: "PEAR" }] }""", "a,d")]
    // nulls
    [InlineData("""note: { eq: null }""", "b")]
    [InlineData("""note: { neq: null }""", "a,c,d")]
    [InlineData("""size: { eq: null }""", "b")]
    [InlineData("""day: { neq: null }""", "a,b,d")]
    // comparable
    [InlineData("""rank: { gt: 2 }""", "c,d")]
    [InlineData("""rank: { ngt: 2 }""", "a,b")]
    [InlineData("""rank: { gte: 2, lt: 4 }""", "b,c")]
    [InlineData("""rank: { nlt: 3 }""", "c,d")]
    [InlineData("""rank: { lte: 1 }""", "a")]
    [InlineData("""rank: { nlte: 3 }""", "d")]
    [InlineData("""rank: { ngte: 2 }""", "a")]
    [InlineData("""rank: { in: [1, 4] }""", "a,d")]
    [InlineData("""size: { gt: 2 }""", "a,d")]
    [InlineData("""weight: { gte: 1.5 }""", "a,b")]
    [InlineData("""day: { lt: "2024-06-01" }""", "a,d")]
    [InlineData("""day: { in: ["2025-06-01", "2023-03-03"] }""", "b,d")]
    [InlineData("""active: { eq: true }""", "a,c")]
    [InlineData("""active: { neq: true }""", "b,d")]
    // ids decoded by the field's converter
    [InlineData("""id: { eq: "item:c" }""", "c")]
    [InlineData("""id: { nin: ["item:a", "item:b"] }""", "c,d")]
    // and / or
    [InlineData("""and: [{ rank: { gt: 1 } }, { active: { eq: false } }]""", "b,d")]
    [InlineData("""or: [{ rank: { eq: 1 } }, { name: { eq: "PEAR" } }]""", "a,d")]
    [InlineData("""rank: { gt: 1 }, active: { eq: true }""", "c")]
    // to-one relations: a missing owner matches no nested filter
    [InlineData("""owner: { name: { eq: "Zed" } }""", "a,d")]
    [InlineData("""owner: { name: { neq: "Zed" } }""", "b")]
    // lists
    [InlineData("""tags: { some: { label: { eq: "fruit" } } }""", "a,c")]
    [InlineData("""tags: { none: { label: { eq: "fruit" } } }""", "b,d")]
    [InlineData("""tags: { all: { label: { in: ["fruit", "red"] } } }""", "a,d")]
    [InlineData("""tags: { any: true }""", "a,b,c")]
    [InlineData("""tags: { any: false }""", "d")]
    [InlineData("""tags: { count: { gte: 2 } }""", "a,c")]
    [InlineData("""tags: { count: { eq: 0 } }""", "d")]
    [InlineData("""tags: { some: { label: { eq: "fruit" } }, count: { gt: 2 } }""", "c")]
    [InlineData("", "a,b,c,d")]
    public async Task Filters_keep_exactly_the_matching_rows(string where, string expected)
    {
        var arguments = $"where: {{ {where} }}";
        var (ids, response, sql) = await Server.ItemsAsync(arguments);
        Assert.True(ids is not null, response.ToString());
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), ids);
        MatchSql($"{{ items({arguments}) {{ id }} }}", sql, where);
    }

    [Theory]
    [InlineData("order: [{ name: ASC }]", "ordinal: upper case before lower case", "a,c,d,b")]
    [InlineData("order: [{ size: DESC }, { name: DESC }]", "", "d,a,c,b")]
    [InlineData("order: [{ size: ASC }]", "null size first, ties by id", "b,c,a,d")]
    [InlineData("order: [{ day: DESC }]", "null day last", "b,a,d,c")]
    [InlineData("order: [{ owner: { name: ASC } }]", "no owner first, then Amy, Zed, ties by id", "c,b,a,d")]
    [InlineData("order: [{ owner: { name: DESC } }, { name: DESC }]", "", "d,a,b,c")]
    public async Task Orders_sort_by_their_keys_then_by_id(string order, string why, string expected)
    {
        var (ids, response, sql) = await Server.ItemsAsync(order);
        Assert.True(ids is not null, $"{why}: {response}");
        Assert.Equal(expected.Split(','), ids);
        MatchSql($"{{ items({order}) {{ id }} }}", sql, order);
    }

    [Theory]
    [InlineData("""where: { id: { eq: "x:1" } }""", "FILTER_INVALID_VALUE", "items(where).id.eq: 'x:1' is not an item id.")]
    [InlineData("""where: { or: [] }""", "FILTER_INVALID_VALUE", "items(where).or: must hold at least one filter")]
    [InlineData("""where: { rank: { gt: null } }""", "FILTER_INVALID_VALUE", "items(where).rank.gt: must not be null")]
    [InlineData("""where: { tags: { some: { label: { in: null } } } }""", "FILTER_INVALID_VALUE", "items(where).tags.some.label.in: must not be null")]
    [InlineData("""order: [{ name: ASC, size: DESC }]""", "SORT_INVALID_VALUE", "items(order).0: each element of 'order' must set exactly one field")]
    [InlineData("""order: [{ owner: { name: null } }]""", "SORT_INVALID_VALUE", "items(order).0.owner.name: must be ASC or DESC")]
    public async Task Values_that_cannot_be_applied_are_coded_errors_naming_the_path(string arguments, string code, string message)
    {
        var (ids, response, sql) = await Server.ItemsAsync(arguments);
        Assert.Null(ids);
        Assert.Empty(sql); // refused before anything reaches the database
        var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains(message, error.GetProperty("message").GetString());
    }
}

public sealed class SqliteFilterTranslationTests(SqliteFruitServer server) : FilterTranslationTests(server), IClassFixture<SqliteFruitServer>
{
    [Fact]
    public async Task The_whole_filter_is_one_sql_where_with_exists_and_count_subqueries()
    {
        const string arguments = """
            where: { owner: { name: { eq: "Zed" } }, tags: { some: { label: { startsWith: "fr" } }, none: { label: { eq: "x" } }, count: { lt: 5 } },
                     name: { icontains: "p" } }
            """;
        var (ids, _, commands) = await Server.ItemsAsync(arguments);
        Assert.Equal(["a"], ids);
        var sql = Assert.Single(commands);
        MatchSql($"{{ items({arguments}) {{ id }} }}", commands);
        // The point of the test, beside the snapshot: no LIKE (case-insensitive on SQLite), and values as parameters, not literals.
        Assert.DoesNotContain("LIKE", sql);
        Assert.Contains("\"o\".\"Name\" = @", sql);
        Assert.DoesNotContain("'Zed'", sql);
    }
}

public sealed class InMemoryFilterTranslationTests(InMemoryFruitServer server) : FilterTranslationTests(server), IClassFixture<InMemoryFruitServer>;

[RequiresPostgres]
public sealed class PostgresFilterTranslationTests(PostgresFruitServer server) : FilterTranslationTests(server), IClassFixture<PostgresFruitServer>
{
    [Fact]
    public async Task The_whole_filter_is_one_sql_where_with_exists_and_count_subqueries_and_patterns_as_like_and_ilike()
    {
        const string arguments = """
            where: { owner: { name: { eq: "Zed" } }, tags: { some: { label: { startsWith: "fr" } }, none: { label: { eq: "x" } }, count: { lt: 5 } },
                     name: { icontains: "p" } }
            """;
        var (ids, _, commands) = await Server.ItemsAsync(arguments);
        Assert.Equal(["a"], ids);
        var sql = Assert.Single(commands);
        MatchSql($"{{ items({arguments}) {{ id }} }}", commands);
        // A case-sensitive operator is LIKE, an ignoring-case one ILIKE, each with its pattern as a parameter.
        Assert.Contains("t0.\"Label\" LIKE @", sql);
        Assert.Contains("i.\"Name\" ILIKE @", sql);
        Assert.Contains("o.\"Name\" = @", sql);
        Assert.DoesNotContain("'Zed'", sql);
    }
}
