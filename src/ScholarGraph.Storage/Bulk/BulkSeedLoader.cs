using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ScholarGraph.Domain;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Search;
using ScholarGraph.Storage.Seeding;

namespace ScholarGraph.Storage.Bulk;

/// <summary>
/// Loads a folder of seed files into SQLite or PostgreSQL without holding them in memory: the same upsert by key and the same validation as
/// <see cref="SeedReader"/> with <see cref="SeedLoader"/>, at a fraction of the memory and time (measured on 100,000 generated
/// papers in <c>bench/</c>).
/// </summary>
/// <remarks>
/// <para>
/// The same two passes as the in-memory reader (<see cref="SeedPasses"/>), each streamed item by item: the first declares every id
/// (keeping only the ids and the topics' keywords, not the items), the second checks each item and writes its rows at once
/// through one prepared upsert per table (<see cref="UpsertTableWriter"/>).
/// </para>
/// <para>
/// Everything is written in one transaction, and files may come in any order. SQLite checks foreign keys at the commit
/// (<c>PRAGMA defer_foreign_keys</c>). PostgreSQL checks them at each statement (the schema's constraints are not deferrable), so
/// there each table's rows are copied into its staging table as they come (<see cref="UpsertTableWriter.Stage"/>) and the tables
/// are upserted from them at the end, parents before children: by then every row a reference may name has been staged. If any problem is found the transaction is rolled back and a <see cref="SeedValidationException"/> lists
/// every problem (the second pass goes on checking after the first, writing nothing more): nothing is half-written. A rerun of
/// the same files inserts and changes nothing; rows the files do not mention are left alone.
/// </para>
/// </remarks>
public static class BulkSeedLoader
{
    // SQLite's page cache during a load, in KiB (a negative cache_size is KiB): 128 MiB.
    internal const int LoadCacheKibibytes = 128 * 1024;

    /// <summary>Brings the store's schema up to date (<see cref="StoreSchema.EnsureAsync"/>), then loads every seed file of <paramref name="seedDirectory"/>.</summary>
    /// <param name="db">A context on SQLite or PostgreSQL; its connection is opened (and left as it was found) and used for the writes.</param>
    /// <param name="seedDirectory">The folder of seed files, read as <see cref="SeedReader.ReadDirectory"/> does.</param>
    /// <param name="cancellationToken">Stops the load between items; nothing is then written.</param>
    /// <exception cref="SeedValidationException">The seed files are invalid; nothing was written.</exception>
    /// <exception cref="NotSupportedException">The context is on neither SQLite nor PostgreSQL.</exception>
    public static Task<BulkLoadResult> LoadDirectoryAsync(
        ScholarGraphDbContext db, string seedDirectory, CancellationToken cancellationToken = default) =>
        LoadFilesAsync(db, SeedReader.SeedFiles(seedDirectory), cancellationToken);

    /// <summary>Brings the store's schema up to date, then loads the seed files <paramref name="files"/> together.</summary>
    /// <param name="db">A context on SQLite or PostgreSQL; its connection is opened (and left as it was found) and used for the writes.</param>
    /// <param name="files">Paths of seed files; references may point from one into another.</param>
    /// <param name="cancellationToken">Stops the load between items; nothing is then written.</param>
    /// <exception cref="SeedValidationException">The seed files are invalid; nothing was written.</exception>
    /// <exception cref="NotSupportedException">The context is on neither SQLite nor PostgreSQL.</exception>
    public static async Task<BulkLoadResult> LoadFilesAsync(
        ScholarGraphDbContext db, IReadOnlyList<string> files, CancellationToken cancellationToken = default)
    {
        var sqlite = db.Database.IsSqlite();
        if (!sqlite && !db.Database.IsNpgsql())
            throw new NotSupportedException($"The bulk loader writes SQLite or PostgreSQL; {db.Database.ProviderName} loads through SeedLoader.");
        var clock = Stopwatch.StartNew();
        var problems = new List<SeedProblem>();
        var checker = new SeedChecker(problems);

        var inputs = files.Select(path => new SeedInput(Path.GetFileName(path), () =>
            new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan))).ToList();
        var sources = SeedPasses.DeclareAll(inputs, checker, problems, cancellationToken);

        await StoreSchema.EnsureAsync(db, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var cacheSize = sqlite ? await PragmaAsync(db, "cache_size", cancellationToken) : null;
        try
        {
            // One transaction larger than SQLite's page cache (2 MiB by default) spills index pages to the journal again and again;
            // a larger cache for the load's duration keeps them in memory (on 100,000 papers a third less CPU and a quarter of the wall
            // time, for 150 MiB more resident memory: bench/README.md).
            // PostgreSQL's cache is the server's.
            if (sqlite)
                await PragmaAsync(db, $"cache_size = -{LoadCacheKibibytes}", cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (sqlite)
                await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON;", cancellationToken);
            var search = BulkSearchIndex.Begin(transaction.GetDbTransaction().Connection!, transaction.GetDbTransaction());
            using var writer = new SeedRowWriter(db, transaction.GetDbTransaction(), checker);
            var before = writer.CountRows();
            SeedPasses.CheckAll(inputs, sources, checker, writer, cancellationToken);
            if (problems.Count > 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                throw new SeedValidationException(problems);
            }
            writer.Flush();
            var inserted = writer.CountRows() - before;
            search.Complete();
            await transaction.CommitAsync(cancellationToken);
            return new BulkLoadResult(files.Count, writer.Offered, inserted, writer.Written - inserted, clock.Elapsed);
        }
        finally
        {
            if (sqlite)
                await PragmaAsync(db, "cache_size = " + Convert.ToInt64(cacheSize, CultureInfo.InvariantCulture), CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    // Reads or sets a pragma (its text is ours, never input) on the context's open connection.
    internal static async Task<object?> PragmaAsync(ScholarGraphDbContext db, string pragma, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    // Rows a table keeps in memory (PostgreSQL) before they are copied into its staging table.
    private const int StageRows = 20_000;

    // One writer per seed table; rows stop being written once a problem is found, since the transaction will be rolled back.
    private sealed class SeedRowWriter : ISeedRowSink, IDisposable
    {
        private readonly SeedChecker _checker;
        private readonly Dictionary<Type, UpsertTableWriter> _tables = [];
        // The writers parents first (the order they are registered in), the order Flush writes the staged rows in.
        private readonly List<UpsertTableWriter> _ordered = [];

        public SeedRowWriter(ScholarGraphDbContext db, System.Data.Common.DbTransaction transaction, SeedChecker checker)
        {
            _checker = checker;
            var connection = transaction.Connection!;
            Register(UpsertTableWriter.Create<Institution>(db, connection, transaction));
            Register(UpsertTableWriter.Create<Topic>(db, connection, transaction));
            Register(UpsertTableWriter.Create<Venue>(db, connection, transaction));
            Register(UpsertTableWriter.Create<Author>(db, connection, transaction));
            Register(UpsertTableWriter.Create<Paper>(db, connection, transaction));
            Register(UpsertTableWriter.Create<Authorship>(db, connection, transaction));
            Register(UpsertTableWriter.Create<Affiliation>(db, connection, transaction));
            Register(UpsertTableWriter.Create<PaperInstitution>(db, connection, transaction));
            Register(UpsertTableWriter.Create<PaperTopic>(db, connection, transaction));
            Register(UpsertTableWriter.Create<Citation>(db, connection, transaction));
            Register(UpsertTableWriter.Create<ReportedAuthorMetrics>(db, connection, transaction));
        }

        public long Offered => _tables.Values.Sum(t => t.Offered);

        public long Written => _tables.Values.Sum(t => t.Written);

        public long CountRows() => _tables.Values.Sum(t => t.CountRows());

        public void Add<T>(T row) where T : class
        {
            if (_checker.HasProblems)
                return;
            var table = (UpsertTableWriter<T>)_tables[typeof(T)];
            table.Write(row);
            if (table.Waiting >= StageRows)
                table.Stage();
        }

        // Writes every staged row (PostgreSQL), parents first, so each reference finds its row; on SQLite rows are already written.
        public void Flush()
        {
            foreach (var table in _ordered)
                table.Flush();
        }

        public void Dispose()
        {
            foreach (var table in _tables.Values)
                table.Dispose();
        }

        private void Register<T>(UpsertTableWriter<T> table) where T : class
        {
            _tables[typeof(T)] = table;
            _ordered.Add(table);
        }
    }
}
