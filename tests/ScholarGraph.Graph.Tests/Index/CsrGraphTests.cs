using ScholarGraph.Graph.Index;

namespace ScholarGraph.Graph.Tests.Index;

public class CsrGraphTests
{
    [Fact]
    public void Duplicate_edges_merge_into_one_whose_weight_is_the_sum_in_both_rows()
    {
        var graph = new CsrGraphBuilder(3).AddEdge(0, 1, 2f).AddEdge(1, 0, 3f).AddEdge(1, 2).Build();

        Assert.Equal(2, graph.EdgeCount);
        Assert.Equal(5f, graph.EdgeWeight(0, 1));
        Assert.Equal(5f, graph.EdgeWeight(1, 0));
        Assert.Equal(6.0, graph.TotalWeight);
    }

    [Fact]
    public void Neighbours_come_sorted_by_id_with_their_weights()
    {
        var graph = new CsrGraphBuilder(5).AddEdge(2, 4, 4f).AddEdge(2, 0, 1f).AddEdge(3, 2, 3f).AddEdge(2, 1, 2f).Build();

        Assert.Equal([0, 1, 3, 4], graph.Neighbors(2).ToArray());
        Assert.Equal([1f, 2f, 3f, 4f], graph.NeighborWeights(2).ToArray());
        Assert.Equal(4, graph.Degree(2));
        Assert.Equal(10.0, graph.Strength(2));
    }

    [Fact]
    public void Self_loops_are_ignored_by_default()
    {
        var graph = new CsrGraphBuilder(2).AddEdge(0, 0, 5f).AddEdge(0, 1).Build();

        Assert.Equal(1, graph.EdgeCount);
        Assert.Equal(0, graph.SelfLoopCount);
        Assert.Equal([1], graph.Neighbors(0).ToArray());
    }

    [Fact]
    public void Kept_self_loop_is_stored_once_and_counts_twice_in_strength()
    {
        var graph = new CsrGraphBuilder(2, keepSelfLoops: true).AddEdge(0, 0, 5f).AddEdge(0, 1).Build();

        Assert.Equal(2, graph.EdgeCount);
        Assert.Equal(1, graph.SelfLoopCount);
        Assert.Equal([0, 1], graph.Neighbors(0).ToArray());
        Assert.Equal(11.0, graph.Strength(0));
        Assert.Equal(6.0, graph.TotalWeight);
    }

    [Fact]
    public void Directed_graph_keeps_out_and_in_rows()
    {
        // Paper 0 cites 1 and 2; paper 3 cites 1.
        var graph = new CsrGraphBuilder(4, directed: true).AddEdge(0, 1).AddEdge(0, 2).AddEdge(3, 1).Build();

        Assert.True(graph.IsDirected);
        Assert.Equal(3, graph.EdgeCount);
        Assert.Equal([1, 2], graph.Neighbors(0).ToArray());
        Assert.Empty(graph.Neighbors(1).ToArray());
        Assert.Equal([0, 3], graph.InNeighbors(1).Nodes.ToArray());
        Assert.Equal(2, graph.InDegree(1));
        Assert.Equal(0f, graph.EdgeWeight(1, 0));
    }

    [Fact]
    public void Reversed_swaps_out_and_in_rows()
    {
        var graph = new CsrGraphBuilder(3, directed: true).AddEdge(0, 1).AddEdge(2, 1).Build();

        var reversed = graph.Reversed();

        Assert.Equal([0, 2], reversed.Neighbors(1).ToArray());
        Assert.Empty(reversed.Neighbors(0).ToArray());
        Assert.Equal([1], reversed.InNeighbors(0).Nodes.ToArray());
        Assert.Equal(graph.TotalWeight, reversed.TotalWeight);
    }

    [Fact]
    public void To_undirected_joins_mutual_citations_and_sums_their_weights()
    {
        var graph = new CsrGraphBuilder(3, directed: true).AddEdge(0, 1, 2f).AddEdge(1, 0, 3f).AddEdge(2, 1).Build();

        var undirected = graph.ToUndirected();

        Assert.False(undirected.IsDirected);
        Assert.Equal(2, undirected.EdgeCount);
        Assert.Equal(5f, undirected.EdgeWeight(1, 0));
        Assert.Equal([0, 2], undirected.Neighbors(1).ToArray());
    }

    [Fact]
    public void Memory_bytes_follow_the_documented_formula()
    {
        var undirected = new CsrGraphBuilder(4).AddEdge(0, 1).AddEdge(1, 2).AddEdge(2, 3).Build();
        var directed = new CsrGraphBuilder(4, directed: true).AddEdge(0, 1).AddEdge(1, 2).AddEdge(2, 3).Build();

        // 4·(n+1) + 8·E with E = 2·3 stored entries; directed: twice 4·(n+1) + 8·3.
        Assert.Equal(4 * 5 + 8 * 6, undirected.MemoryBytes);
        Assert.Equal(2 * (4 * 5 + 8 * 3), directed.MemoryBytes);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Non_positive_or_non_finite_weights_are_rejected(float weight)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CsrGraphBuilder(2).AddEdge(0, 1, weight));
    }

    [Fact]
    public void Node_ids_outside_the_graph_are_rejected()
    {
        var graph = new CsrGraphBuilder(2).AddEdge(0, 1).Build();

        Assert.Throws<ArgumentOutOfRangeException>(() => new CsrGraphBuilder(2).AddEdge(0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => graph.Neighbors(2).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => graph.Degree(-1));
    }

    [Fact]
    public void Builder_matches_a_naive_adjacency_matrix_on_random_edges()
    {
        var random = new Random(5);
        const int n = 40;
        var expected = new double[n, n];
        var builder = new CsrGraphBuilder(n);
        for (var i = 0; i < 500; i++)
        {
            int a = random.Next(n), b = random.Next(n);
            float weight = random.Next(1, 4);
            builder.AddEdge(a, b, weight);
            if (a != b)
            {
                expected[a, b] += weight;
                expected[b, a] += weight;
            }
        }

        var graph = builder.Build();

        for (var a = 0; a < n; a++)
        {
            var neighbors = graph.Neighbors(a);
            Assert.True(neighbors.ToArray().SequenceEqual(neighbors.ToArray().Order()), "rows are sorted");
            for (var b = 0; b < n; b++)
            {
                Assert.Equal(expected[a, b], graph.EdgeWeight(a, b));
            }
        }
    }
}
