using ScholarGraph.GraphQL.Data.Tests.Model;
using ScholarGraph.Tests.Shared.Postgres;

namespace ScholarGraph.GraphQL.Data.Tests.Filtering;

/// <summary>
/// What the string operators mean on each store, over names with LIKE's special characters and letters outside ASCII:
/// <c>%</c>, <c>_</c> and a backslash are plain characters to every operator (PostgreSQL's patterns escape them); the
/// <c>i</c>-operators lower-case the operand fully and the column as the store does, which on SQLite and on PostgreSQL in the
/// collation C is ASCII letters only (so <c>icontains: "élan"</c> does not find "Élan" there), and on InMemory every letter.
/// </summary>
public abstract class StringSemanticsTests(TinyServer server) : TinyTests(server)
{
    [Theory]
    [InlineData("contains", "%")]
    [InlineData("contains", "0%")]
    [InlineData("startsWith", "100%")]
    [InlineData("contains", "_")]
    [InlineData("startsWith", "a_")]
    [InlineData("endsWith", "_b")]
    [InlineData("contains", "\\")]
    [InlineData("endsWith", "\\slash")]
    [InlineData("icontains", "%")]
    [InlineData("istartsWith", "A_")]
    [InlineData("ieq", "A_B")]
    [InlineData("iendsWith", "K\\SLASH")]
    [InlineData("icontains", "élan")]
    [InlineData("icontains", "ÉLAN")]
    [InlineData("icontains", "elan")]
    [InlineData("ieq", "élan")]
    [InlineData("istartsWith", "é")]
    [InlineData("ncontains", "_")]
    public async Task Operators_match_special_characters_literally_and_fold_case_as_the_store_does(string op, string operand)
    {
        var arguments = $"where: {{ name: {{ {op}: {System.Text.Json.JsonSerializer.Serialize(operand)} }} }}";
        var (ids, response, commands) = await Server.ItemsAsync(arguments);
        Assert.True(ids is not null, $"errors: {response}");
        var expected = Server.Seed.Items.Where(i => Matches(op, i.Name, operand, Server.IsRelational)).Select(i => i.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, ids!.Order(StringComparer.Ordinal).ToList());
        // The operand as hex in the snapshot's name: its characters are the point, and most are not file-name characters.
        MatchSql($"{{ items({arguments}) {{ id }} }}", commands, $"{op}_{Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(operand))}");
    }

    [Fact]
    public async Task Ignoring_case_folds_letters_outside_ascii_on_in_memory_only()
    {
        var (ids, _, _) = await Server.ItemsAsync("""where: { name: { icontains: "ÉLAN" } }""");
        Assert.Equal(Server.IsRelational ? ["s7"] : ["s6", "s7"], ids!.Order(StringComparer.Ordinal));
        (ids, _, _) = await Server.ItemsAsync("""where: { name: { icontains: "elan" } }""");
        Assert.Equal(["s8"], ids);
    }

    // The operators as the stores define them: the operand lower-cased by .NET, the column by the store.
    private static bool Matches(string op, string name, string operand, bool relational)
    {
        var ignoreCase = op.StartsWith('i');
        var value = ignoreCase ? operand.ToLowerInvariant() : operand;
        var text = !ignoreCase ? name : relational ? AsciiLower(name) : name.ToLowerInvariant();
        return op switch
        {
            "contains" or "icontains" => text.Contains(value, StringComparison.Ordinal),
            "ncontains" => !text.Contains(value, StringComparison.Ordinal),
            "startsWith" or "istartsWith" => text.StartsWith(value, StringComparison.Ordinal),
            "endsWith" or "iendsWith" => text.EndsWith(value, StringComparison.Ordinal),
            "ieq" => text == value,
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
        };
    }

    private static string AsciiLower(string text) => string.Concat(text.Select(c => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c));
}

public sealed class SqliteStringSemanticsTests(SqliteSymbolServer server) : StringSemanticsTests(server), IClassFixture<SqliteSymbolServer>;

public sealed class InMemoryStringSemanticsTests(InMemorySymbolServer server) : StringSemanticsTests(server), IClassFixture<InMemorySymbolServer>;

[RequiresPostgres]
public sealed class PostgresStringSemanticsTests(PostgresSymbolServer server) : StringSemanticsTests(server), IClassFixture<PostgresSymbolServer>;
