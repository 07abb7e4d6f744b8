using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ScholarGraph.Tests.Shared;

namespace ScholarGraph.GraphQL.Data.Tests.Model;

/// <summary>
/// A test class over a <see cref="TinyServer"/>. Each class is written once and derived once per provider (SQLite, InMemory and
/// PostgreSQL), so the same tests run on all three; the SQL they send is snapshotted on SQLite and on PostgreSQL, each in its own
/// snapshot (PostgreSQL's end in <c>_postgres</c>).
/// </summary>
public abstract partial class TinyTests(TinyServer server)
{
    protected TinyServer Server => server;

    /// <summary>
    /// On SQLite and PostgreSQL, matches the SQL of <paramref name="query"/> with the test's snapshot for the provider
    /// (<paramref name="caseName"/> names a theory's case); on InMemory, which sends none, does nothing. Call it from the test
    /// method itself.
    /// </summary>
    protected void MatchSql(string query, IEnumerable<string> commands, string? caseName = null)
    {
        if (!server.IsRelational)
            return;
        var name = caseName is null ? null : CaseName(caseName);
        if (server.IsPostgres)
            name = name is null ? "postgres" : $"{name}_postgres";
        Snapshots.MatchSnapshot(SqlRecorder.Snapshot(query, commands), name);
    }

    /// <summary><paramref name="text"/> as a file-name part: letters and digits, other runs as one '_'; long ones keep a short hash.</summary>
    protected static string CaseName(string text)
    {
        var name = NotAlphanumeric().Replace(text, "_").Trim('_');
        if (name.Length <= 80)
            return name.Length == 0 ? "empty" : name;
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8].ToLowerInvariant();
        return $"{name[..71].TrimEnd('_')}_{hash}";
    }

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NotAlphanumeric();
}
