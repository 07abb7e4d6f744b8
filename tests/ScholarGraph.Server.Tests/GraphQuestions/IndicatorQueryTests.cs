using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.Domain;
using ScholarGraph.Graph.Indicators;
using ScholarGraph.GraphQL.Data.Relay;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Server.Tests.Schema;
using ScholarGraph.Server.Writes.Changes;
using ScholarGraph.Storage.Database;
using ScholarGraph.Tests.Shared;

namespace ScholarGraph.Server.Tests.GraphQuestions;

/// <summary>The seed profile has no citations: every citation-based indicator says why it has no value, and reported figures stay reported.</summary>
public sealed class SeedIndicatorTests(ScholarGraphFactory server) : IClassFixture<ScholarGraphFactory>
{
    [Fact]
    public async Task The_profile_authors_reported_novelty_stays_beside_a_computed_one_that_says_why_it_is_null()
    {
        double reported;
        string source;
        using (var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.SeedData, "devvrit-khatri.json"))))
        {
            var author = document.RootElement.GetProperty("authors").EnumerateArray().Single(a => a.GetProperty("id").GetString() == SeedGraph.ProfileAuthor);
            reported = author.GetProperty("reportedMetrics").GetProperty("noveltyPercent").GetDouble();
            source = document.RootElement.GetProperty("source").GetProperty("id").GetString()!;
        }

        var data = await server.QueryAsync("""
            query($id: ID!) {
              author(id: $id) {
                reportedMetrics { source noveltyPercent }
                novelty { source value percentile conventionality papersWithValue paperCount basis reason reasonText reported { source percent } }
                fieldNormalizedImpact { source value papersWithValue reason }
                citationsByYear { year count }
              }
            }
            """, new { id = SeedGraph.AuthorId(SeedGraph.ProfileAuthor) });
        var profile = data.GetProperty("author");
        Assert.Equal(reported, profile.GetProperty("reportedMetrics")[0].GetProperty("noveltyPercent").GetDouble());
        var novelty = profile.GetProperty("novelty");
        Assert.Equal("COMPUTED", novelty.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, novelty.GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, novelty.GetProperty("percentile").ValueKind);
        Assert.Equal("NO_REFERENCES_IN_GRAPH", novelty.GetProperty("reason").GetString());
        Assert.Equal("no references in the graph", novelty.GetProperty("reasonText").GetString());
        Assert.Equal((0, SeedGraph.Papers.Count(p => p.Authors.Contains(SeedGraph.ProfileAuthor))),
            (novelty.GetProperty("papersWithValue").GetInt32(), novelty.GetProperty("paperCount").GetInt32()));
        Assert.Equal("VENUE_OR_TOPIC", novelty.GetProperty("basis").GetString());
        var shown = Assert.Single(novelty.GetProperty("reported").EnumerateArray());
        Assert.Equal((source, reported), (shown.GetProperty("source").GetString(), shown.GetProperty("percent").GetDouble()));

        // No paper of the profile is cited in the graph, so no comparison set has citations.
        Assert.Equal("COMPARISON_SET_UNCITED", profile.GetProperty("fieldNormalizedImpact").GetProperty("reason").GetString());
        Assert.Empty(profile.GetProperty("citationsByYear").EnumerateArray());
    }

    [Fact]
    public async Task Every_seed_paper_says_why_its_citation_indicators_are_null()
    {
        var data = await server.QueryAsync("""
            {
              papers(first: 50) {
                nodes {
                  publicationDate
                  disruption { value nI nJ nK years reason }
                  novelty { value reason }
                  citationsWithin { value years firstYear reason }
                  fieldNormalizedImpact { value citations comparisonSetSize field { name } reason reasonText }
                  related { paper { id } }
                  priorWorks { paper { id } }
                  derivativeWorks { paper { id } }
                  citationsByYear { year }
                }
              }
            }
            """);
        var papers = data.GetProperty("papers").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(SeedGraph.Papers.Count, papers.Count);
        foreach (var paper in papers)
        {
            var disruption = paper.GetProperty("disruption");
            Assert.Equal(("NO_REFERENCES_IN_GRAPH", 5), (disruption.GetProperty("reason").GetString(), disruption.GetProperty("years").GetInt32()));
            Assert.Equal("NO_REFERENCES_IN_GRAPH", paper.GetProperty("novelty").GetProperty("reason").GetString());
            var window = paper.GetProperty("citationsWithin");
            Assert.Equal(0, window.GetProperty("value").GetInt32());
            Assert.Equal(DateOnly.Parse(paper.GetProperty("publicationDate").GetString()!).Year, window.GetProperty("firstYear").GetInt32());
            var impact = paper.GetProperty("fieldNormalizedImpact");
            Assert.Equal("COMPARISON_SET_UNCITED", impact.GetProperty("reason").GetString());
            Assert.Equal(0, impact.GetProperty("citations").GetInt32());
            Assert.True(impact.GetProperty("comparisonSetSize").GetInt32() >= 1);
            Assert.NotEqual(JsonValueKind.Null, impact.GetProperty("field").ValueKind);
            foreach (var list in new[] { "related", "priorWorks", "derivativeWorks", "citationsByYear" })
                Assert.Empty(paper.GetProperty(list).EnumerateArray());
        }
    }

    [Theory]
    [InlineData("{ papers(first: 1) { nodes { disruption(years: -1) { value } } } }", "years")]
    [InlineData("{ papers(first: 1) { nodes { citationsWithin(years: 51) { value } } } }", "years")]
    [InlineData("{ papers(first: 1) { nodes { related(first: 51) { score } } } }", "first")]
    [InlineData("{ papers(first: 1) { nodes { priorWorks(among: 0) { count } } } }", "among")]
    [InlineData("{ topics(first: 1) { nodes { bursts(s: 1) { weight } } } }", "s")]
    [InlineData("{ topics(first: 1) { nodes { bursts(gamma: -0.5) { weight } } } }", "gamma")]
    [InlineData("{ trendingTopics(from: 2020, to: 2019) { weight } }", "to")]
    public async Task An_argument_out_of_range_is_an_error_naming_it(string query, string argument)
    {
        var response = await server.ExecuteAsync(query);
        var error = response.GetProperty("errors")[0];
        Assert.Equal("GRAPH_ARGUMENT_OUT_OF_RANGE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains($"argument '{argument}'", error.GetProperty("message").GetString());
    }
}

/// <summary>
/// Every computed indicator through GraphQL on a generated graph of 300 papers (on SQLite), checked against the definitions read
/// literally over the seed files the server loaded (<see cref="IndicatorReference"/>).
/// </summary>
public sealed class GeneratedIndicatorTests(GeneratedSqliteScholarGraphFactory server) : IClassFixture<GeneratedSqliteScholarGraphFactory>
{
    private IndicatorReference Reference => field ??= new IndicatorReference(server.Graph);

    private static string PaperId(string key) => GlobalId.Encode("Paper", key);

    private static string KeyOf(JsonElement node) => Key(node.GetProperty("id").GetString()!);

    private static string Key(string id) => GlobalId.TryDecode(id, out _, out var key) ? key : throw new ArgumentException(id);

    private async Task<JsonElement> PaperAsync(string key, string selection) =>
        (await server.QueryAsync($"query($id: ID!) {{ paper(id: $id) {{ {selection} }} }}", new { id = PaperId(key) })).GetProperty("paper");

    private List<string> MostCited(int count) =>
        Reference.Papers.OrderByDescending(p => Reference.Citing(p).Count).ThenBy(p => p, StringComparer.Ordinal).Take(count).ToList();

    [Fact]
    public async Task Citations_by_year_and_within_a_window_count_the_citing_papers()
    {
        foreach (var key in MostCited(3))
        {
            var paper = await PaperAsync(key, "citationsByYear { year count } five: citationsWithin { value years lastYear source } two: citationsWithin(years: 2) { value }");
            var byYear = paper.GetProperty("citationsByYear").EnumerateArray().ToDictionary(y => y.GetProperty("year").GetInt32(), y => y.GetProperty("count").GetInt32());
            Assert.Equal(Reference.CitationsByYear(key).OrderBy(e => e.Key), byYear.OrderBy(e => e.Key));
            Assert.Equal(byYear.Keys.Order(), byYear.Keys);
            var five = paper.GetProperty("five");
            Assert.Equal((Reference.CitationsWithin(key, 5), 5, Reference.Year(key) + 5, "COMPUTED"),
                (five.GetProperty("value").GetInt32(), five.GetProperty("years").GetInt32(), (int?)five.GetProperty("lastYear").GetInt32(), five.GetProperty("source").GetString()));
            Assert.Equal(Reference.CitationsWithin(key, 2), paper.GetProperty("two").GetProperty("value").GetInt32());
        }

        var author = server.Graph.Authorships.GroupBy(a => a.AuthorId).OrderByDescending(g => g.Count()).First();
        var expected = author.SelectMany(a => Reference.Citing(a.PaperId)).Where(c => Reference.Year(c) is not null)
            .GroupBy(c => Reference.Year(c)!.Value).ToDictionary(g => g.Key, g => g.Count());
        var data = await server.QueryAsync("query($id: ID!) { author(id: $id) { citationsByYear { year count } } }", new { id = GlobalId.Encode("Author", author.Key) });
        Assert.Equal(expected.OrderBy(e => e.Key), data.GetProperty("author").GetProperty("citationsByYear").EnumerateArray()
            .Select(y => KeyValuePair.Create(y.GetProperty("year").GetInt32(), y.GetProperty("count").GetInt32())));
    }

    [Fact]
    public async Task Disruption_matches_the_definition_for_the_most_cited_papers()
    {
        var checkedValues = 0;
        foreach (var key in MostCited(8).Where(k => Reference.References(k).Count > 0))
        {
            foreach (var years in new[] { 5, 10 })
            {
                var cd = (await PaperAsync(key, $"disruption(years: {years}) {{ value nI nJ nK years source reason }}")).GetProperty("disruption");
                var (ni, nj, nk) = Reference.Disruption(key, years);
                Assert.Equal((ni, nj, nk, years), (cd.GetProperty("nI").GetInt32(), cd.GetProperty("nJ").GetInt32(), cd.GetProperty("nK").GetInt32(), cd.GetProperty("years").GetInt32()));
                Assert.Equal((double)(ni - nj) / (ni + nj + nk), cd.GetProperty("value").GetDouble(), 12);
                Assert.Equal(JsonValueKind.Null, cd.GetProperty("reason").ValueKind);
                checkedValues++;
            }
        }

        Assert.True(checkedValues >= 8);
    }

    [Fact]
    public async Task Related_papers_carry_their_co_citation_and_coupling_counts_in_rank_order()
    {
        var key = MostCited(1)[0];
        foreach (var by in new[] { "CO_CITATION", "COUPLING", "COMBINED" })
        {
            var related = (await PaperAsync(key, $"related(first: 20, by: {by}) {{ paper {{ id }} coCitations couplings score }}")).GetProperty("related").EnumerateArray().ToList();
            Assert.NotEmpty(related);
            var expected = Reference.Papers.Where(p => p != key).Select(p => (Paper: p, Counts: Reference.Relatedness(key, p)))
                .Select(r => (r.Paper, r.Counts.CoCitations, r.Counts.Couplings,
                    Score: by == "CO_CITATION" ? r.Counts.CoCitations : by == "COUPLING" ? r.Counts.Couplings : r.Counts.CoCitations + r.Counts.Couplings))
                .Where(r => r.Score > 0).ToList();
            var scores = related.Select(r => r.GetProperty("score").GetInt32()).ToList();
            Assert.Equal(expected.Select(e => e.Score).OrderDescending().Take(20), scores);
            foreach (var r in related)
            {
                var (coCitations, couplings) = Reference.Relatedness(key, KeyOf(r.GetProperty("paper")));
                Assert.Equal((coCitations, couplings), (r.GetProperty("coCitations").GetInt32(), r.GetProperty("couplings").GetInt32()));
            }
        }
    }

    [Fact]
    public async Task Prior_and_derivative_works_count_their_links_to_the_related_set()
    {
        var key = MostCited(1)[0];
        var paper = await PaperAsync(key, """
            related(first: 5) { paper { id } }
            priorWorks(first: 50, among: 5) { paper { id } count share }
            derivativeWorks(first: 50, among: 5) { paper { id } count share }
            """);
        var set = paper.GetProperty("related").EnumerateArray().Select(r => KeyOf(r.GetProperty("paper"))).ToList();
        var prior = set.SelectMany(Reference.References).Where(p => p != key).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        var derivative = set.SelectMany(Reference.Citing).Where(p => p != key).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (field, expected) in new[] { ("priorWorks", prior), ("derivativeWorks", derivative) })
        {
            var works = paper.GetProperty(field).EnumerateArray().ToList();
            Assert.Equal(Math.Min(50, expected.Count), works.Count);
            foreach (var work in works)
            {
                Assert.Equal(expected[KeyOf(work.GetProperty("paper"))], work.GetProperty("count").GetInt32());
                Assert.Equal(work.GetProperty("count").GetInt32() / (double)set.Count, work.GetProperty("share").GetDouble(), 12);
            }
            Assert.Equal(expected.Values.OrderDescending().Take(50), works.Select(w => w.GetProperty("count").GetInt32()));
        }
    }

    [Fact]
    public async Task Field_normalised_impact_divides_by_the_mean_of_the_same_year_and_primary_topic()
    {
        var valued = 0;
        foreach (var key in MostCited(10))
        {
            var impact = (await PaperAsync(key, "fieldNormalizedImpact { value citations expectedCitations windowYears source reason }")).GetProperty("fieldNormalizedImpact");
            Assert.Equal(Reference.CitationsWithin(key, 3), impact.GetProperty("citations").GetInt32());
            if (Reference.FieldNormalizedImpact(key) is { } expected)
            {
                Assert.Equal(expected, impact.GetProperty("value").GetDouble(), 10);
                valued++;
            }
            else
            {
                Assert.Equal("COMPARISON_SET_UNCITED", impact.GetProperty("reason").GetString());
            }
        }

        Assert.True(valued >= 5, $"only {valued} values");
    }

    [Fact]
    public async Task Novelty_is_the_tenth_percentile_of_the_pairs_commonness_and_the_author_gets_the_medians()
    {
        var reference = Reference;
        var candidates = reference.Papers.Where(p => reference.Year(p) is not null && reference.References(p).Count(r => reference.Label(r) is not null) >= 3)
            .OrderBy(p => p, StringComparer.Ordinal).Take(6).ToList();
        Assert.NotEmpty(candidates);
        foreach (var key in candidates)
        {
            var year = reference.Year(key)!.Value;
            var labels = reference.References(key).Select(reference.Label).OfType<string>().ToList();
            var commonness = new List<double>();
            for (var a = 0; a < labels.Count; a++)
                for (var b = a + 1; b < labels.Count; b++)
                    commonness.Add(reference.Commonness(year, labels[a], labels[b]));
            commonness.Sort();
            var novelty = (await PaperAsync(key, "novelty { value conventionality percentile pairCount year basis source reason }")).GetProperty("novelty");
            Assert.Equal(commonness.Count, novelty.GetProperty("pairCount").GetInt32());
            Assert.Equal(Quantile(commonness, 0.1), novelty.GetProperty("value").GetDouble(), 10);
            Assert.Equal(Quantile(commonness, 0.5), novelty.GetProperty("conventionality").GetDouble(), 10);
            Assert.InRange(novelty.GetProperty("percentile").GetDouble(), 0, 100);
            Assert.Equal(year, novelty.GetProperty("year").GetInt32());
        }

        // The most prolific author whose papers fit on one page.
        var author = server.Graph.Authorships.GroupBy(a => a.AuthorId).Where(g => g.Count() <= 50).OrderByDescending(g => g.Count()).First().Key;
        var data = (await server.QueryAsync("""
            query($id: ID!) { author(id: $id) { novelty { value percentile papersWithValue paperCount reported { percent } } papers(first: 50) { nodes { novelty { value percentile } } } } }
            """, new { id = GlobalId.Encode("Author", author) })).GetProperty("author");
        var values = data.GetProperty("papers").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("novelty"))
            .Where(n => n.GetProperty("value").ValueKind != JsonValueKind.Null).ToList();
        var authorNovelty = data.GetProperty("novelty");
        Assert.Equal(values.Count, authorNovelty.GetProperty("papersWithValue").GetInt32());
        Assert.Equal(Quantile(values.Select(v => v.GetProperty("value").GetDouble()).Order().ToList(), 0.5), authorNovelty.GetProperty("value").GetDouble(), 10);
        Assert.Equal(Quantile(values.Select(v => v.GetProperty("percentile").GetDouble()).Order().ToList(), 0.5), authorNovelty.GetProperty("percentile").GetDouble(), 10);
        Assert.Empty(authorNovelty.GetProperty("reported").EnumerateArray());
    }

    [Fact]
    public async Task Topic_bursts_follow_each_topics_share_of_papers_and_trending_topics_rank_them()
    {
        var graph = server.Graph;
        var years = graph.Papers.Where(p => p.PublicationDate is not null).Select(p => p.PublicationDate!.Value.Year).ToList();
        var (first, last) = (years.Min(), years.Max());
        var total = Enumerable.Range(first, last - first + 1).Select(y => years.Count(x => x == y)).ToArray();
        var dates = graph.Papers.ToDictionary(p => p.Id, p => p.PublicationDate?.Year);
        // The defaults, and a lower threshold (the 300 papers spread over 26 years give only weak bursts).
        var withBursts = 0;
        foreach (var (scale, gamma) in new[] { (BurstDetection.DefaultScale, BurstDetection.DefaultGamma), (1.5, 0.2) })
        {
            var data = await server.QueryAsync("query($s: Float, $g: Float) { topics(first: 50) { nodes { id bursts(s: $s, gamma: $g) { startYear endYear weight } } } }",
                new { s = scale, g = gamma });
            foreach (var topic in data.GetProperty("topics").GetProperty("nodes").EnumerateArray())
            {
                var key = Key(topic.GetProperty("id").GetString()!);
                var papers = graph.PaperTopics.Where(t => t.TopicId == key).Select(t => dates[t.PaperId]).OfType<int>().ToList();
                var relevant = Enumerable.Range(first, last - first + 1).Select(y => papers.Count(x => x == y)).ToArray();
                var expected = BurstDetection.Detect(relevant, total, scale, gamma).Select(b => (first + b.Start, first + b.End)).ToList();
                var bursts = topic.GetProperty("bursts").EnumerateArray().ToList();
                Assert.Equal(expected, bursts.Select(b => (b.GetProperty("startYear").GetInt32(), b.GetProperty("endYear").GetInt32())));
                withBursts += bursts.Count;
            }
        }

        Assert.True(withBursts > 0, "no topic bursts in the generated graph");
        var period = (from: last - 5, to: last);
        var trending = (await server.QueryAsync("query($from: Int!, $to: Int!) { trendingTopics(from: $from, to: $to, first: 50, s: 1.5, gamma: 0.2) { weight topic { id } bursts { startYear endYear weight } } }",
            new { period.from, period.to })).GetProperty("trendingTopics").EnumerateArray().ToList();
        Assert.NotEmpty(trending);
        var weights = trending.Select(t => t.GetProperty("weight").GetDouble()).ToList();
        Assert.Equal(weights.OrderDescending(), weights);
        Assert.All(trending, t =>
        {
            var bursts = t.GetProperty("bursts").EnumerateArray().ToList();
            Assert.All(bursts, b => Assert.True(b.GetProperty("startYear").GetInt32() <= period.to && b.GetProperty("endYear").GetInt32() >= period.from));
            Assert.Equal(bursts.Sum(b => b.GetProperty("weight").GetDouble()), t.GetProperty("weight").GetDouble(), 10);
        });
    }

    [Fact]
    public async Task Topic_clusters_weigh_to_the_mean_year_of_the_papers_with_topics()
    {
        var graph = server.Graph;
        var clusters = (await server.QueryAsync("{ topicClusters { clusters { paperCount meanPublicationYear } } }"))
            .GetProperty("topicClusters").GetProperty("clusters").EnumerateArray().Where(c => c.GetProperty("paperCount").GetInt32() > 0).ToList();
        var withTopics = graph.PaperTopics.Select(t => t.PaperId).ToHashSet();
        var expected = graph.Papers.Where(p => withTopics.Contains(p.Id)).Average(p => p.PublicationDate!.Value.Year);
        var weighted = clusters.Sum(c => c.GetProperty("paperCount").GetInt32() * c.GetProperty("meanPublicationYear").GetDouble())
            / clusters.Sum(c => c.GetProperty("paperCount").GetInt32());
        Assert.Equal(expected, weighted, 8);
    }

    // Linear interpolation between the nearest ranks (numpy's default), computed here on its own.
    private static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        var h = (sorted.Count - 1) * q;
        var low = (int)Math.Floor(h);
        return low + 1 < sorted.Count ? sorted[low] + (h - low) * (sorted[low + 1] - sorted[low]) : sorted[low];
    }
}

/// <summary>The indicators follow a write as the rest of the index does: a new citation shows at once.</summary>
public sealed class IndicatorWriteTests(SqliteScholarGraphFactory server) : IClassFixture<SqliteScholarGraphFactory>
{
    [Fact]
    public async Task A_citation_written_after_the_start_changes_citations_by_year_disruption_and_related_papers()
    {
        const string Query = """
            query($id: ID!) { paper(id: $id) { citationsByYear { year count } disruption { value nI nJ nK reason } related { paper { id } coCitations couplings } } }
            """;
        var cited = SeedGraph.Papers.Where(p => p.Date is not null).OrderBy(p => p.Date).First();
        var before = (await server.QueryAsync(Query, new { id = SeedGraph.GlobalId("Paper", cited.Id) })).GetProperty("paper");
        Assert.Empty(before.GetProperty("citationsByYear").EnumerateArray());
        Assert.Equal("NO_REFERENCES_IN_GRAPH", before.GetProperty("disruption").GetProperty("reason").GetString());

        // The seed paper now cites an older one, and a new paper cites both: it counts in n_j, co-cites the two, and shares the older
        // one as a reference with the seed paper.
        await using (var db = await server.Services.GetRequiredService<IDbContextFactory<ScholarGraphDbContext>>().CreateDbContextAsync())
        {
            var reference = new Paper { Id = "written-reference", Title = "An older reference", PublicationDate = cited.Date!.Value.AddYears(-3) };
            db.Papers.Add(reference);
            db.Papers.Add(new Paper { Id = "written-citing", Title = "A later paper", PublicationDate = cited.Date!.Value.AddYears(1) });
            db.Citations.Add(new Citation { CitingPaperId = cited.Id, CitedPaperId = reference.Id });
            db.Citations.Add(new Citation { CitingPaperId = "written-citing", CitedPaperId = cited.Id });
            db.Citations.Add(new Citation { CitingPaperId = "written-citing", CitedPaperId = reference.Id });
            await db.SaveChangesAsync();
        }

        await server.Services.GetRequiredService<GraphChangePublisher>().PublishAsync([
            new PaperAdded("written-reference", [], []), new PaperAdded("written-citing", [], []), new CitationAdded(cited.Id, "written-reference")]);

        var after = (await server.QueryAsync(Query, new { id = SeedGraph.GlobalId("Paper", cited.Id) })).GetProperty("paper");
        var year = Assert.Single(after.GetProperty("citationsByYear").EnumerateArray());
        Assert.Equal((cited.Date!.Value.Year + 1, 1), (year.GetProperty("year").GetInt32(), year.GetProperty("count").GetInt32()));
        var cd = after.GetProperty("disruption");
        Assert.Equal((0, 1, 0, -1.0), (cd.GetProperty("nI").GetInt32(), cd.GetProperty("nJ").GetInt32(), cd.GetProperty("nK").GetInt32(), cd.GetProperty("value").GetDouble()));
        var related = after.GetProperty("related").EnumerateArray()
            .Select(r => (r.GetProperty("paper").GetProperty("id").GetString()!, r.GetProperty("coCitations").GetInt32(), r.GetProperty("couplings").GetInt32()))
            .OrderBy(r => r.Item1, StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { (SeedGraph.GlobalId("Paper", "written-citing"), 0, 1), (SeedGraph.GlobalId("Paper", "written-reference"), 1, 0) }
            .OrderBy(r => r.Item1, StringComparer.Ordinal), related);
    }
}
