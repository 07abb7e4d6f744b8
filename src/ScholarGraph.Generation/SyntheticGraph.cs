namespace ScholarGraph.Generation;

/// <summary>
/// The generated graph in compact arrays (a million papers take a few hundred megabytes); text is rendered from it file by file,
/// so no more than one file's papers ever exist as objects. Index <c>i</c> of a kind has id <c>kind:(i+1)</c>.
/// Lists of papers' links are stored as CSR: the links of paper <c>p</c> are at <c>[Start[p], Start[p + 1])</c>.
/// </summary>
internal sealed class SyntheticGraph
{
    public required ResolvedGeneratorOptions Options { get; init; }

    public required DateOnly Epoch { get; init; }

    public required TopicRow[] Topics { get; init; }

    public required InstitutionRow[] Institutions { get; init; }

    public required CommunityPlan[] Communities { get; init; }

    public required int[] AuthorCommunity { get; init; }

    public required int[] AuthorPaperCount { get; init; }

    /// <summary>The institution each author is affiliated with first, or -1.</summary>
    public required int[] AuthorPrimaryAffiliation { get; init; }

    /// <summary>A second institution of the author, or -1.</summary>
    public required int[] AuthorSecondaryAffiliation { get; init; }

    /// <summary>Days after <see cref="Epoch"/>; never decreasing with the paper index.</summary>
    public required int[] PaperDay { get; init; }

    public required int[] PaperCommunity { get; init; }

    public required int[] AuthorshipStart { get; init; }

    /// <summary>Authors in printed order.</summary>
    public required int[] AuthorshipAuthor { get; init; }

    public required int[] TopicLinkStart { get; init; }

    /// <summary>Topics by falling score; the first is the paper's primary topic.</summary>
    public required int[] TopicLinkTopic { get; init; }

    public required double[] TopicLinkScore { get; init; }

    public required VenueRow[] Venues { get; init; }

    /// <summary>The venue of each paper, or -1 for none.</summary>
    public required int[] PaperVenue { get; init; }

    public required int[] CitationStart { get; init; }

    /// <summary>Cited papers, ascending within each paper.</summary>
    public required int[] CitationTarget { get; init; }

    public int PaperCount => PaperDay.Length;

    public int AuthorCount => AuthorCommunity.Length;
}

internal sealed record TopicRow(string Id, string Name, string Keyword, int Field, int Subfield);

internal sealed record InstitutionRow(string Name, string CountryCode);

internal sealed record VenueRow(string Name, string Type, int Field);

/// <summary>A research community: where on the topic map it works, where its members sit, and when it starts publishing.</summary>
internal sealed record CommunityPlan(int Field, int Subfield, int[] Topics, WeightedTable TopicChoice, int[] Institutions, double StartTime);
