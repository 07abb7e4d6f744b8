using Json.Schema;
using ScholarGraph.Storage.Seeding;
using ScholarGraph.Tests.Shared;

namespace ScholarGraph.Storage.Tests.Seeding;

/// <summary>The committed seed data carries every fact of the profile page, and only those.</summary>
public sealed class SeedDataTests
{
    private const string ProfileAuthor = "devvrit-khatri";
    private const string ProfilePage = "devvrit-khatri-profile.txt";
    private const string SharedOriginal = "000_2a80eb339bb4f2bf.txt";
    private static readonly SeedGraph Seed = SeedReader.ReadDirectory(RepositoryPaths.SeedData);

    [Fact]
    public void The_kept_source_page_is_the_shared_original_where_the_original_is_at_hand()
    {
        var original = Path.Combine(RepositoryPaths.SharedSeeds, SharedOriginal);
        var kept = File.ReadAllText(Path.Combine(RepositoryPaths.SeedSources, ProfilePage));
        // A fresh clone outside the team's layout has no shared/ beside it; there the kept copy is all there is to compare with.
        if (File.Exists(original))
            Assert.Equal(File.ReadAllText(original), kept);
        Assert.StartsWith("Devvrit Khatri", kept);
    }

    [Fact]
    public void Every_seed_file_validates_against_the_json_schema()
    {
        var schema = JsonSchema.FromFile(Path.Combine(RepositoryPaths.SeedData, "seed.schema.json"));
        var files = Directory.GetFiles(RepositoryPaths.SeedData, "*.json").Where(f => !f.EndsWith(".schema.json")).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
            var result = schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            var errors = (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
            Assert.True(result.IsValid, $"{Path.GetFileName(file)}: {string.Join("; ", errors)}");
        }
    }

    [Fact]
    public void The_profile_author_carries_the_page_metrics_as_reported()
    {
        var author = Assert.Single(Seed.Authors, a => a.Id == ProfileAuthor);
        Assert.Equal("Devvrit Khatri", author.Name);
        Assert.Equal("LG", author.Category);
        var metrics = Assert.Single(Seed.ReportedMetrics, m => m.AuthorId == ProfileAuthor);
        Assert.Equal((43, 87, 6, 64.0, 58.0), (metrics.HIndex, metrics.CitationCount, metrics.PaperCount, metrics.NoveltyPercent, metrics.AiScore));
        Assert.Equal("profile:devvrit-khatri", metrics.Source);
    }

    [Fact]
    public void Every_paper_on_the_page_is_seeded_with_its_category_date_title_and_abstract()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryPaths.SeedSources, ProfilePage));
        Assert.Equal(6, Seed.Papers.Count);
        foreach (var paper in Seed.Papers)
        {
            Assert.Contains(paper.Title, page);
            Assert.Contains(paper.Abstract!, page);
            Assert.Equal("LG", paper.Category);
        }
        var dates = Seed.Papers.ToDictionary(p => p.Title, p => (p.PublicationDate, p.DateYearInferred));
        Assert.Equal((new DateOnly(2023, 10, 16), false), dates["Dual-Encoders for Extreme Multi-Label Classification"]);
        Assert.Equal((new DateOnly(2026, 2, 24), true), dates["Interleaved Head Attention"]);
        Assert.Equal((new DateOnly(2025, 12, 15), false), dates["Let's (not) just put things in Context: Test-Time Training for Long-Context LLMs"]);
        Assert.Equal((new DateOnly(2026, 5, 12), true), dates["Learning, Fast and Slow: Towards LLMs That Adapt Continually"]);
        Assert.Equal((new DateOnly(2025, 10, 15), false), dates["The Art of Scaling Reinforcement Learning Compute for LLMs"]);
        Assert.Equal((new DateOnly(2025, 10, 17), false), dates["Compressing Many-Shots in In-Context Learning"]);
    }

    [Fact]
    public void Only_the_paper_marked_Code_has_a_code_link()
    {
        var withCode = Assert.Single(Seed.Papers, p => p.CodeUrl is not null);
        Assert.Equal("Dual-Encoders for Extreme Multi-Label Classification", withCode.Title);
        Assert.Equal("https://github.com/nilesh2797/dexml", withCode.CodeUrl);
    }

    [Theory]
    [InlineData("Dual-Encoders for Extreme Multi-Label Classification", "Nilesh Gupta|Devvrit Khatri|Ankit S Rawat", "")]
    [InlineData("Interleaved Head Attention", "Sai Surya Duvvuri|Chanakya Ekbote|Rachit Bansal", "berkeley")]
    [InlineData("Let's (not) just put things in Context: Test-Time Training for Long-Context LLMs", "Rachit Bansal|Aston Zhang|Rishabh Tiwari", "harvard|microsoft-research")]
    [InlineData("Learning, Fast and Slow: Towards LLMs That Adapt Continually", "Rishabh Tiwari|Kusha Sareen|Lakshya A Agrawal", "")]
    [InlineData("The Art of Scaling Reinforcement Learning Compute for LLMs", "Devvrit Khatri|Lovish Madaan|Rishabh Tiwari", "berkeley")]
    [InlineData("Compressing Many-Shots in In-Context Learning", "Devvrit Khatri|Pranamya Kulkarni|Nilesh Gupta", "")]
    public void Printed_authors_keep_their_order_lists_are_truncated_and_the_profile_author_is_on_every_paper(
        string title, string printedAuthors, string institutions)
    {
        var paper = Assert.Single(Seed.Papers, p => p.Title == title);
        Assert.True(paper.AuthorListTruncated, "every list on the page ends in 'et al.'");
        var names = Seed.Authors.ToDictionary(a => a.Id, a => a.Name);
        var authorships = Seed.Authorships.Where(a => a.PaperId == paper.Id).ToList();
        var printed = authorships.Where(a => a.Position is not null).OrderBy(a => a.Position).Select(a => names[a.AuthorId]);
        Assert.Equal(printedAuthors.Split('|'), printed);
        Assert.Contains(authorships, a => a.AuthorId == ProfileAuthor);
        var named = Seed.PaperInstitutions.Where(l => l.PaperId == paper.Id).OrderBy(l => l.Position).Select(l => l.InstitutionId);
        Assert.Equal(institutions.Split('|', StringSplitOptions.RemoveEmptyEntries), named);
    }

    [Fact]
    public void Every_paper_topic_has_keyword_evidence_in_the_text_and_a_computed_score()
    {
        Assert.All(Seed.Papers, paper => Assert.Contains(Seed.PaperTopics, t => t.PaperId == paper.Id));
        Assert.All(Seed.PaperTopics, link =>
        {
            Assert.Equal(TopicRelevance.ComputedSource, link.ScoreSource);
            Assert.InRange(link.Score, 0.0001, 1.0);
        });
        Assert.All(Seed.Papers, paper =>
            Assert.Equal(1.0, Seed.PaperTopics.Where(t => t.PaperId == paper.Id).Max(t => t.Score)));
    }

    [Fact]
    public void Nothing_beyond_the_page_is_invented()
    {
        Assert.Empty(Seed.Citations);
        Assert.Empty(Seed.Affiliations);
        Assert.All(Seed.Authors, a => Assert.Null(a.Orcid));
        Assert.All(Seed.Papers, p => Assert.Null(p.Doi));
        Assert.Equal(["berkeley", "harvard", "microsoft-research"], Seed.Institutions.Select(i => i.Name).Order());
        Assert.Equal(12, Seed.Authors.Count);
    }
}
