using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Builders;
using GraphQL.Types;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Batching.Extensions;
using ScholarGraph.Graph.Indicators;
using ScholarGraph.Server.Authors;
using ScholarGraph.Server.GraphQuestions.GraphIndex;

namespace ScholarGraph.Server.GraphQuestions.Indicators;

/// <summary>
/// The computed indicators on <c>Paper</c>, <c>Author</c> and <c>Topic</c>, and <c>trendingTopics</c>: each computed from the current
/// snapshot of the graph index (<c>ScholarGraph.Graph.Indicators</c>), labelled <c>source: COMPUTED</c>, its formula in its description.
/// </summary>
internal static class IndicatorFields
{
    /// <summary>Largest <c>years</c> of a citation window.</summary>
    public const int MaxWindowYears = 50;

    /// <summary>Largest <c>first</c> of the related-work lists and of <c>trendingTopics</c>.</summary>
    public const int MaxListed = 50;

    /// <summary>Largest related set prior and derivative works are drawn from.</summary>
    public const int MaxRelatedSet = 100;

    /// <summary>Largest <c>s</c> and <c>gamma</c> of burst detection.</summary>
    public const double MaxBurstParameter = 100;

    private const string UnknownPaper = " Null only while the graph index has not yet taken in a paper just written.";

    public static void AddPaperIndicators(this ObjectGraphType<Paper> paper)
    {
        paper.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CitationsInYearType>>>>("citationsByYear")
            .Description("Papers in the graph citing this one, per publication year of the citing paper, oldest first (computed; citing papers "
                + "without a date and years without citations are left out). Beside `reportedCitationsByYear`, never instead of it.")
            .Resolve(c => OnPaper(c, (s, id) => CitationTimeline.ByYear(s.Index, id)) ?? []);
        paper.Field<CitationWindowType>("citationsWithin")
            .Description("Citations within a window after publication: papers in the graph citing this one published from its year to `years` "
                + "after it." + UnknownPaper)
            .Argument<IntGraphType>("years", a => { a.DefaultValue = CitationTimeline.DefaultWindowYears; a.Description = $"w: years after the publication year, 0 to {MaxWindowYears}."; })
            .Resolve(c =>
            {
                var years = GraphArguments.Int(c, "years", 0, MaxWindowYears);
                return OnPaper(c, (s, id) => CitationTimeline.Within(s.Index, id, years));
            });
        paper.Field<FieldNormalizedImpactType>("fieldNormalizedImpact")
            .Description("The field-normalised citation impact computed from the graph (citations in the publication year and the three after, "
                + "over the mean of the papers of the same year and field), beside `reportedFwci`." + UnknownPaper)
            .Resolve(c => OnPaper(c, (s, id) => new Indexed<PaperImpact>(s, s.Impact.Of(id))));
        paper.Field<DisruptionType>("disruption")
            .Description("The CD index (Funk and Owen-Smith 2017): whether later papers cite this one without (disruptive, up to 1) or with "
                + "(consolidating, down to −1) the work it cites." + UnknownPaper)
            .Argument<IntGraphType>("years", a => { a.DefaultValue = DisruptionIndex.DefaultWindowYears; a.Description = $"t: the window in years after the publication year, 0 to {MaxWindowYears}."; })
            .Resolve(c =>
            {
                var years = GraphArguments.Int(c, "years", 0, MaxWindowYears);
                return OnPaper(c, (s, id) => DisruptionIndex.Compute(s.Index, id, years));
            });
        paper.Field<NoveltyType>("novelty")
            .Description("Novelty and conventionality of the paper's combinations of prior work (Lee, Walsh and Wang 2015)." + UnknownPaper)
            .Argument<CombinationBasisType>("basis", a => { a.DefaultValue = CombinationBasis.VenueOrTopic; a.Description = "What the references are paired by."; })
            .Resolve(c =>
            {
                var basis = c.GetArgument<CombinationBasis>("basis");
                return OnPaper(c, (s, id) => s.Novelty(basis).Of(id));
            });
        paper.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelatedPaperType>>>>("related")
            .Description("The papers most related to this one in the citation graph, as Connected Papers finds them: by co-citation (papers "
                + "citing both), bibliographic coupling (references both share) or both added; highest score first, then the higher combined "
                + "score; papers scoring 0 are left out.")
            .Argument<IntGraphType>("first", a => { a.DefaultValue = 10; a.Description = $"How many papers, 0 to {MaxListed}."; })
            .Argument<RelatednessMeasureType>("by", a => { a.DefaultValue = RelatednessMeasure.Combined; a.Description = "What to rank by."; })
            .Resolve(c =>
            {
                var first = GraphArguments.Int(c, "first", 0, MaxListed);
                var by = c.GetArgument<RelatednessMeasure>("by");
                return OnPaper(c, (s, id) => RelatedWork.Related(s.Index, id, first, by)
                    .Select(r => new Indexed<RankedRelatedPaper>(s, new RankedRelatedPaper(r, by))).ToArray()) ?? [];
            });
        AddRelatedSetField(paper, "priorWorks", "The prior works of the paper's related set (Connected Papers' \"Prior works\"): the papers "
            + "the first `among` related papers cite most, by how many of them cite each; the paper itself is left out.", RelatedWork.PriorWorks);
        AddRelatedSetField(paper, "derivativeWorks", "The derivative works of the paper's related set (Connected Papers' \"Derivative works\"): "
            + "the papers citing most of the first `among` related papers, by how many of them each cites; the paper itself is left out.",
            RelatedWork.DerivativeWorks);
    }

    public static void AddAuthorIndicators(this ObjectGraphType<Author> author)
    {
        author.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CitationsInYearType>>>>("citationsByYear")
            .Description("Citations of the author's papers by papers in the graph, per publication year of the citing paper, oldest first "
                + "(computed; a paper citing two of the author's papers counts twice, as in `computedMetrics.citationCount`).")
            .Resolve(c => OnAuthor(c, (s, id) => CitationTimeline.ByYearOfAuthor(s.Index, id)) ?? []);
        author.Field<NonNullGraphType<AuthorFieldNormalizedImpactType>>("fieldNormalizedImpact")
            .Description("The mean field-normalised citation impact of the author's papers (see `Paper.fieldNormalizedImpact`).")
            .Resolve(c => OnAuthor(c, (s, id) => s.Impact.OfAuthor(id))
                ?? new AuthorImpact(null, 0, 0, FieldNormalizedImpact.DefaultWindowYears, IndicatorNullReason.NoPapers));
        author.Field<NonNullGraphType<AuthorNoveltyType>>("novelty")
            .Description("The author's novelty computed from the graph (medians of `Paper.novelty`), with the novelty sources report beside it "
                + "in `reported`, never in its place.")
            .Argument<CombinationBasisType>("basis", a => { a.DefaultValue = CombinationBasis.VenueOrTopic; a.Description = "What the references are paired by."; })
            .Resolve(c =>
            {
                var basis = c.GetArgument<CombinationBasis>("basis");
                var computed = OnAuthor(c, (s, id) => s.Novelty(basis).OfAuthor(id))
                    ?? new AuthorNovelty(null, null, null, 0, 0, basis, IndicatorNullReason.NoPapers);
                return new AuthorNoveltyResult(c.Source.Id, computed);
            });
    }

    public static void AddTopicBursts(this ObjectGraphType<Topic> topic) =>
        topic.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TopicBurstType>>>>("bursts")
            .Description("The years the topic's share of papers burst, oldest first (computed; see `TopicBurst`).")
            .WithBurstArguments()
            .Resolve(c =>
            {
                var (s, gamma) = BurstArguments(c);
                var snapshot = c.GraphSnapshot();
                return snapshot.Index.Topics.TryGetId(c.Source.Id, out var id) ? snapshot.Trends.BurstsOf(id, s, gamma) : [];
            });

    public static void AddTrendingTopicsField(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TrendingTopicType>>>>("trendingTopics")
            .Description("The topics whose share of papers burst in the period (Kleinberg's burst detection, computed from the graph), by the "
                + "summed weight of their bursts that overlap it, then topic.")
            .Argument<NonNullGraphType<IntGraphType>>("from", "The period's first year.")
            .Argument<NonNullGraphType<IntGraphType>>("to", "The period's last year (inclusive), not before `from`.")
            .Argument<IntGraphType>("first", a => { a.DefaultValue = 10; a.Description = $"How many topics, 0 to {MaxListed}."; })
            .WithBurstArguments()
            .Resolve(c =>
            {
                var from = c.GetArgument<int>("from");
                var to = c.GetArgument<int>("to");
                if (to < from)
                    throw GraphArguments.OutOfRange(c, "to", $"must not be before 'from' ({from}); got {to}");
                var first = GraphArguments.Int(c, "first", 0, MaxListed);
                var (s, gamma) = BurstArguments(c);
                var snapshot = c.GraphSnapshot();
                return snapshot.Trends.Trending(from, to, first, s, gamma).Select(t => new Indexed<TrendingTopic>(snapshot, t)).ToArray();
            });

    private static void AddRelatedSetField(ObjectGraphType<Paper> paper, string name, string description,
        Func<Graph.Scholarly.ScholarlyIndex, int, int, int, RelatednessMeasure, RelatedSetWorks> works) =>
        paper.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelatedSetWorkType>>>>(name)
            .Description(description)
            .Argument<IntGraphType>("first", a => { a.DefaultValue = 10; a.Description = $"How many papers, 0 to {MaxListed}."; })
            .Argument<IntGraphType>("among", a => { a.DefaultValue = RelatedWork.DefaultRelatedSetSize; a.Description = $"How many related papers make the set, 1 to {MaxRelatedSet}."; })
            .Argument<RelatednessMeasureType>("by", a => { a.DefaultValue = RelatednessMeasure.Combined; a.Description = "What the related set is ranked by."; })
            .Resolve(c =>
            {
                var first = GraphArguments.Int(c, "first", 0, MaxListed);
                var among = GraphArguments.Int(c, "among", 1, MaxRelatedSet);
                var by = c.GetArgument<RelatednessMeasure>("by");
                return OnPaper(c, (s, id) => works(s.Index, id, first, among, by).Works.Select(w => new Indexed<RelatedSetWork>(s, w)).ToArray()) ?? [];
            });

    private static FieldBuilder<TSource, TReturn> WithBurstArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) => field
        .Argument<FloatGraphType>("s", a => { a.DefaultValue = BurstDetection.DefaultScale; a.Description = $"The burst rate over the base rate, above 1 and at most {MaxBurstParameter}."; })
        .Argument<FloatGraphType>("gamma", a => { a.DefaultValue = BurstDetection.DefaultGamma; a.Description = $"γ, the cost of entering a burst in units of ln(years), 0 to {MaxBurstParameter}: higher finds fewer, stronger bursts."; });

    private static (double S, double Gamma) BurstArguments(IResolveFieldContext context) =>
        (GraphArguments.Float(context, "s", 1, MaxBurstParameter), GraphArguments.Float(context, "gamma", 0, MaxBurstParameter, minIncluded: true));

    private static T? OnPaper<T>(IResolveFieldContext<Paper> context, Func<GraphSnapshot, int, T> compute) where T : class
    {
        var snapshot = context.GraphSnapshot();
        return snapshot.Index.Papers.TryGetId(context.Source.Id, out var id) ? compute(snapshot, id) : null;
    }

    private static T? OnAuthor<T>(IResolveFieldContext<Author> context, Func<GraphSnapshot, int, T> compute) where T : class
    {
        var snapshot = context.GraphSnapshot();
        return snapshot.Index.Authors.TryGetId(context.Source.Id, out var id) ? compute(snapshot, id) : null;
    }

    /// <summary>The reported metrics of the author that carry a novelty figure, through the batched <c>reportedMetrics</c> load.</summary>
    public static IDataLoaderResult<IEnumerable<ReportedAuthorMetrics>> LoadReportedNovelty(this IResolveFieldContext context, string authorKey) =>
        context.LoadReportedMetrics(authorKey).Then(rows => rows.Where(r => r.NoveltyPercent is not null));
}
