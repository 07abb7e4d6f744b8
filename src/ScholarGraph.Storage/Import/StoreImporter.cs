using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ScholarGraph.Domain;
using ScholarGraph.Storage.Bulk;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Import.OpenAlex;
using ScholarGraph.Storage.Seeding;

namespace ScholarGraph.Storage.Import;

/// <summary>
/// Imports OpenAlex works (JSON Lines, plain or gzipped) and seed files into a SQLite or PostgreSQL store, deduplicating every entity by its
/// external ids (<see cref="ImportKeyIndex"/>) and keying new ones as <see cref="ImportKeys"/> says.
/// </summary>
/// <remarks>
/// <para>
/// Seed files are loaded first, together, all or nothing (through the streaming <see cref="BulkSeedLoader"/>), so that works find
/// the seed's papers by DOI. Works are then written in batches of <see cref="ImportOptions.BatchSize"/>, each batch one
/// transaction through prepared upserts. A work is checked whole before anything of it is written, and a batch commits only whole
/// works, so an import killed midway leaves every work written entirely or not at all; all writes are upserts by key, and keys
/// follow from the external ids, so a rerun finishes the job without duplicates.
/// </para>
/// <para>
/// This writes the store directly. The command line's <c>import</c> then logs one <c>BulkChange</c> on PostgreSQL
/// (ScholarGraph.Server.Writes.Changes.Instances.ChangeLog), so that running instances reread the store rather than follow the rows
/// one by one; a server on a SQLite file reads the import at its next start.
/// </para>
/// </remarks>
public static class StoreImporter
{
    /// <summary>Imports <paramref name="files"/> into the store of <paramref name="db"/> (created or migrated first).</summary>
    /// <param name="db">A context on SQLite or PostgreSQL; its connection is opened for the import and closed after.</param>
    /// <param name="files">Paths of OpenAlex works files and seed files, in any mix; each file's format is told from its content.</param>
    /// <param name="options">What to do with bad records, and the batch size.</param>
    /// <param name="observer">Hears of problems and progress; may be null.</param>
    /// <param name="cancellationToken">Stops the import: the batch being written is rolled back, committed batches stay.</param>
    /// <exception cref="NotSupportedException">The context is on neither SQLite nor PostgreSQL.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist; nothing was written.</exception>
    public static async Task<ImportSummary> ImportAsync(
        ScholarGraphDbContext db, IReadOnlyList<string> files, ImportOptions? options = null, IImportObserver? observer = null,
        CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsSqlite() && !db.Database.IsNpgsql())
            throw new NotSupportedException($"The importer writes SQLite or PostgreSQL, not {db.Database.ProviderName}.");
        options ??= new ImportOptions();
        if (options.BatchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "The batch size must be at least 1.");
        foreach (var file in files)
        {
            if (!File.Exists(file))
                throw new FileNotFoundException($"No file '{file}'.", file);
        }

        var run = new ImportRun(options, observer, files.Sum(f => new FileInfo(f).Length));
        var seedFiles = files.Where(f => ImportFormats.Detect(f) == ImportFormat.Seed).ToList();
        if (seedFiles.Count > 0)
            run.SeedRows = await LoadSeedFilesAsync(db, seedFiles, run, cancellationToken);
        if (!run.Stopped)
        {
            var workFiles = files.Except(seedFiles).ToList();
            if (workFiles.Count > 0)
                await ImportWorksAsync(db, workFiles, run, cancellationToken);
        }
        return await run.SummaryAsync(db, cancellationToken);
    }

    private static async Task<long> LoadSeedFilesAsync(ScholarGraphDbContext db, List<string> files, ImportRun run, CancellationToken cancellationToken)
    {
        try
        {
            var rows = (await BulkSeedLoader.LoadFilesAsync(db, files, cancellationToken)).Rows;
            run.BytesRead += files.Sum(f => new FileInfo(f).Length);
            return rows;
        }
        catch (SeedValidationException e)
        {
            // Seed files are checked together (their ids refer across files), so they are written all or none.
            foreach (var problem in e.Problems)
                run.Report(new ImportProblem($"{problem.File} {problem.JsonPath}", problem.Reason));
            if (run.Options.OnError == ImportErrorMode.Stop)
                run.Stopped = true;
            return 0;
        }
    }

    private static async Task ImportWorksAsync(ScholarGraphDbContext db, List<string> files, ImportRun run, CancellationToken cancellationToken)
    {
        await StoreSchema.EnsureAsync(db, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var sqlite = db.Database.IsSqlite();
        var cacheSize = sqlite ? await BulkSeedLoader.PragmaAsync(db, "cache_size", cancellationToken) : null;
        var synchronous = sqlite ? await BulkSeedLoader.PragmaAsync(db, "synchronous", cancellationToken) : null;
        try
        {
            // As for the bulk loader: a large page cache keeps the indexes a batch touches in memory (PostgreSQL's is the server's).
            // In WAL mode, synchronous = NORMAL commits a batch without waiting for the disk (the WAL is synced at checkpoints):
            // a power cut may lose the last batches, never the file's integrity, and a rerun finishes the job. Both settings are
            // the connection's and are put back after the import.
            if (sqlite)
            {
                await BulkSeedLoader.PragmaAsync(db, $"cache_size = -{BulkSeedLoader.LoadCacheKibibytes}", cancellationToken);
                if (await BulkSeedLoader.PragmaAsync(db, "journal_mode", cancellationToken) is "wal")
                    await BulkSeedLoader.PragmaAsync(db, "synchronous = NORMAL", cancellationToken);
            }
            var keys = await ImportKeyIndex.LoadAsync(db, cancellationToken);
            run.Keys = keys;
            foreach (var path in files)
            {
                if (!await ImportFileAsync(db, path, keys, run, cancellationToken))
                    break;
            }
        }
        finally
        {
            if (sqlite)
            {
                await BulkSeedLoader.PragmaAsync(db, "cache_size = " + Convert.ToInt64(cacheSize, CultureInfo.InvariantCulture), CancellationToken.None);
                await BulkSeedLoader.PragmaAsync(db, "synchronous = " + Convert.ToInt64(synchronous, CultureInfo.InvariantCulture), CancellationToken.None);
            }
            await db.Database.CloseConnectionAsync();
        }
    }

    // Returns false when a bad record stopped the import.
    private static async Task<bool> ImportFileAsync(
        ScholarGraphDbContext db, string path, ImportKeyIndex keys, ImportRun run, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        await using var content = File.OpenRead(path);
        var bytesBefore = run.BytesRead;
        var batch = new WorkBatch(db, keys, run);
        // Lines are read, parsed and checked on another thread while this one writes, a few hundred works ahead: parsing is
        // about a fifth of the work, and on two cores or more it then costs no time of its own.
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var lines = Channel.CreateBounded<CheckedLine>(new BoundedChannelOptions(ReadAhead) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(async () =>
        {
            try
            {
                await foreach (var line in OpenAlexWorkReader.ReadAsync(content, name, ownsStream: false, stopReading.Token))
                {
                    var problem = line.Problem ?? WorkChecks.Problem(line.Work!);
                    var prepared = problem is null ? new PreparedWork(line.Work!) : null;
                    await lines.Writer.WriteAsync(new CheckedLine(line, problem, prepared, content.Position), stopReading.Token);
                }
                lines.Writer.Complete();
            }
            catch (Exception e)
            {
                lines.Writer.Complete(e);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var (line, problem, prepared, position) in lines.Reader.ReadAllAsync(cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
                run.WorksRead++;
                run.BytesRead = bytesBefore + position;
                if (problem is not null)
                {
                    run.Report(new ImportProblem(line.Location, problem));
                    run.WorksSkipped++;
                    if (run.Options.OnError == ImportErrorMode.Stop)
                    {
                        // The works before the bad one are whole and are kept; nothing of the bad one was written.
                        await batch.CommitAsync(name, cancellationToken);
                        run.Stopped = true;
                        return false;
                    }
                    continue;
                }
                await batch.WriteAsync(prepared!, cancellationToken);
                if (batch.Count >= run.Options.BatchSize)
                    await batch.CommitAsync(name, cancellationToken);
            }
            await batch.CommitAsync(name, cancellationToken);
            run.BytesRead = bytesBefore + content.Length;
            run.ReportProgress(name);
            return true;
        }
        finally
        {
            await stopReading.CancelAsync();
            await reading;
            await batch.DisposeAsync();
        }
    }

    // How many works the reading thread may run ahead of the writing one.
    private const int ReadAhead = 256;

    // A line as read, with why it cannot be written (null when it can), the work prepared for writing (when it can) and how
    // far into the file reading had come.
    private sealed record CheckedLine(OpenAlexWorkLine Line, string? Problem, PreparedWork? Work, long Position);

    // The works of the open transaction.
    private sealed class WorkBatch(ScholarGraphDbContext db, ImportKeyIndex keys, ImportRun run) : IAsyncDisposable
    {
        private IDbContextTransaction? _transaction;
        private WorkRowWriter? _writer;

        public int Count { get; private set; }

        private long _created;
        private long _keptNewer;

        public async Task WriteAsync(PreparedWork work, CancellationToken cancellationToken)
        {
            if (_transaction is null)
            {
                _transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                _writer = new WorkRowWriter(db, _transaction.GetDbTransaction(), keys);
            }
            switch (_writer!.Write(work))
            {
                case WorkOutcome.Created:
                    _created++;
                    break;
                case WorkOutcome.KeptNewer:
                    _keptNewer++;
                    return;
            }
            Count++;
        }

        public async Task CommitAsync(string file, CancellationToken cancellationToken)
        {
            if (_transaction is null)
                return;
            _writer!.Flush();
            await _transaction.CommitAsync(cancellationToken);
            run.WorksWritten += Count;
            run.WorksCreated += _created;
            run.WorksKeptNewer += _keptNewer;
            run.CitationsResolved += _writer!.CitationsResolved;
            await DisposeAsync();
            run.ReportProgress(file);
        }

        public async ValueTask DisposeAsync()
        {
            _writer?.Dispose();
            _writer = null;
            // Disposing a transaction that was not committed rolls it back: the batch's works are then not written at all.
            if (_transaction is not null)
                await _transaction.DisposeAsync();
            _transaction = null;
            Count = 0;
            _created = 0;
            _keptNewer = 0;
        }
    }

    // The running totals of one import.
    private sealed class ImportRun(ImportOptions options, IImportObserver? observer, long totalBytes)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<ImportProblem> _problems = [];

        public ImportOptions Options => options;
        public ImportKeyIndex? Keys { get; set; }
        public bool Stopped { get; set; }
        public long BytesRead { get; set; }
        public long WorksRead { get; set; }
        public long WorksWritten { get; set; }
        public long WorksCreated { get; set; }
        public long WorksKeptNewer { get; set; }
        public long WorksSkipped { get; set; }
        public long CitationsResolved { get; set; }
        public long SeedRows { get; set; }

        public void Report(ImportProblem problem)
        {
            _problems.Add(problem);
            observer?.Problem(problem);
        }

        public void ReportProgress(string file) =>
            observer?.Progress(new ImportProgress(file, BytesRead, totalBytes, WorksRead, WorksWritten, _clock.Elapsed));

        public async Task<ImportSummary> SummaryAsync(ScholarGraphDbContext db, CancellationToken cancellationToken)
        {
            // A plain count, like the key index's reads: a LINQ query's compiling would cost more than the count.
            var rows = new ModelRows(db);
            var pending = Keys is null ? 0 : await rows.CountAsync($"SELECT COUNT(*) FROM {rows.Table<PendingCitation>()}", cancellationToken);
            return new ImportSummary(WorksRead, WorksWritten, WorksCreated, WorksSkipped,
                Keys?.Authors.Created ?? 0, Keys?.Institutions.Created ?? 0, Keys?.Topics.Created ?? 0,
                CitationsResolved, pending, SeedRows, Stopped, _problems, _clock.Elapsed)
            {
                WorksKeptNewer = WorksKeptNewer,
                VenuesCreated = Keys?.Venues.Created ?? 0,
            };
        }
    }
}
