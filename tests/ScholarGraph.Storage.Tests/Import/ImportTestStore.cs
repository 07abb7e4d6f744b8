using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Import;
using ScholarGraph.Tests.Shared;

namespace ScholarGraph.Storage.Tests.Import;

/// <summary>What an importer test works on: the class's store (<see cref="TestStore"/>, emptied for the test) and a folder for its input files.</summary>
internal sealed class ImportTestStore : IDisposable
{
    private readonly TemporaryDirectory _files = new();

    public ImportTestStore(TestStore store)
    {
        Store = store;
        store.Reset();
        Directory.CreateDirectory(_files.Path);
    }

    /// <summary>The store.</summary>
    public TestStore Store { get; }

    /// <summary>The folder for input files.</summary>
    public string FilesPath => _files.Path;

    /// <summary>A new context on the store.</summary>
    public ScholarGraphDbContext Context() => Store.Context();

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

    public void Dispose() => _files.Dispose();
}
