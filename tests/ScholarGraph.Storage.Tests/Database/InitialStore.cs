using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Storage.Tests.Database;

/// <summary>
/// A store with users' rows in the schema of the initial migration, as a server of that release left it: what later migrations
/// must upgrade without losing a row. Every table holds rows, and every foreign key points at a row of a table that a later
/// migration rebuilds (Papers, Topics), so a rebuild that let <c>ON DELETE CASCADE</c> fire would show.
/// </summary>
internal static class InitialStore
{
    /// <summary>The initial migration's tables and columns: what every row is compared by, before and after an upgrade.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        ["Authors"] = ["Id", "Name", "Category", "Orcid", "OpenAlexId"],
        ["Institutions"] = ["Id", "Name", "Ror", "OpenAlexId", "CountryCode"],
        ["Papers"] = ["Id", "Title", "Abstract", "PublicationDate", "DateYearInferred", "Category", "CodeUrl", "Doi", "ArxivId", "OpenAlexId", "AuthorListTruncated"],
        ["Topics"] = ["Id", "Name", "Keywords", "OpenAlexId"],
        ["ReportedAuthorMetrics"] = ["AuthorId", "Source", "HIndex", "CitationCount", "PaperCount", "NoveltyPercent", "AiScore"],
        ["Affiliations"] = ["AuthorId", "InstitutionId"],
        ["Authorships"] = ["PaperId", "AuthorId", "Position", "InstitutionId"],
        ["Citations"] = ["CitingPaperId", "CitedPaperId"],
        ["PaperInstitutions"] = ["PaperId", "InstitutionId", "Position"],
        ["PaperTopics"] = ["PaperId", "TopicId", "Score", "ScoreSource"],
    };

    /// <summary>A plain connection string to <paramref name="file"/>, unpooled so that no handle outlives a test's use of the file.</summary>
    public static string ConnectionString(string file) => $"Data Source={file};Pooling=False";

    /// <summary>A context on <paramref name="file"/> configured as the server configures its own.</summary>
    public static ScholarGraphDbContext Context(string file, TimeSpan? busyTimeout = null, Action<DbContextOptionsBuilder>? configure = null)
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = ConnectionString(file) };
        if (busyTimeout is { } timeout)
            options.BusyTimeout = timeout;
        var builder = new DbContextOptionsBuilder<ScholarGraphDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, options);
        configure?.Invoke(builder);
        return new ScholarGraphDbContext(builder.Options);
    }

    /// <summary>Creates <paramref name="file"/> at the initial migration and fills it with <paramref name="papers"/> papers and what they link to.</summary>
    public static async Task CreateAsync(string file, int papers = 120)
    {
        await using (var db = Context(file))
            await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().First());

        await using var connection = new SqliteConnection(ConnectionString(file));
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var authors = papers / 2;
        var topics = 12;
        for (var i = 0; i < 6; i++)
            await InsertAsync(transaction, "Institutions", $"inst-{i}", $"Institution {i}", i % 2 == 0 ? $"https://ror.org/0{i}" : null, null, "NO");
        for (var i = 0; i < topics; i++)
            await InsertAsync(transaction, "Topics", $"topic-{i}", $"Topic {i}", $"[\"keyword {i}\"]", i % 3 == 0 ? $"C{i}" : null);
        for (var i = 0; i < authors; i++)
        {
            await InsertAsync(transaction, "Authors", $"author-{i}", $"Author {i}", i % 4 == 0 ? "LG" : null, i % 5 == 0 ? $"0000-0000-0000-{i:0000}" : null, null);
            await InsertAsync(transaction, "Affiliations", $"author-{i}", $"inst-{i % 6}");
            if (i % 3 == 0)
                await InsertAsync(transaction, "ReportedAuthorMetrics", $"author-{i}", "profile", i, i * 10, i + 1, 0.5 * i, null);
        }
        for (var i = 0; i < papers; i++)
        {
            await InsertAsync(transaction, "Papers", $"paper-{i}", $"Paper {i}", i % 2 == 0 ? $"Abstract {i}" : null,
                new DateOnly(2000 + i % 25, 1 + i % 12, 1 + i % 28).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                i % 7 == 0 ? 1 : 0, "cs.LG", null, $"10.1000/{i}", null, null, 0);
            for (var position = 1; position <= 3; position++)
                await InsertAsync(transaction, "Authorships", $"paper-{i}", $"author-{(i + position * 7) % authors}", position, position == 1 ? $"inst-{i % 6}" : null);
            await InsertAsync(transaction, "PaperInstitutions", $"paper-{i}", $"inst-{i % 6}", 1);
            await InsertAsync(transaction, "PaperTopics", $"paper-{i}", $"topic-{i % topics}", 0.25 + i % 4 * 0.25, "computed");
            if (i > 0)
                await InsertAsync(transaction, "Citations", $"paper-{i}", $"paper-{i / 2}");
        }
        await transaction.CommitAsync();
    }

    /// <summary>Every row of the initial migration's columns, per table, in a comparable form.</summary>
    public static async Task<Dictionary<string, List<string>>> ReadRowsAsync(string file)
    {
        await using var connection = new SqliteConnection(ConnectionString(file));
        await connection.OpenAsync();
        var rows = new Dictionary<string, List<string>>();
        foreach (var (table, columns) in Columns)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"quote(\"{c}\")"))} FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await reader.ReadAsync())
                lines.Add(string.Join('|', Enumerable.Range(0, columns.Length).Select(reader.GetString)));
            lines.Sort(StringComparer.Ordinal);
            rows[table] = lines;
        }
        return rows;
    }

    /// <summary>The schema SQLite holds (tables and indexes with their SQL, EF Core's bookkeeping tables left out).</summary>
    public static async Task<List<string>> ReadSchemaAsync(string file) =>
        await QueryAsync(file, "SELECT type || ' ' || name || ': ' || ifnull(sql, '') FROM sqlite_master WHERE name NOT LIKE '__EF%' AND name NOT LIKE 'sqlite_%' ORDER BY type, name");

    /// <summary>The ids of the migrations the store records as applied, in order.</summary>
    public static async Task<List<string>> AppliedMigrationsAsync(string file) =>
        await QueryAsync(file, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId");

    /// <summary>The first column of every row <paramref name="sql"/> returns, as text.</summary>
    public static async Task<List<string>> QueryAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString(file));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "");
        return values;
    }

    /// <summary>Deletes <paramref name="file"/> and the files SQLite and the migration lock keep beside it.</summary>
    public static void Delete(string file)
    {
        foreach (var path in SqliteStoreFile.WithCompanions(file))
            File.Delete(path);
    }

    private static async Task InsertAsync(SqliteTransaction transaction, string table, params object?[] values)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var columns = Columns[table];
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Take(values.Length).Select(c => $"\"{c}\""))}) "
            + $"VALUES ({string.Join(", ", values.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < values.Length; i++)
            command.Parameters.AddWithValue($"$p{i}", values[i] ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
    }
}
