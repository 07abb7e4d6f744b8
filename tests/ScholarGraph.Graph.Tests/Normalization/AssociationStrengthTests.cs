using ScholarGraph.Graph.Index;
using ScholarGraph.Graph.Normalization;

namespace ScholarGraph.Graph.Tests.Normalization;

public class AssociationStrengthTests
{
    // Co-occurrences: c01 = 2, c02 = 1, c12 = 1, so w0 = 3, w1 = 3, w2 = 2 and 2m = 8.
    private static CsrGraph Triangle() => new CsrGraphBuilder(3).AddEdge(0, 1, 2f).AddEdge(0, 2, 1f).AddEdge(1, 2, 1f).Build();

    [Fact]
    public void Weights_become_co_occurrence_over_the_product_of_strengths()
    {
        var normalized = AssociationStrength.Normalize(Triangle());

        Assert.Equal(2.0 / 9, normalized.EdgeWeight(0, 1), 6);
        Assert.Equal(1.0 / 6, normalized.EdgeWeight(0, 2), 6);
        Assert.Equal(1.0 / 6, normalized.EdgeWeight(2, 1), 6);
        Assert.Equal(3, normalized.EdgeCount);
    }

    [Fact]
    public void Scaling_by_total_weight_gives_observed_over_expected()
    {
        var normalized = AssociationStrength.Normalize(Triangle(), scaleByTotalWeight: true);

        Assert.Equal(16.0 / 9, normalized.EdgeWeight(1, 0), 6);
        Assert.Equal(8.0 / 6, normalized.EdgeWeight(0, 2), 6);
    }

    [Fact]
    public void The_input_graph_is_left_unchanged()
    {
        var graph = Triangle();

        AssociationStrength.Normalize(graph);

        Assert.Equal(2f, graph.EdgeWeight(0, 1));
    }
}
