namespace ScholarGraph.Generation;

/// <summary>
/// What <see cref="SeedGenerator"/> builds. Usually only <see cref="Papers"/> and <see cref="Seed"/> are set: every other count
/// is derived from the number of papers unless given, by the formula its documentation states (rounding is half away from zero).
/// The same options, seed included, always give byte-identical files.
/// </summary>
public sealed record GeneratorOptions
{
    /// <summary>The number of papers, from 1 to 10,000,000. Default 1,000.</summary>
    public int Papers { get; init; } = 1_000;

    /// <summary>The seed every random choice derives from. Default 1.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>
    /// The number of authors; <see langword="null"/> (the default) for <c>round(0.6 × Papers)</c>, at least 1. Every author writes at
    /// least one paper, so the count is capped by the number of author places the papers offer (about 5 per paper).
    /// </summary>
    public int? Authors { get; init; }

    /// <summary>The number of institutions; <see langword="null"/> (the default) for <c>round(authors / 150)</c>, at least 1.</summary>
    public int? Institutions { get; init; }

    /// <summary>
    /// The number of research communities (groups of authors who mostly write together, on a few topics, at 1-3 institutions);
    /// <see langword="null"/> (the default) for <c>round(Papers / 400)</c>, at least 1.
    /// </summary>
    public int? Communities { get; init; }

    /// <summary>
    /// The number of fields, the top level of the topic hierarchy; <see langword="null"/> (the default) for
    /// <c>clamp(round(∛T), 2, 26)</c>, where the topic budget <c>T = clamp(round(Papers / 250), 12, 4500)</c>.
    /// </summary>
    public int? Fields { get; init; }

    /// <summary>The number of subfields in each field; <see langword="null"/> (the default) for <c>max(2, round(√(T / fields)))</c>.</summary>
    public int? SubfieldsPerField { get; init; }

    /// <summary>
    /// The number of topics in each subfield; <see langword="null"/> (the default) for <c>max(2, ⌈T / (fields × subfields per field)⌉)</c>.
    /// Papers are linked to these leaf topics only.
    /// </summary>
    public int? TopicsPerSubfield { get; init; }

    /// <summary>
    /// The number of venues (journals, conferences, repositories), each in one field; <see langword="null"/> (the default) for
    /// <c>max(2 × fields, round(Papers / 500))</c>. A community publishes mostly in two venues of its field; a tenth of the papers
    /// have no venue.
    /// </summary>
    public int? Venues { get; init; }

    /// <summary>The year of the first papers. Default 2000.</summary>
    public int FirstYear { get; init; } = 2000;

    /// <summary>The year of the last papers (inclusive). Default 2025.</summary>
    public int LastYear { get; init; } = 2025;

    /// <summary>
    /// The mean number of references a paper would make to older papers of the graph (log-normally spread, so a few papers cite
    /// hundreds); early papers cite fewer because fewer older papers exist. 0 for no citations; <c>Papers × MeanReferences</c> may not
    /// exceed 500,000,000. Default 10.
    /// </summary>
    public double MeanReferences { get; init; } = 10;

    /// <summary>The largest author list a paper may have, from 1 to 1,000. Default 50.</summary>
    public int MaxAuthorsPerPaper { get; init; } = 50;

    /// <summary>
    /// The chance, per place on an author list, that the author comes from another community than the paper's (then most often one
    /// in the same field); the rest of the list comes from the paper's own community. From 0 to 1. Default 0.1.
    /// </summary>
    public double CrossCommunityShare { get; init; } = 0.1;

    /// <summary>The most papers one file holds; institutions, topics and authors all go in the first file. Default 50,000.</summary>
    public int PapersPerFile { get; init; } = 50_000;

    /// <summary>
    /// Whether to indent the JSON as the hand-written seed files are. Default <see langword="false"/>: indentation makes generated
    /// files about 1.6 times the size, and nobody reads them by hand.
    /// </summary>
    public bool Indented { get; init; }

    internal const int MaxPapers = 10_000_000;

    // Citations are kept in one array of ints while the graph is built.
    internal const double MaxCitations = 500_000_000;

    /// <summary>Checks every value and works out the derived counts.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    internal ResolvedGeneratorOptions Resolve()
    {
        Require(Papers is >= 1 and <= MaxPapers, nameof(Papers), $"must be from 1 to {MaxPapers:N0}, not {Papers}");
        Require(Authors is null or >= 1, nameof(Authors), $"must be at least 1, not {Authors}");
        Require(Institutions is null or >= 1, nameof(Institutions), $"must be at least 1, not {Institutions}");
        Require(Communities is null or >= 1, nameof(Communities), $"must be at least 1, not {Communities}");
        Require(Venues is null or (>= 1 and <= 1_000_000), nameof(Venues), $"must be from 1 to 1,000,000, not {Venues}");
        Require(Fields is null or (>= 1 and <= 1_000), nameof(Fields), $"must be from 1 to 1,000, not {Fields}");
        Require(SubfieldsPerField is null or (>= 1 and <= 1_000), nameof(SubfieldsPerField), $"must be from 1 to 1,000, not {SubfieldsPerField}");
        Require(TopicsPerSubfield is null or (>= 1 and <= 1_000), nameof(TopicsPerSubfield), $"must be from 1 to 1,000, not {TopicsPerSubfield}");
        Require(FirstYear is >= 1 and <= 9998, nameof(FirstYear), $"must be from 1 to 9998, not {FirstYear}");
        Require(LastYear >= FirstYear && LastYear <= 9998, nameof(LastYear), $"must be from FirstYear ({FirstYear}) to 9998, not {LastYear}");
        Require(MeanReferences is >= 0 and <= 1_000, nameof(MeanReferences), $"must be from 0 to 1,000, not {MeanReferences}");
        Require(MaxAuthorsPerPaper is >= 1 and <= 1_000, nameof(MaxAuthorsPerPaper), $"must be from 1 to 1,000, not {MaxAuthorsPerPaper}");
        Require(CrossCommunityShare is >= 0 and <= 1, nameof(CrossCommunityShare), $"must be from 0 to 1, not {CrossCommunityShare}");
        Require(PapersPerFile >= 1, nameof(PapersPerFile), $"must be at least 1, not {PapersPerFile}");
        Require(Papers * MeanReferences <= MaxCitations, nameof(MeanReferences),
            $"× Papers must not exceed {MaxCitations:N0} citations, not {Papers * MeanReferences:N0}");

        var authors = Authors ?? Math.Max(1, Round(0.6 * Papers));
        var topicBudget = Math.Clamp(Round(Papers / 250.0), 12, 4_500);
        var fields = Fields ?? Math.Clamp(Round(Math.Cbrt(topicBudget)), 2, 26);
        var subfields = SubfieldsPerField ?? Math.Max(2, Round(Math.Sqrt((double)topicBudget / fields)));
        var topicsPerSubfield = TopicsPerSubfield ?? Math.Max(2, (int)Math.Ceiling((double)topicBudget / (fields * subfields)));
        Require((long)fields * subfields * topicsPerSubfield <= 1_000_000, nameof(TopicsPerSubfield),
            "fields × subfields per field × topics per subfield must not exceed 1,000,000");
        return new ResolvedGeneratorOptions(
            Papers, Seed, authors, Institutions ?? Math.Max(1, Round(authors / 150.0)), Communities ?? Math.Max(1, Round(Papers / 400.0)),
            fields, subfields, topicsPerSubfield, Venues ?? Math.Max(2 * fields, Round(Papers / 500.0)), FirstYear, LastYear,
            MeanReferences, MaxAuthorsPerPaper, CrossCommunityShare, PapersPerFile, Indented);
    }

    private static int Round(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);

    private static void Require(bool condition, string option, string reason)
    {
        if (!condition)
            throw new ArgumentException($"{option} {reason}.", option);
    }
}

/// <summary>The options with every derived count worked out.</summary>
internal sealed record ResolvedGeneratorOptions(
    int Papers, long Seed, int Authors, int Institutions, int Communities, int Fields, int SubfieldsPerField, int TopicsPerSubfield,
    int Venues, int FirstYear, int LastYear, double MeanReferences, int MaxAuthorsPerPaper, double CrossCommunityShare, int PapersPerFile,
    bool Indented)
{
    public int Subfields => Fields * SubfieldsPerField;

    public int Topics => Subfields * TopicsPerSubfield;

    public int FileCount => (int)((Papers + (long)PapersPerFile - 1) / PapersPerFile);
}
