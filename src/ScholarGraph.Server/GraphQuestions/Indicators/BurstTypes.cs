using GraphQL.Types;
using ScholarGraph.Graph.Indicators;
using ScholarGraph.Server.GraphQuestions.GraphIndex;
using ScholarGraph.Server.Topics;

namespace ScholarGraph.Server.GraphQuestions.Indicators;

/// <summary>Describes the burst model once for every field that uses it.</summary>
internal static class BurstDescriptions
{
    public const string Model = "Kleinberg's (2002) two-state burst automaton over the years, on the topic's share of papers: in year t, r_t of "
        + "the d_t papers of the graph cover the topic; the base rate is p0 = Σr / Σd, the burst rate p1 = s · p0, a year costs "
        + "−ln(p^r (1−p)^(d−r)) in each state, entering a burst costs γ · ln(years), leaving it nothing; the cheapest state sequence "
        + "gives the bursts, each weighted by the cost it saves.";
}

/// <summary>The <c>TopicBurst</c> type.</summary>
public sealed class TopicBurstType : ObjectGraphType<TopicBurst>
{
    /// <summary>Defines the fields.</summary>
    public TopicBurstType()
    {
        Name = "TopicBurst";
        Description = "Years in which a topic's share of papers was markedly above its usual share. " + BurstDescriptions.Model;
        Field<NonNullGraphType<IntGraphType>>("startYear").Description("The first year of the burst.").Resolve(c => c.Source.StartYear);
        Field<NonNullGraphType<IntGraphType>>("endYear").Description("The last year of the burst (inclusive).").Resolve(c => c.Source.EndYear);
        Field<NonNullGraphType<FloatGraphType>>("weight")
            .Description("The cost the burst state saves over these years, Σ (σ0 − σ1); higher is stronger, at least γ · ln(years).")
            .Resolve(c => c.Source.Weight);
    }
}

/// <summary>The <c>TrendingTopic</c> type.</summary>
public sealed class TrendingTopicType : ObjectGraphType<Indexed<TrendingTopic>>
{
    /// <summary>Defines the fields.</summary>
    public TrendingTopicType()
    {
        Name = "TrendingTopic";
        Description = "A topic bursting in a period.";
        Field<NonNullGraphType<TopicType>>("topic").Description("The topic.").Resolve(c => c.LoadTopic(c.Source.Snapshot, c.Source.Value.Topic));
        Field<NonNullGraphType<FloatGraphType>>("weight").Description("The summed weight of its bursts that overlap the period.")
            .Resolve(c => c.Source.Value.Weight);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TopicBurstType>>>>("bursts").Description("Those bursts, oldest first.")
            .Resolve(c => c.Source.Value.Bursts);
    }
}
