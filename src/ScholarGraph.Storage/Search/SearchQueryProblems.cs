namespace ScholarGraph.Storage.Search;

/// <summary>A search query that cannot be run, with a stable <see cref="Code"/> naming what is wrong.</summary>
/// <param name="code">One of the codes of <see cref="SearchQueryProblems"/>.</param>
/// <param name="message">What is wrong and how to write it instead.</param>
public sealed class SearchQueryException(string code, string message) : Exception(message)
{
    /// <summary>The stable code, such as <see cref="SearchQueryProblems.UnbalancedQuoteCode"/>.</summary>
    public string Code { get; } = code;
}

/// <summary>The problems a search query can have, each with its code (the GraphQL error's <c>extensions.code</c>).</summary>
public static class SearchQueryProblems
{
    /// <summary>A <c>"</c> opens a phrase that no <c>"</c> closes.</summary>
    public const string UnbalancedQuoteCode = "SEARCH_QUERY_UNBALANCED_QUOTE";

    /// <summary>The query holds no word (only spaces, punctuation or operators).</summary>
    public const string EmptyCode = "SEARCH_QUERY_EMPTY";

    /// <summary>Every term is an exclusion (<c>-word</c>): there is nothing to search for.</summary>
    public const string OnlyExclusionsCode = "SEARCH_QUERY_ONLY_EXCLUSIONS";

    /// <summary>The query holds more words than <see cref="SearchQuery.MaxWords"/>.</summary>
    public const string TooLongCode = "SEARCH_QUERY_TOO_LONG";

    /// <summary>An autocomplete prefix with no letter or digit.</summary>
    public const string EmptyPrefixCode = "AUTOCOMPLETE_PREFIX_EMPTY";

    internal static SearchQueryException UnbalancedQuote(string text, int position) => new(UnbalancedQuoteCode,
        $"the quote at character {position + 1} of '{text}' opens a phrase that no quote closes; close it, or leave the quote out.");

    internal static SearchQueryException Empty(string text) => new(EmptyCode,
        $"'{text}' holds no word to search for; give at least one word of letters or digits.");

    internal static SearchQueryException OnlyExclusions(string text) => new(OnlyExclusionsCode,
        $"'{text}' only excludes (every term starts with '-'); give at least one word or phrase to search for.");

    internal static SearchQueryException TooLong(int words, int max) => new(TooLongCode,
        $"the query holds {words} words, more than the {max} a search may hold.");

    internal static SearchQueryException EmptyPrefix(string prefix) => new(EmptyPrefixCode,
        $"'{prefix}' holds no letter or digit; give the first characters of a name or title.");
}
