using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ScholarGraph.GraphQL.Data.Tests.Model;

/// <summary>
/// Records the SQL commands EF Core sends on behalf of the request being executed (an async-local list, so requests of tests that
/// run at the same time never mix), and writes them as snapshot text.
/// </summary>
public sealed partial class SqlRecorder : DbCommandInterceptor
{
    public static SqlRecorder Instance { get; } = new();

    private static readonly AsyncLocal<List<string>?> Current = new();

    /// <summary>Starts recording for the calling flow; the list fills as its commands run.</summary>
    public static List<string> Start() => Current.Value = [];

    private static void Record(DbCommand command)
    {
        if (Current.Value is { } commands)
            lock (commands)
                commands.Add(command.CommandText);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    /// <summary>
    /// The snapshot text of <paramref name="commands"/> sent for <paramref name="query"/>: the query as a comment, the number of
    /// commands, then each distinct command once, sorted (parallel resolvers may send them in any order), its parameters renamed
    /// <c>@p0</c>, <c>@p1</c>... in order of appearance (EF names them after the captured members) and the literals it compares
    /// columns with (cursor values, which EF inlines) written <c>'…'</c>, so that the text depends on the translation alone and the pages of one walk
    /// through a connection share their command.
    /// </summary>
    public static string Snapshot(string query, IEnumerable<string> commands)
    {
        var all = commands.Select(Normalise).ToList();
        var text = new StringBuilder();
        foreach (var line in query.Trim().Split('\n'))
            text.Append("-- ").AppendLine(line.TrimEnd());
        text.Append("-- ").Append(all.Count).AppendLine(all.Count == 1 ? " command" : " commands");
        foreach (var command in all.Distinct().Order(StringComparer.Ordinal))
            text.AppendLine().Append(command).AppendLine(";");
        return text.ToString();
    }

    private static string Normalise(string command)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = Literal().Replace(command.ReplaceLineEndings("\n").Trim(), "'…'");
        return Parameter().Replace(text, m =>
        {
            if (!names.TryGetValue(m.Value, out var name))
                names[m.Value] = name = $"@p{names.Count}";
            return name;
        });
    }

    // A literal compared with a column: the values a cursor predicate carries, typed on PostgreSQL (DATE '2020-05-01'); function
    // arguments such as strftime's format stay.
    [GeneratedRegex("(?<=[<>=] )(?:[A-Z]+ )?'(?:[^']|'')*'")]
    private static partial Regex Literal();

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Parameter();
}
