using GraphQL.Types;
using ScholarGraph.Graph.Indicators;

namespace ScholarGraph.Server.GraphQuestions.Indicators;

/// <summary>The <c>Disruption</c> type.</summary>
public sealed class DisruptionType : ObjectGraphType<Disruption>
{
    /// <summary>Defines the fields.</summary>
    public DisruptionType()
    {
        Name = "Disruption";
        Description = "The CD index of Funk and Owen-Smith (2017) as Park, Leahey and Funk (2023) compute it: among the papers in the graph "
            + "published from the paper's year to `years` after it (the paper itself excluded), n_i cite it and none of its references, n_j "
            + "cite it and at least one reference, n_k cite a reference but not it; CD = (n_i − n_j) / (n_i + n_j + n_k), from −1 "
            + "(consolidating) to 1 (disruptive).";
        Field<FloatGraphType>("value").Description("CD, or null (see `reason`).").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<IntGraphType>>("nI").Description("n_i: papers in the window citing the paper and none of its references.")
            .Resolve(c => c.Source.NI);
        Field<NonNullGraphType<IntGraphType>>("nJ").Description("n_j: papers in the window citing the paper and at least one of its references.")
            .Resolve(c => c.Source.NJ);
        Field<NonNullGraphType<IntGraphType>>("nK").Description("n_k: papers in the window citing at least one of its references but not the paper.")
            .Resolve(c => c.Source.NK);
        Field<NonNullGraphType<IntGraphType>>("years").Description("t: years after the publication year the window reaches.")
            .Resolve(c => c.Source.WindowYears);
        this.ImplementComputedIndicator();
    }
}
