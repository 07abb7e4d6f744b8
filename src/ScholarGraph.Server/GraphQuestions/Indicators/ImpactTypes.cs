using GraphQL.Types;
using ScholarGraph.Graph.Indicators;
using ScholarGraph.Graph.Scholarly;
using ScholarGraph.Server.GraphQuestions.GraphIndex;
using ScholarGraph.Server.Topics;

namespace ScholarGraph.Server.GraphQuestions.Indicators;

/// <summary>The <c>FieldNormalizedImpact</c> type.</summary>
public sealed class FieldNormalizedImpactType : ObjectGraphType<Indexed<PaperImpact>>
{
    /// <summary>Defines the fields.</summary>
    public FieldNormalizedImpactType()
    {
        Name = "FieldNormalizedImpact";
        Description = "A paper's field-normalised citation impact, computed from the graph: FNCI(p) = c(p, 3) / mean of c(q, 3) over the "
            + "papers q of p's publication year whose primary topic lies in p's field, where c(q, 3) counts the citations q receives in its "
            + "publication year and the three years after. The field is that of the paper's primary (highest-scored) topic in the imported "
            + "topic hierarchy, or the topic itself where there is none. 1 = cited as the average paper of its field and year. "
            + "Reference: Snowball Metrics Recipe Book (2017), Field-Weighted Citation Impact.";
        Field<FloatGraphType>("value").Description("The ratio, or null (see `reason`).").Resolve(c => c.Source.Value.Value);
        Field<IntGraphType>("citations").Description("c(p, 3): citing papers in the window, or null when the paper has no year.")
            .Resolve(c => c.Source.Value.Citations);
        Field<FloatGraphType>("expectedCitations").Description("The mean c(q, 3) of the comparison set, or null when there is no set.")
            .Resolve(c => c.Source.Value.ExpectedCitations);
        Field<NonNullGraphType<IntGraphType>>("comparisonSetSize").Description("Papers of the same year and field, this one included; 0 when there is no set.")
            .Resolve(c => c.Source.Value.ComparisonSetSize);
        Field<IntGraphType>("year").Description("The publication year, or null.").Resolve(c => c.Source.Value.Year);
        Field<TopicType>("field").Description("The field compared within (a topic), or null for a paper without topics.")
            .Resolve(c => c.Source.Value.Field == ScholarlyIndex.None ? null : c.LoadTopic(c.Source.Snapshot, c.Source.Value.Field));
        Field<NonNullGraphType<IntGraphType>>("windowYears").Description("Years after the publication year the window reaches: 3.")
            .Resolve(c => c.Source.Value.WindowYears);
        this.ImplementComputedIndicator(r => r.Value.Reason);
    }
}

/// <summary>The <c>AuthorFieldNormalizedImpact</c> type.</summary>
public sealed class AuthorFieldNormalizedImpactType : ObjectGraphType<AuthorImpact>
{
    /// <summary>Defines the fields.</summary>
    public AuthorFieldNormalizedImpactType()
    {
        Name = "AuthorFieldNormalizedImpact";
        Description = "An author's field-normalised citation impact: the mean of `Paper.fieldNormalizedImpact` over their papers that have one.";
        Field<FloatGraphType>("value").Description("The mean, or null when no paper has a value (see `reason`).").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<IntGraphType>>("papersWithValue").Description("Papers the mean is taken over.").Resolve(c => c.Source.PapersWithValue);
        Field<NonNullGraphType<IntGraphType>>("paperCount").Description("The author's papers.").Resolve(c => c.Source.PaperCount);
        Field<NonNullGraphType<IntGraphType>>("windowYears").Description("Years after the publication year the window reaches: 3.")
            .Resolve(c => c.Source.WindowYears);
        this.ImplementComputedIndicator();
    }
}
