using ScholarGraph.Graph.Communities;
using ScholarGraph.Graph.Index;

namespace ScholarGraph.Graph.Tests.Communities;

public class ModularityTests
{
    // Two triangles {0,1,2} and {3,4,5} joined by the edge 2–3: m = 7, each triangle has L = 3 and K = 7.
    private static CsrGraph TwoTriangles() => new CsrGraphBuilder(6)
        .AddEdge(0, 1).AddEdge(1, 2).AddEdge(0, 2).AddEdge(3, 4).AddEdge(4, 5).AddEdge(3, 5).AddEdge(2, 3).Build();

    [Fact]
    public void Two_triangles_split_at_their_bridge_score_six_sevenths_minus_one_half()
    {
        Assert.Equal(6.0 / 7 - 0.5, Modularity.Compute(TwoTriangles(), [0, 0, 0, 1, 1, 1]), 12);
    }

    [Fact]
    public void One_community_holding_everything_scores_zero()
    {
        Assert.Equal(0.0, Modularity.Compute(TwoTriangles(), [0, 0, 0, 0, 0, 0]), 12);
    }

    [Fact]
    public void Resolution_scales_the_expected_term()
    {
        Assert.Equal(6.0 / 7 - 0.5 * 0.5, Modularity.Compute(TwoTriangles(), [0, 0, 0, 1, 1, 1], resolution: 0.5), 12);
    }

    [Fact]
    public void Self_loop_counts_once_inside_and_twice_in_the_degree()
    {
        // Edge 0–1 and a self-loop on 0: m = 2, k0 = 3, k1 = 1; {0} keeps its loop. Same value as networkx gives.
        var graph = new CsrGraphBuilder(2, keepSelfLoops: true).AddEdge(0, 1).AddEdge(0, 0).Build();

        Assert.Equal(0.5 - (9.0 + 1.0) / 16, Modularity.Compute(graph, [0, 1]), 12);
    }

    [Fact]
    public void Labels_outside_the_node_range_and_wrong_lengths_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Modularity.Compute(TwoTriangles(), [0, 0, 0, 1, 1, 6]));
        Assert.Throws<ArgumentException>(() => Modularity.Compute(TwoTriangles(), [0, 0]));
    }
}
