using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Import;
using ScholarGraph.Tests.Shared;

namespace ScholarGraph.Storage.Tests.Import;

/// <summary>What an importer test works on: a SQLite store in memory, open for the test's life, and a folder for its input files.</summary>
internal sealed class ImportTestStore : IDisposable
{
    private readonly TemporaryDirectory _files = new();

    public ImportTestStore()
    {
        Connection.Open();
        Directory.CreateDirectory(_files.Path);
    }

    /// <summary>The store's connection.</summary>
    public SqliteConnection Connection { get; } = new("Data Source=:memory:");

    /// <summary>The folder for input files.</summary>
    public string FilesPath => _files.Path;

    /// <summary>A new context on the store.</summary>
    public ScholarGraphDbContext Context() => new(new DbContextOptionsBuilder<ScholarGraphDbContext>().UseSqlite(Connection).Options);

    /// <summary>Imports <paramref name="files"/> into the store.</summary>
    public async Task<ImportSummary> ImportAsync(IReadOnlyList<string> files, ImportOptions? options = null, IImportObserver? observer = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = Context();
        return await StoreImporter.ImportAsync(db, files, options, observer, cancellationToken);
    }

    /// <summary>Writes <paramref name="lines"/> to a file named <paramref name="name"/> in the folder; returns its path.</summary>
    public string WriteFile(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_files.Path, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    public void Dispose()
    {
        Connection.Dispose();
        _files.Dispose();
    }
}
