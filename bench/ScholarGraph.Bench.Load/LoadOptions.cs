using System.Globalization;

namespace ScholarGraph.Bench.Load;

/// <summary>The load benchmark's command-line options and their defaults.</summary>
/// <param name="Papers">Papers in the generated store (default 100,000).</param>
/// <param name="Seed">The generator's seed (default 1).</param>
/// <param name="Connections">The wrk connection counts to measure at (default 16 and 64).</param>
/// <param name="Seconds">Measured seconds per run (default 10).</param>
/// <param name="WarmupSeconds">Unmeasured seconds before each run (default 3).</param>
/// <param name="Only">Runs only the scenarios whose names contain this text (default: all).</param>
/// <param name="CacheFolder">Where the generated store is kept between runs (default bench/.cache).</param>
internal sealed record LoadOptions(int Papers, int Seed, int[] Connections, int Seconds, int WarmupSeconds, string? Only, string CacheFolder)
{
    public static LoadOptions Parse(string[] args)
    {
        var papers = 100_000;
        var seed = 1;
        int[] connections = [16, 64];
        var seconds = 10;
        var warmup = 3;
        string? only = null;
        string? cache = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.Parse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--papers": papers = Number(); break;
                case "--seed": seed = Number(); break;
                case "--connections": connections = [.. Next().Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))]; break;
                case "--seconds": seconds = Number(); break;
                case "--warmup": warmup = Number(); break;
                case "--only": only = Next(); break;
                case "--cache": cache = Next(); break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'. Options: --papers N --seed S --connections 16,64 --seconds N --warmup N --only TEXT --cache DIR");
            }
        }
        return new LoadOptions(papers, seed, connections, Math.Max(1, seconds), Math.Max(0, warmup), only, cache ?? ScholarGraph.Bench.Queries.BenchDatabase.DefaultCacheFolder());
    }
}
