using System.Diagnostics;
using ScholarGraph.Storage.Import;

namespace ScholarGraph.Server.Hosting.CommandLine;

/// <summary>
/// Shows an import's bad records and progress on standard error: on a terminal a progress bar redrawn in place with works/s and
/// the time left (from the bytes read of the total size); when the output is redirected, a plain line every few seconds.
/// </summary>
internal abstract class ConsoleImportProgress : IImportObserver, IDisposable
{
    /// <summary>A bar when standard output and error are a terminal, else plain lines.</summary>
    public static ConsoleImportProgress Create() => Console.IsOutputRedirected || Console.IsErrorRedirected ? new Lines() : new Bar();

    /// <inheritdoc />
    public virtual void Problem(ImportProblem problem) => Console.Error.WriteLine($"bad record {problem}");

    /// <inheritdoc />
    public abstract void Progress(ImportProgress progress);

    /// <summary>Ends the progress display before the summary is printed.</summary>
    public virtual void Finish()
    {
    }

    /// <inheritdoc />
    public void Dispose() => Finish();

    private static string Remaining(ImportProgress p) => p.Remaining is { } left ? $"{left:h\\:mm\\:ss} left" : "";

    private sealed class Bar : ConsoleImportProgress
    {
        private const int Width = 30;
        private bool _drawn;

        public override void Problem(ImportProblem problem)
        {
            Clear();
            base.Problem(problem);
        }

        public override void Progress(ImportProgress p)
        {
            var fraction = p.TotalBytes > 0 ? Math.Clamp((double)p.BytesRead / p.TotalBytes, 0, 1) : 0;
            var filled = (int)Math.Round(fraction * Width);
            Console.Error.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {fraction,4:P0} {p.WorksWritten:N0} works, "
                + $"{p.WorksPerSecond:N0} works/s, {Remaining(p)}   ");
            _drawn = true;
        }

        public override void Finish() => Clear();

        private void Clear()
        {
            if (!_drawn)
                return;
            Console.Error.WriteLine();
            _drawn = false;
        }
    }

    private sealed class Lines : ConsoleImportProgress
    {
        private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);
        private readonly Stopwatch _sinceLast = Stopwatch.StartNew();

        public override void Progress(ImportProgress p)
        {
            if (_sinceLast.Elapsed < Every)
                return;
            _sinceLast.Restart();
            var percent = p.TotalBytes > 0 ? (double)p.BytesRead / p.TotalBytes : 0;
            Console.Error.WriteLine($"import: {p.File}: {percent:P0} of the input, {p.WorksWritten:N0} works written, "
                + $"{p.WorksPerSecond:N0} works/s, {Remaining(p)}");
        }
    }
}
