using System.Text.RegularExpressions;

namespace ScholarGraph.Generation.Tests;

/// <summary>
/// The generated graph has the shape of real scholarly data: long-tailed author lists and productivity, clustered coauthorship,
/// citations forward in time that concentrate on a few papers, and scored topics from a hierarchy.
/// </summary>
public sealed partial class GeneratedGraphShapeTests(GeneratedGraphFixture fixture) : IClassFixture<GeneratedGraphFixture>
{
    [GeneratedRegex(@"^topic:f[0-9]+\.s[0-9]+\.t[0-9]+$")]
    private static partial Regex TopicIdPattern();

    [Fact]
    public void The_files_hold_what_the_summary_counts()
    {
        var (graph, counts) = (fixture.Graph, fixture.Summary.Counts);
        Assert.Equal(GeneratedGraphFixture.Papers, graph.Papers.Count);
        Assert.Equal(
            (counts.Papers, counts.Authors, counts.Institutions, counts.Topics, counts.Authorships, counts.PaperTopics, counts.Citations, counts.Venues),
            (graph.Papers.Count, graph.Authors.Count, graph.Institutions.Count, graph.Topics.Count, (long)graph.Authorships.Count,
                (long)graph.PaperTopics.Count, (long)graph.Citations.Count, graph.Venues.Count));
        Assert.Equal(fixture.Summary.Files.Sum(f => new FileInfo(f).Length), fixture.Summary.Bytes);
    }

    [Fact]
    public void A_tenth_of_the_papers_name_no_venue_and_a_community_publishes_mostly_in_two()
    {
        var graph = fixture.Graph;
        Assert.InRange(graph.Papers.Count(p => p.VenueId is null), 0.07 * graph.Papers.Count, 0.13 * graph.Papers.Count);
        Assert.All(graph.Venues, v => Assert.Contains(v.Type, new[] { "journal", "conference", "repository" }));
        Assert.True(graph.Venues.Count >= 2);
        // Among the papers of a community that have a venue, its two most used venues hold most (75% of all papers, 10% none).
        var byCommunity = graph.Papers.Where(p => p.VenueId is not null).GroupBy(p => fixture.Generator.CommunityOfPaper(p.Id)).Where(g => g.Count() >= 50);
        Assert.All(byCommunity, g =>
        {
            var topTwo = g.GroupBy(p => p.VenueId).Select(v => v.Count()).OrderDescending().Take(2).Sum();
            Assert.True(topTwo >= 0.75 * g.Count(), $"{g.Key}: {topTwo} of {g.Count()} in its two main venues");
        });
    }

    [Fact]
    public void Every_paper_cites_only_strictly_older_papers()
    {
        var dates = fixture.Graph.Papers.ToDictionary(p => p.Id, p => p.PublicationDate!.Value);
        Assert.NotEmpty(fixture.Graph.Citations);
        Assert.All(fixture.Graph.Citations, c => Assert.True(dates[c.CitedPaperId] < dates[c.CitingPaperId],
            $"{c.CitingPaperId} ({dates[c.CitingPaperId]}) cites {c.CitedPaperId} ({dates[c.CitedPaperId]})"));
    }

    [Fact]
    public void Papers_are_numbered_in_publication_order_and_output_grows_over_the_years()
    {
        var papers = fixture.Graph.Papers.OrderBy(p => int.Parse(p.Id["paper:".Length..])).ToList();
        for (var i = 1; i < papers.Count; i++)
            Assert.True(papers[i - 1].PublicationDate <= papers[i].PublicationDate, $"{papers[i - 1].Id} is dated after {papers[i].Id}");
        var perYear = papers.GroupBy(p => p.PublicationDate!.Value.Year).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Enumerable.Range(2000, 26), perYear.Keys.Order());
        Assert.True(perYear[2025] > 2 * perYear[2000], $"2000: {perYear[2000]} papers, 2025: {perYear[2025]}");
    }

    [Fact]
    public void Author_lists_are_mostly_two_to_six_long_with_a_tail()
    {
        var sizes = fixture.Graph.Authorships.GroupBy(a => a.PaperId).Select(g => g.Count()).Order().ToList();
        Assert.Equal(GeneratedGraphFixture.Papers, sizes.Count);
        Assert.InRange(sizes.Average(), 3.5, 7.0);
        Assert.InRange(sizes.Count(s => s is >= 2 and <= 6) / (double)sizes.Count, 0.6, 0.9);
        Assert.InRange(sizes[^1], 20, 50);
    }

    [Fact]
    public void Author_positions_run_from_one_without_gaps()
    {
        Assert.All(fixture.Graph.Authorships.GroupBy(a => a.PaperId), paper =>
            Assert.Equal(Enumerable.Range(1, paper.Count()), paper.Select(a => a.Position!.Value).Order()));
    }

    [Fact]
    public void Papers_per_author_are_heavy_tailed()
    {
        var perAuthor = fixture.Graph.Authorships.GroupBy(a => a.AuthorId).Select(g => g.Count()).OrderDescending().ToList();
        Assert.Equal(fixture.Graph.Authors.Count, perAuthor.Count);
        var median = perAuthor[perAuthor.Count / 2];
        Assert.True(perAuthor[0] >= 10 * median, $"most prolific author has {perAuthor[0]} papers, the median {median}");
        var topPercent = perAuthor.Take(perAuthor.Count / 100).Sum() / (double)perAuthor.Sum();
        Assert.True(topPercent > 0.05, $"the top 1% of authors hold {topPercent:P1} of authorships");
        Assert.True(perAuthor.Count(n => n == 1) > perAuthor.Count / 10, "many authors write a single paper");
    }

    [Fact]
    public void Coauthors_mostly_share_a_research_community()
    {
        long within = 0, pairs = 0;
        foreach (var paper in fixture.Graph.Authorships.GroupBy(a => a.PaperId))
        {
            var communities = paper.Select(a => fixture.Generator.CommunityOfAuthor(a.AuthorId)).ToArray();
            for (var i = 0; i < communities.Length; i++)
            {
                for (var j = i + 1; j < communities.Length; j++)
                {
                    pairs++;
                    if (communities[i] == communities[j])
                        within++;
                }
            }
        }

        // Were authors paired regardless of community, a pair would share one with probability Σ share², the chance that two
        // authorships drawn at random belong to the same community.
        var byCommunity = fixture.Graph.Authorships.GroupBy(a => fixture.Generator.CommunityOfAuthor(a.AuthorId)).Select(g => (double)g.Count());
        var total = fixture.Graph.Authorships.Count;
        var byChance = byCommunity.Sum(n => n / total * (n / total));
        var share = within / (double)pairs;
        Assert.True(share > 0.6, $"{share:P1} of coauthor pairs share a community");
        Assert.True(share > 2 * byChance, $"{share:P1} of coauthor pairs share a community; {byChance:P1} would by chance");
    }

    [Fact]
    public void Citations_concentrate_on_few_papers_and_favour_the_citing_community()
    {
        var citations = fixture.Graph.Citations;
        var received = citations.GroupBy(c => c.CitedPaperId).Select(g => g.Count()).OrderDescending().ToList();
        var topPercent = received.Take(GeneratedGraphFixture.Papers / 100).Sum() / (double)citations.Count;
        Assert.True(topPercent > 0.05, $"the 1% most cited papers receive {topPercent:P1} of citations");

        var sameCommunity = citations.Count(c =>
            fixture.Generator.CommunityOfPaper(c.CitingPaperId) == fixture.Generator.CommunityOfPaper(c.CitedPaperId));
        Assert.True(sameCommunity > 0.4 * citations.Count, $"{sameCommunity} of {citations.Count} citations stay in the community");

        var references = citations.GroupBy(c => c.CitingPaperId).Select(g => g.Count()).ToList();
        Assert.InRange(references.Average(), 5, 15);
    }

    [Fact]
    public void Every_paper_has_one_to_four_scored_topics_from_the_hierarchy()
    {
        var graph = fixture.Graph;
        Assert.All(graph.Topics, t =>
        {
            Assert.Matches(TopicIdPattern(), t.Id);
            Assert.Equal(3, t.Name.Split(" / ").Length);
            Assert.Contains(t.Keywords, k => t.Name.EndsWith(k, StringComparison.OrdinalIgnoreCase));
        });
        Assert.All(graph.PaperTopics, link =>
        {
            Assert.InRange(link.Score, double.Epsilon, 1.0);
            Assert.Equal("source", link.ScoreSource);
        });
        Assert.All(graph.PaperTopics.GroupBy(l => l.PaperId), links => Assert.InRange(links.Count(), 1, 4));
        Assert.Equal(graph.Papers.Count, graph.PaperTopics.Select(l => l.PaperId).Distinct().Count());
    }

    [Fact]
    public void Papers_mostly_cover_their_communitys_topics()
    {
        var core = fixture.Generator.Communities.ToDictionary(c => c.Id, c => c.TopicIds.ToHashSet());
        var links = fixture.Graph.PaperTopics;
        var inCore = links.Count(l => core[fixture.Generator.CommunityOfPaper(l.PaperId)].Contains(l.TopicId));
        Assert.True(inCore > 0.6 * links.Count, $"{inCore} of {links.Count} topic links are to the community's core topics");
    }

    [Fact]
    public void Some_authors_have_affiliations_some_papers_dois_and_names_repeat_as_in_life()
    {
        var graph = fixture.Graph;
        var affiliated = graph.Affiliations.Select(a => a.AuthorId).Distinct().Count();
        Assert.InRange(affiliated, graph.Authors.Count / 2, graph.Authors.Count - 1);
        Assert.Contains(graph.Authorships, a => a.InstitutionId is not null);
        Assert.Equal(graph.PaperInstitutions.Select(l => l.PaperId).Distinct().Count(),
            graph.Authorships.Where(a => a.InstitutionId is not null).Select(a => a.PaperId).Distinct().Count());

        var withDoi = graph.Papers.Where(p => p.Doi is not null).ToList();
        Assert.InRange(withDoi.Count, graph.Papers.Count / 10, graph.Papers.Count / 2);
        Assert.All(withDoi, p => Assert.Equal("10.5555/sg." + p.Id["paper:".Length..], p.Doi));

        Assert.All(graph.Papers, p => Assert.False(string.IsNullOrWhiteSpace(p.Abstract)));
        Assert.True(graph.Authors.Select(a => a.Name).Distinct().Count() < graph.Authors.Count);
    }
}
