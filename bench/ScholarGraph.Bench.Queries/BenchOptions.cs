using System.Globalization;

namespace ScholarGraph.Bench.Queries;

/// <summary>The benchmark's command-line options and their defaults.</summary>
internal sealed record BenchOptions(int Papers, int Seed, int Iterations, int Warmup, string CacheFolder, bool Plans, int CompareLoaders, bool Search = false, int AutocompletePapers = 0, bool PrepareOnly = false, string? PostgresDatabase = null)
{
    public static BenchOptions Parse(string[] args)
    {
        var papers = 100_000;
        var seed = 1;
        var iterations = 200;
        var warmup = 20;
        string? cache = null;
        var plans = false;
        var compareLoaders = 0;
        var search = false;
        var autocompletePapers = 0;
        var prepareOnly = false;
        string? postgresDatabase = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.Parse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--papers": papers = Number(); break;
                case "--seed": seed = Number(); break;
                case "--iterations": iterations = Number(); break;
                case "--warmup": warmup = Number(); break;
                case "--cache": cache = Next(); break;
                case "--plans": plans = true; break;
                case "--compare-loaders": compareLoaders = Number(); break;
                case "--search": search = true; break;
                case "--prepare-only": prepareOnly = true; break;
                case "--autocomplete-papers": autocompletePapers = Number(); break;
                case "--postgres-database": postgresDatabase = Next(); break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }
        return new BenchOptions(papers, seed, Math.Max(1, iterations), Math.Max(1, warmup), cache ?? BenchDatabase.DefaultCacheFolder(), plans, compareLoaders, search, autocompletePapers, prepareOnly, postgresDatabase);
    }
}
