using ScholarGraph.Storage.Search;

namespace ScholarGraph.Storage.Tests.Search;

/// <summary>The search language every store shares: words, phrases, prefixes, exclusions, and the problems of a malformed query.</summary>
public sealed class SearchQueryTests
{
    private static string Describe(SearchQuery query) => string.Join(" ", query.Terms.Select(t =>
        (t.Excluded ? "-" : "") + "[" + string.Join(" ", t.Words) + "]" + (t.Prefix ? "*" : "")));

    [Theory]
    [InlineData("Graph neural", "[graph] [neural]")]
    [InlineData("\"graph neural\" networks", "[graph neural] [networks]")]
    [InlineData("graph* -survey", "[graph]* -[survey]")]
    [InlineData("-\"long context\" attention \"test tim\"*", "-[long context] [attention] [test tim]*")]
    [InlineData("multi-label   CLASSIFICATION", "[multi label] [classification]")]
    [InlineData("Let's (not) & - * \"\"", "[let s] [not]")]
    [InlineData("café naïve", "[café] [naïve]")]
    [InlineData("\"Mari\u0301a Jose\u0301\" e \u0301 x", "[mari\u0301a jose\u0301] [e] [x]")]
    public void A_query_is_read_into_words_phrases_prefixes_and_exclusions(string text, string expected) =>
        Assert.Equal(expected, Describe(SearchQuery.Parse(text)));

    [Theory]
    [InlineData("\"graph neural", SearchQueryProblems.UnbalancedQuoteCode, "the quote at character 1")]
    [InlineData("attention \"long", SearchQueryProblems.UnbalancedQuoteCode, "the quote at character 11")]
    [InlineData("-attention -\"long context\"", SearchQueryProblems.OnlyExclusionsCode, "only excludes")]
    [InlineData("  ", SearchQueryProblems.EmptyCode, "holds no word")]
    [InlineData("&& -- **", SearchQueryProblems.EmptyCode, "holds no word")]
    public void A_malformed_query_is_refused_with_a_code_naming_the_problem(string text, string code, string message)
    {
        var problem = Assert.Throws<SearchQueryException>(() => SearchQuery.Parse(text));
        Assert.Equal(code, problem.Code);
        Assert.Contains(message, problem.Message);
    }

    [Fact]
    public void A_query_of_more_words_than_the_limit_is_refused()
    {
        SearchQuery.Parse(string.Join(" ", Enumerable.Repeat("word", SearchQuery.MaxWords)));
        var problem = Assert.Throws<SearchQueryException>(() => SearchQuery.Parse(string.Join(" ", Enumerable.Repeat("word", SearchQuery.MaxWords + 1))));
        Assert.Equal(SearchQueryProblems.TooLongCode, problem.Code);
    }

    [Theory]
    [InlineData("A \u0001match\u0002 & <b>", null, "A <mark>match</mark> &amp; &lt;b&gt;")]
    [InlineData("in \u0001the\u0002 middle", "text cut in the middle of it", "…in <mark>the</mark> middle…")]
    [InlineData("\u0001start\u0002 of it", "start of it", "<mark>start</mark> of it")]
    public void A_snippet_is_escaped_text_with_marks_and_ellipses_where_cut(string marked, string? whole, string expected) =>
        Assert.Equal(expected, SearchSnippets.Finish(marked, whole));
}
