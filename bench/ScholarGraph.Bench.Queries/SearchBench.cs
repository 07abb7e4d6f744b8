using System.Diagnostics;
using System.Globalization;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ScholarGraph.Storage.Database;
using Microsoft.Data.Sqlite;

namespace ScholarGraph.Bench.Queries;

/// <summary>
/// The search benchmark (issue 12, items 5 and 8): <c>search</c> and <c>autocomplete</c> on the generated store, on SQLite and, when
/// <c>SCHOLARGRAPH_POSTGRES</c> names a server, on PostgreSQL beside it (the same generated papers', authors', institutions' and
/// topics' texts, copied once into a database of its own, <c>scholargraph_bench_papers_N_seed_S</c>, kept for later runs). Inputs come from the data: the longest word of the
/// first paper's title, the first topic's name as a phrase, a prefix of that word, and a word every abstract holds (the worst case:
/// every paper matches and is scored).
/// </summary>
internal static class SearchBench
{
    private const string Hits = "pageInfo { hasNextPage endCursor } edges { node { score snippet entity { ... on Paper { id title } ... on Author { id name } ... on Topic { id name } } } }";

    private static BenchQuery Search(string name, string query, string? types = null, bool count = false, Func<BenchInputs, string?>? after = null) => new(name,
        $"query($q: String!, $after: String) {{ search(query: $q, first: 20, after: $after{(types is null ? "" : $", types: [{types}]")}) {{ {(count ? "totalCount " : "")}{Hits} }} }}",
        inputs => new Inputs(new Dictionary<string, object?> { ["q"] = Fill(query, inputs), ["after"] = after?.Invoke(inputs) }));

    private static BenchQuery Autocomplete(string name, string type, Func<BenchInputs, string> prefix) => new(name,
        $"query($p: String!) {{ autocomplete(prefix: $p, type: {type}) {{ id text }} }}",
        inputs => new Inputs(new Dictionary<string, object?> { ["p"] = prefix(inputs) }));

    private static string Fill(string query, BenchInputs inputs) => query
        .Replace("{word}", inputs.TitleWord.ToLowerInvariant(), StringComparison.Ordinal)
        .Replace("{phrase}", inputs.SearchPhrase, StringComparison.Ordinal)
        .Replace("{prefix}", inputs.TitleWord[..Math.Min(4, inputs.TitleWord.Length)].ToLowerInvariant(), StringComparison.Ordinal)
        .Replace("{other}", inputs.SearchPhrase.Split(' ')[^1], StringComparison.Ordinal);

    /// <summary>The search rows, the floor first.</summary>
    public static IReadOnlyList<BenchQuery> Queries { get; } =
    [
        BenchQueries.All[0],
        Search("S1 search a title word, every type", "{word}"),
        Search("S2 the same with totalCount", "{word}", count: true),
        Search("S3 second page (after S1)", "{word}", after: i => i.SearchEndCursor),
        Search("S4 phrase (a topic's name), papers", "\"{phrase}\"", types: "PAPER"),
        Search("S5 prefix of the word, papers", "{prefix}*", types: "PAPER"),
        Search("S6 word -exclusion, papers", "{word} -{other}", types: "PAPER"),
        Search("S7 worst: 'we', in every abstract", "we", types: "PAPER"),
        Autocomplete("A1 autocomplete a title, 3 letters", "PAPER", i => i.TitlePrefix),
        Autocomplete("A2 autocomplete an author, 2 letters", "AUTHOR", i => i.AuthorPrefix),
        Autocomplete("A3 autocomplete a topic, 1 letter", "TOPIC", i => i.TitlePrefix[..1]),
    ];

    /// <summary>The autocomplete rows of papers and authors, for the largest store (which holds only their texts).</summary>
    public static IReadOnlyList<BenchQuery> AutocompleteQueries => [Queries[0], .. Queries.Where(q => q.Name.StartsWith("A1", StringComparison.Ordinal) || q.Name.StartsWith("A2", StringComparison.Ordinal))];

    /// <summary>Measures <paramref name="queries"/> on one store; the inputs are picked from it.</summary>
    public static async Task<List<Measurement>> MeasureAsync(QueryHarness harness, IReadOnlyList<BenchQuery> queries, BenchOptions options)
    {
        var inputs = await PickInputsAsync(harness.Services);
        Console.WriteLine($"Inputs: word '{inputs.TitleWord}', phrase \"{inputs.SearchPhrase}\", title prefix '{inputs.TitlePrefix}', author prefix '{inputs.AuthorPrefix}'");
        var measurements = new List<Measurement>();
        foreach (var query in queries)
        {
            Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} measuring {query.Name} ...");
            var measurement = await harness.MeasureAsync(query, inputs, options.Warmup, options.Iterations);
            measurements.Add(measurement);
            if (query.Name.StartsWith("S1", StringComparison.Ordinal))
                inputs.SearchEndCursor = measurement.Data?.GetProperty("search").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
        return measurements;
    }

    private static async Task<BenchInputs> PickInputsAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ScholarGraphDbContext>>().CreateDbContextAsync();
        var title = await db.Papers.OrderBy(p => p.Id).Select(p => p.Title).FirstAsync();
        var topic = await db.Topics.OrderBy(t => t.Id).Where(t => t.Name.Contains(" ")).Select(t => t.Name).FirstOrDefaultAsync();
        return new BenchInputs
        {
            AuthorId = "",
            InstitutionName = "",
            TitleWord = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).MaxBy(w => w.Length)!,
            // A topic's name as the phrase (a store of texts only has none: then the title's first two words).
            SearchPhrase = (topic ?? string.Join(' ', title.Split(' ').Take(2))).ToLowerInvariant(),
            TitlePrefix = title[..3],
            AuthorPrefix = (await db.Authors.OrderBy(a => a.Id).Select(a => a.Name).FirstAsync())[..2],
        };
    }

    /// <summary>Prints one store's figures, or two side by side.</summary>
    public static void PrintSideBySide(IReadOnlyList<Measurement> sqlite, IReadOnlyList<Measurement>? postgres, int iterations)
    {
        Console.WriteLine();
        Console.WriteLine($"{iterations} timed runs per query after warm-up; time = execute + serialize to JSON, in-process (no HTTP); 20 hits a page.");
        var width = Math.Max(40, sqlite.Max(m => m.Name.Length));
        var header = $"{"query".PadRight(width)} | {"SQLite median",13} | {"p99",8} | {"rows",4}";
        if (postgres is not null)
            header += $" | {"PostgreSQL median",17} | {"p99",8} | {"rows",4}";
        Console.WriteLine(header);
        Console.WriteLine(new string('-', header.Length));
        for (var i = 0; i < sqlite.Count; i++)
        {
            var line = $"{sqlite[i].Name.PadRight(width)} | {Figures(sqlite[i], 13)}";
            if (postgres is not null)
                line += $" | {Figures(postgres[i], 17)}";
            Console.WriteLine(line);
        }
    }

    private static string Figures(Measurement m, int width) => m.Error is not null
        ? $"error: {m.Error[..Math.Min(60, m.Error.Length)]}"
        : (m.MedianMs.ToString("F2", CultureInfo.InvariantCulture) + " ms").PadLeft(width)
          + string.Create(CultureInfo.InvariantCulture, $" | {m.P99Ms,8:F2} | {m.Rows,4}");

    /// <summary>
    /// The PostgreSQL database of the generated graph on the server <paramref name="server"/> names, migrated, with the rows search
    /// and autocomplete read (papers' ids, titles, abstracts and dates; authors', institutions' and topics' ids and names) copied
    /// from the SQLite file by binary <c>COPY</c>, so that PostgreSQL computes their search vectors as on any write; reused when it
    /// holds the papers already. (Loading the whole graph through the upserting <c>SeedLoader</c> did not finish in 10 minutes.)
    /// </summary>
    public static async Task<string> PreparePostgresAsync(string server, string sqliteFile, int papers, int seed)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = $"scholargraph_bench_papers_{papers}_seed_{seed}" }.ConnectionString;
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        var builder = new DbContextOptionsBuilder<ScholarGraphDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString });
        await using (var db = new ScholarGraphDbContext(builder.Options))
        {
            await StoreSchema.EnsureAsync(db);
            if (await db.Papers.CountAsync() == papers)
            {
                Console.WriteLine($"PostgreSQL: {name}, {papers:N0} papers' texts (copied earlier)");
                return connectionString;
            }
        }
        Console.Error.WriteLine($"Copying the texts of {sqliteFile} into PostgreSQL {name} ...");
        var clock = Stopwatch.StartNew();
        await using var target = new NpgsqlConnection(connectionString);
        await target.OpenAsync();
        await using (var truncate = new NpgsqlCommand("TRUNCATE \"Papers\", \"Authors\", \"Institutions\", \"Topics\" CASCADE", target))
            await truncate.ExecuteNonQueryAsync();
        await using var source = new SqliteConnection($"Data Source={sqliteFile};Mode=ReadOnly");
        await source.OpenAsync();
        long rows = 0;
        rows += await CopyAsync(source, target, "SELECT Id, Title, Abstract, PublicationDate FROM Papers",
            "COPY \"Papers\" (\"Id\", \"Title\", \"Abstract\", \"PublicationDate\", \"DateYearInferred\", \"AuthorListTruncated\") FROM STDIN (FORMAT BINARY)",
            async (reader, writer) =>
            {
                await writer.WriteAsync(reader.GetString(0));
                await writer.WriteAsync(reader.GetString(1));
                await WriteNullableAsync(writer, reader.IsDBNull(2) ? null : reader.GetString(2));
                if (reader.IsDBNull(3))
                    await writer.WriteNullAsync();
                else
                    await writer.WriteAsync(DateOnly.ParseExact(reader.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture), NpgsqlTypes.NpgsqlDbType.Date);
                await writer.WriteAsync(false);
                await writer.WriteAsync(false);
            });
        foreach (var table in new[] { "Authors", "Institutions", "Topics" })
        {
            rows += await CopyAsync(source, target, $"SELECT Id, Name FROM {table}",
                $"COPY \"{table}\" (\"Id\", \"Name\"{(table == "Topics" ? ", \"Keywords\"" : "")}) FROM STDIN (FORMAT BINARY)",
                async (reader, writer) =>
                {
                    await writer.WriteAsync(reader.GetString(0));
                    await writer.WriteAsync(reader.GetString(1));
                    if (table == "Topics")
                        await writer.WriteAsync(Array.Empty<string>(), NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text);
                });
        }
        await using (var analyze = new NpgsqlCommand("ANALYZE", target))
            await analyze.ExecuteNonQueryAsync();
        Console.WriteLine($"PostgreSQL: {name}, {rows:N0} rows of texts copied in {clock.Elapsed.TotalSeconds:F1} s");
        return connectionString;
    }

    private static async Task<long> CopyAsync(SqliteConnection source, NpgsqlConnection target, string select, string copy,
        Func<SqliteDataReader, NpgsqlBinaryImporter, Task> writeRow)
    {
        await using var command = source.CreateCommand();
        command.CommandText = select;
        await using var reader = await command.ExecuteReaderAsync();
        await using var writer = await target.BeginBinaryImportAsync(copy);
        long rows = 0;
        while (await reader.ReadAsync())
        {
            await writer.StartRowAsync();
            await writeRow(reader, writer);
            rows++;
        }
        await writer.CompleteAsync();
        return rows;
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value) => value is null ? writer.WriteNullAsync() : writer.WriteAsync(value);
}

/// <summary>The <c>--search</c> run: the search rows on SQLite (and PostgreSQL), then autocomplete on the largest store if asked.</summary>
internal static class SearchBenchProgram
{
    public static async Task RunAsync(BenchOptions options, string database, BenchDatabaseInfo info, bool cached)
    {
        if (options.PrepareOnly)
        {
            // Builds the stores (long, and no measurement) so that the measured run, under the test lock, starts at once.
            if (Environment.GetEnvironmentVariable("SCHOLARGRAPH_POSTGRES") is { Length: > 0 } pg)
                await SearchBench.PreparePostgresAsync(pg, database, options.Papers, options.Seed);
            if (options.AutocompletePapers > 0)
                await TextsOnlyStore.PrepareAsync(options.CacheFolder, options.AutocompletePapers, options.Seed);
            return;
        }
        List<Measurement> sqlite;
        await using (var harness = QueryHarness.Create(database))
        {
            BenchReport.PrintSetup(database, info, cached, harness.Services);
            sqlite = await SearchBench.MeasureAsync(harness, SearchBench.Queries, options);
        }
        List<Measurement>? postgres = null;
        if (Environment.GetEnvironmentVariable("SCHOLARGRAPH_POSTGRES") is { Length: > 0 } server)
        {
            var connectionString = await SearchBench.PreparePostgresAsync(server, database, options.Papers, options.Seed);
            await using var harness = QueryHarness.Create("Postgres", connectionString);
            postgres = await SearchBench.MeasureAsync(harness, SearchBench.Queries, options);
        }
        else
        {
            Console.WriteLine("PostgreSQL: not measured (SCHOLARGRAPH_POSTGRES is not set).");
        }
        SearchBench.PrintSideBySide(sqlite, postgres, options.Iterations);

        if (options.AutocompletePapers > 0)
        {
            var (large, largeInfo, largeCached) = await TextsOnlyStore.PrepareAsync(options.CacheFolder, options.AutocompletePapers, options.Seed);
            await using var harness = QueryHarness.Create(large);
            Console.WriteLine();
            BenchReport.PrintSetup(large, largeInfo, largeCached, harness.Services);
            SearchBench.PrintSideBySide(await SearchBench.MeasureAsync(harness, SearchBench.AutocompleteQueries, options), null, options.Iterations);
        }
    }
}
