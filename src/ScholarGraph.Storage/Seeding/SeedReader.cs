using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScholarGraph.Storage.Seeding;

/// <summary>Reads seed files and checks them as a whole before anything is written.</summary>
public static class SeedReader
{
    /// <summary>The serializer settings of the seed format: camelCase names, unknown members rejected, nullability respected.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Reads every <c>*.json</c> file of <paramref name="directory"/> (except <c>*.schema.json</c>) in name order, validates them
    /// together, and returns the graph they describe.
    /// </summary>
    /// <exception cref="SeedValidationException">Any file is malformed or the files together are inconsistent.</exception>
    public static SeedGraph ReadDirectory(string directory)
    {
        var files = SeedFiles(directory).Select(f => (Path.GetFileName(f), (Stream)File.OpenRead(f))).ToList();
        try
        {
            return Read(files);
        }
        finally
        {
            foreach (var (_, stream) in files)
                stream.Dispose();
        }
    }

    /// <summary>The seed files of <paramref name="directory"/>: every <c>*.json</c> except <c>*.schema.json</c>, in ordinal name order.</summary>
    /// <exception cref="SeedValidationException">The folder does not exist.</exception>
    public static IReadOnlyList<string> SeedFiles(string directory)
    {
        if (!Directory.Exists(directory))
            throw new SeedValidationException([new SeedProblem(directory, "$", "the seed folder does not exist")]);
        return Directory.EnumerateFiles(directory, "*.json")
            .Where(f => !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads and validates seed documents given as named streams (read twice: rewound when they can seek, else buffered).</summary>
    /// <exception cref="SeedValidationException">Any document is malformed or the documents together are inconsistent.</exception>
    public static SeedGraph Read(IEnumerable<(string Name, Stream Content)> files)
    {
        var inputs = files.Select(f => new SeedInput(f.Name, Rewinding(f.Content))).ToList();
        var problems = new List<SeedProblem>();
        var checker = new SeedChecker(problems);
        var graph = new SeedGraph();
        var sources = SeedPasses.DeclareAll(inputs, checker, problems, CancellationToken.None);
        SeedPasses.CheckAll(inputs, sources, checker, graph, CancellationToken.None);
        if (problems.Count > 0)
            throw new SeedValidationException(problems);
        return graph;
    }

    // Each pass reads the stream from its start; the caller keeps ownership, so the pass gets a view it may dispose.
    private static Func<Stream> Rewinding(Stream content)
    {
        if (!content.CanSeek)
        {
            var copy = new MemoryStream();
            content.CopyTo(copy);
            content = copy;
        }
        var origin = content.Position;
        return () =>
        {
            content.Position = origin;
            return new NonClosingStream(content);
        };
    }

    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
