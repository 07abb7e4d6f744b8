using GraphQL.Types;
using ScholarGraph.Domain;
using ScholarGraph.Graph.Metrics;
using ScholarGraph.Graph.Scholarly;
using ScholarGraph.Server.GraphQuestions.GraphIndex;

namespace ScholarGraph.Server.GraphQuestions.Metrics;

/// <summary>The <c>ComputedAuthorMetrics</c> type: an author's metrics computed from the graph index.</summary>
public sealed class ComputedAuthorMetricsType : ObjectGraphType<AuthorMetrics>
{
    /// <summary>The label of metrics computed from the graph, as <c>source</c> shows it.</summary>
    public const string Source = "computed:graph-index";

    /// <summary>Defines the fields.</summary>
    public ComputedAuthorMetricsType()
    {
        Name = "ComputedAuthorMetrics";
        Description = "Metrics ScholarGraph computes from the papers and citations it holds; they count only what is in the graph, so they "
            + "may be lower than the figures a source reports.";
        Field<NonNullGraphType<StringGraphType>>("source").Description($"Where the figures come from: always `{Source}`.")
            .Resolve(_ => Source);
        Field<NonNullGraphType<IntGraphType>>("paperCount").Description("Papers the author is on.").Resolve(c => c.Source.PaperCount);
        Field<NonNullGraphType<IntGraphType>>("citationCount").Description("Citations the author's papers receive from papers in the graph.")
            .Resolve(c => (int)Math.Min(int.MaxValue, c.Source.CitationCount));
        Field<NonNullGraphType<IntGraphType>>("hIndex").Description("The largest h such that h of the author's papers are cited at least h times each.")
            .Resolve(c => c.Source.HIndex);
        Field<NonNullGraphType<IntGraphType>>("i10Index").Description("The author's papers cited at least 10 times.")
            .Resolve(c => c.Source.I10Index);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<YearCountType>>>>("papersPerYear")
            .Description("The author's papers per publication year, earliest first; years without papers and papers without a date are left out.")
            .Resolve(c => c.Source.PapersPerYear);
    }
}

/// <summary>The <c>YearCount</c> type.</summary>
public sealed class YearCountType : ObjectGraphType<YearCount>
{
    /// <summary>Defines the fields.</summary>
    public YearCountType()
    {
        Name = "YearCount";
        Description = "A year and how many papers appeared in it.";
        Field<NonNullGraphType<IntGraphType>>("year").Description("The publication year.").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<IntGraphType>>("count").Description("Papers published in that year.").Resolve(c => c.Source.Count);
    }
}

/// <summary>Adds the computed metrics to <c>Author</c>.</summary>
internal static class AuthorMetricsFields
{
    public static void AddComputedMetrics(this ObjectGraphType<Author> author) =>
        author.Field<NonNullGraphType<ComputedAuthorMetricsType>>("computedMetrics")
            .Description("Metrics computed from the graph (paper count, citations, h-index, i10-index, papers per year), labelled "
                + "`source: \"" + ComputedAuthorMetricsType.Source + "\"`, beside the `reportedMetrics` sources give.")
            .Resolve(c =>
            {
                var index = c.GraphSnapshot().Index;
                return index.Authors.TryGetId(c.Source.Id, out var id)
                    ? index.ComputeAuthorMetrics(id)
                    : new AuthorMetrics(0, 0, 0, 0, []);
            });
}
