using ScholarGraph.Graph.Index;
using ScholarGraph.Graph.Traversal;

namespace ScholarGraph.Graph.Tests.Traversal;

public class NeighborhoodTests
{
    private static CsrGraph Graph(int n, params (int A, int B, float W)[] edges)
    {
        var builder = new CsrGraphBuilder(n);
        foreach (var (a, b, w) in edges)
        {
            builder.AddEdge(a, b, w);
        }

        return builder.Build();
    }

    private static CsrGraph PathGraph(int n) =>
        Graph(n, Enumerable.Range(0, n - 1).Select(i => (i, i + 1, 1f)).ToArray());

    [Fact]
    public void Depth_limits_the_distance_and_distances_are_hop_counts()
    {
        var result = Neighborhood.Explore(PathGraph(6), center: 2, maxDepth: 2);

        Assert.Equal([(2, 0), (1, 1), (3, 1), (0, 2), (4, 2)], result.Nodes.Select(n => (n.Node, n.Distance)));
        Assert.False(result.Truncated);
    }

    [Fact]
    public void Depth_zero_returns_the_center_alone()
    {
        var result = Neighborhood.Explore(PathGraph(3), center: 1, maxDepth: 0);

        Assert.Equal([new NeighborhoodNode(1, 0, 0f)], result.Nodes);
        Assert.False(result.Truncated);
    }

    [Fact]
    public void Edges_lighter_than_the_minimum_weight_are_not_followed()
    {
        // 0 -5- 1 -1- 2 -5- 3, and 0 -2- 3: with minWeight 2 node 2 is reached only through 3.
        var graph = Graph(4, (0, 1, 5f), (1, 2, 1f), (2, 3, 5f), (0, 3, 2f));

        var result = Neighborhood.Explore(graph, 0, maxDepth: 3, minWeight: 2f);

        Assert.Equal([(0, 0), (1, 1), (3, 1), (2, 2)], result.Nodes.Select(n => (n.Node, n.Distance)));
        Assert.Equal(5f, result.Nodes[^1].TieStrength);
    }

    [Fact]
    public void Node_cap_keeps_the_strongest_ties_and_breaks_equal_ties_by_lower_id()
    {
        // A star: leaves 1..5 with weights 1, 5, 3, 5, 2.
        var graph = Graph(6, (0, 1, 1f), (0, 2, 5f), (0, 3, 3f), (0, 4, 5f), (0, 5, 2f));

        var result = Neighborhood.Explore(graph, 0, maxDepth: 1, maxNodes: 4);

        Assert.Equal([0, 2, 4, 3], result.Nodes.Select(n => n.Node));
        Assert.Equal([0f, 5f, 5f, 3f], result.Nodes.Select(n => n.TieStrength));
        Assert.True(result.Truncated);
    }

    [Fact]
    public void Nearer_nodes_always_beat_farther_ones_under_the_cap()
    {
        // The far node 2 has a much stronger tie than the near node 3, yet distance decides first.
        var graph = Graph(4, (0, 1, 1f), (1, 2, 100f), (0, 3, 1f));

        var result = Neighborhood.Explore(graph, 0, maxDepth: 2, maxNodes: 3);

        Assert.Equal([0, 1, 3], result.Nodes.Select(n => n.Node));
        Assert.True(result.Truncated);
    }

    [Fact]
    public void Tie_strength_is_the_strongest_edge_from_any_kept_node_one_step_closer()
    {
        // Node 3 hangs from 1 (weight 2) and from 2 (weight 4); node 4 from 1 (weight 3).
        var graph = Graph(5, (0, 1, 1f), (0, 2, 1f), (1, 3, 2f), (2, 3, 4f), (1, 4, 3f));

        var result = Neighborhood.Explore(graph, 0, maxDepth: 2, maxNodes: 4);

        Assert.Equal([0, 1, 2, 3], result.Nodes.Select(n => n.Node));
        Assert.Equal(4f, result.Nodes[3].TieStrength);
        Assert.True(result.Truncated);
    }

    [Fact]
    public void A_cap_that_exactly_fits_everything_reachable_is_not_a_truncation()
    {
        var result = Neighborhood.Explore(PathGraph(4), 0, maxDepth: 3, maxNodes: 4);

        Assert.Equal(4, result.Nodes.Count);
        Assert.False(result.Truncated);
    }

    [Fact]
    public void A_full_cap_with_more_nodes_waiting_at_the_next_distance_is_a_truncation()
    {
        var result = Neighborhood.Explore(PathGraph(4), 0, maxDepth: 3, maxNodes: 2);

        Assert.Equal([0, 1], result.Nodes.Select(n => n.Node));
        Assert.True(result.Truncated);
    }

    [Fact]
    public void Directed_graph_is_explored_along_out_edges_and_its_reverse_along_in_edges()
    {
        // 0 cites 1, 1 cites 2, 3 cites 1.
        var graph = new CsrGraphBuilder(4, directed: true).AddEdge(0, 1).AddEdge(1, 2).AddEdge(3, 1).Build();

        Assert.Equal([1, 2], Neighborhood.Explore(graph, 1, maxDepth: 2).Nodes.Select(n => n.Node));
        Assert.Equal([1, 0, 3], Neighborhood.Explore(graph.Reversed(), 1, maxDepth: 2).Nodes.Select(n => n.Node));
    }

    [Fact]
    public void Coauthor_view_with_a_paper_filter_limits_the_neighbourhood()
    {
        // Paper 0 (year 2001): authors 0, 1. Paper 1 (year 2015): authors 1, 2.
        var index = AuthorshipIndex.Build(2, 3, [(0, 0), (0, 1), (1, 1), (1, 2)]);
        int[] year = [2001, 2015];

        var all = Neighborhood.Explore(index.CreateCoauthorView(), 0, maxDepth: 2);
        var recent = Neighborhood.Explore(index.CreateCoauthorView(paper => year[paper] >= 2010), 1, maxDepth: 2);

        Assert.Equal([0, 1, 2], all.Nodes.Select(n => n.Node));
        Assert.Equal([1, 2], recent.Nodes.Select(n => n.Node));
    }

    [Fact]
    public void Repeated_calls_on_graphs_of_different_sizes_do_not_see_each_others_visits()
    {
        var large = PathGraph(1000);
        var small = PathGraph(5);

        for (var round = 0; round < 3; round++)
        {
            Assert.Equal(7, Neighborhood.Explore(large, 500, maxDepth: 3).Nodes.Count);
            Assert.Equal(5, Neighborhood.Explore(small, 0, maxDepth: 10).Nodes.Count);
            Assert.Equal(4, Neighborhood.Explore(large, 0, maxDepth: 3).Nodes.Count);
        }
    }

    [Fact]
    public void Uncapped_result_matches_a_naive_breadth_first_search_on_a_random_graph()
    {
        var random = new Random(2);
        const int n = 300;
        var builder = new CsrGraphBuilder(n);
        for (var i = 0; i < 700; i++)
        {
            builder.AddEdge(random.Next(n), random.Next(n), random.Next(1, 4));
        }

        var graph = builder.Build();
        for (var center = 0; center < n; center += 17)
        {
            var expected = NaiveDistances(graph, center, maxDepth: 3, minWeight: 2f);
            var result = Neighborhood.Explore(graph, center, maxDepth: 3, minWeight: 2f);

            Assert.Equal(expected, result.Nodes.ToDictionary(node => node.Node, node => node.Distance));
        }
    }

    private static Dictionary<int, int> NaiveDistances(CsrGraph graph, int center, int maxDepth, float minWeight)
    {
        var distance = new Dictionary<int, int> { [center] = 0 };
        var queue = new Queue<int>([center]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (distance[node] == maxDepth)
            {
                continue;
            }

            var neighbors = graph.Neighbors(node);
            var weights = graph.NeighborWeights(node);
            for (var i = 0; i < neighbors.Length; i++)
            {
                if (weights[i] >= minWeight && distance.TryAdd(neighbors[i], distance[node] + 1))
                {
                    queue.Enqueue(neighbors[i]);
                }
            }
        }

        return distance;
    }
}
