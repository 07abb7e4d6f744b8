using ScholarGraph.Storage.Validation;

namespace ScholarGraph.Storage.Tests.Validation;

public sealed class EntityRulesTests
{
    [Theory]
    [InlineData("Devvrit Khatri", "devvrit-khatri")]
    [InlineData("Let's Not Just Put Things in Context: Test-Time Training", "let-s-not-just-put-things-in-context-test-time-training")]
    [InlineData("  --Ankit S. Rawat--  ", "ankit-s-rawat")]
    [InlineData("Łukasz", "lukasz")]
    [InlineData("José García-Müller", "jose-garcia-muller")]
    [InlineData("Sélection naïve des œuvres", "selection-naive-des-oeuvres")]
    [InlineData("Søren Straße", "soren-strasse")]
    [InlineData("李", "item")]
    public void A_slug_is_lower_case_ascii_words_joined_by_single_hyphens_like_the_seed_keys(string name, string slug)
    {
        Assert.Equal(slug, EntityRules.Slug(name));
        Assert.Null(EntityRules.KeyProblem(slug, "author"));
    }

    [Fact]
    public void A_slug_is_cut_to_the_maximum_length_without_a_trailing_hyphen()
    {
        var slug = EntityRules.Slug(string.Join(' ', Enumerable.Repeat("word", 40)));
        Assert.True(slug.Length <= EntityRules.MaxSlugLength);
        Assert.False(slug.EndsWith('-'));
    }

    [Fact]
    public void The_first_free_key_numbers_from_two()
    {
        Assert.Equal("ada", EntityRules.FirstFreeKey("ada", new HashSet<string> { "ada-2" }));
        Assert.Equal("ada-3", EntityRules.FirstFreeKey("ada", new HashSet<string> { "ada", "ada-2" }));
    }

    [Theory]
    [InlineData("https://github.com/x/y", true)]
    [InlineData("ftp://example.org", false)]
    [InlineData("github.com/x/y", false)]
    public void A_code_url_must_be_absolute_http_or_https(string url, bool valid) =>
        Assert.Equal(valid, EntityRules.CodeUrlProblem(url) is null);

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(0.01, true)]
    [InlineData(1.0, true)]
    [InlineData(1.01, false)]
    public void A_topic_score_lies_above_zero_and_at_most_one(double score, bool valid) =>
        Assert.Equal(valid, EntityRules.TopicScoreProblem(score) is null);

    [Theory]
    [InlineData("DE", true)]
    [InlineData("de", true)]
    [InlineData("DEU", false)]
    [InlineData("D1", false)]
    [InlineData("Ü", false)]
    public void A_country_code_is_two_ascii_letters(string code, bool valid)
    {
        Assert.Equal(valid, EntityRules.CountryCodeProblem(code) is null);
        Assert.Equal(code.ToUpperInvariant(), EntityRules.CountryCode(code));
    }

    [Fact]
    public void No_country_code_is_allowed() => Assert.Null(EntityRules.CountryCodeProblem(null));
}
