using Microsoft.EntityFrameworkCore;

namespace ScholarGraph.Storage.Bulk;

/// <summary>
/// The few SQL forms of the bulk writers (the seed loader's and the importer's) that SQLite and PostgreSQL spell differently: a
/// list of values is sent as one JSON array parameter and read back as rows, with SQLite's <c>json_each</c> or PostgreSQL's
/// <c>json_array_elements</c>. Everything else the writers send (upserts with <c>ON CONFLICT</c>, <c>IS DISTINCT FROM</c>,
/// <c>@name</c> parameters) is the same SQL on both.
/// </summary>
internal sealed class BulkSql
{
    private readonly bool _postgres;

    private BulkSql(bool postgres) => _postgres = postgres;

    private static readonly BulkSql Sqlite = new(postgres: false);
    private static readonly BulkSql Postgres = new(postgres: true);

    /// <summary>The dialect of <paramref name="db"/>'s provider (SQLite or PostgreSQL).</summary>
    /// <exception cref="NotSupportedException">The provider is neither.</exception>
    public static BulkSql For(DbContext db) =>
        db.Database.IsSqlite() ? Sqlite
        : db.Database.IsNpgsql() ? Postgres
        : throw new NotSupportedException($"The bulk writers write SQLite or PostgreSQL, not {db.Database.ProviderName}.");

    /// <summary>
    /// <c>SELECT value FROM ...</c>: the elements of the JSON array <paramref name="parameter"/> holds, as rows of one column
    /// <c>value</c>, of the PostgreSQL type <paramref name="postgresType"/> (text when null; SQLite keeps JSON's own types).
    /// </summary>
    public string Values(string parameter, string? postgresType = null) => _postgres
        ? $"SELECT {Cast("value", postgresType)} FROM json_array_elements_text(CAST({parameter} AS json)) AS value"
        : $"SELECT value FROM json_each({parameter})";

    /// <summary>The rows of a JSON array of arrays: <c>FROM ...</c>, each element a row whose items <see cref="Item"/> reads.</summary>
    public string Rows(string parameter) => _postgres
        ? $"FROM json_array_elements(CAST({parameter} AS json)) AS value"
        : $"FROM json_each({parameter})";

    /// <summary>Item <paramref name="index"/> of a row of <see cref="Rows"/>, as <paramref name="postgresType"/> (text when null).</summary>
    public string Item(int index, string? postgresType = null) => _postgres
        ? Cast($"(value ->> {index})", postgresType)
        : $"json_extract(value, '$[{index}]')";

    /// <summary>A JSON array of strings (<paramref name="parameter"/>) as the value of a list column (JSON text; a <c>text[]</c>).</summary>
    public string ListValue(string parameter) => _postgres
        ? $"ARRAY(SELECT json_array_elements_text(CAST({parameter} AS json)))"
        : parameter;

    private static string Cast(string expression, string? type) => type is null ? expression : $"CAST({expression} AS {type})";
}
