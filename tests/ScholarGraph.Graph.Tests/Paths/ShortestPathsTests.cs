using ScholarGraph.Graph.Index;
using ScholarGraph.Graph.Paths;

namespace ScholarGraph.Graph.Tests.Paths;

public class ShortestPathsTests
{
    private static CsrGraph Graph(int n, params (int A, int B)[] edges)
    {
        var builder = new CsrGraphBuilder(n);
        foreach (var (a, b) in edges)
        {
            builder.AddEdge(a, b);
        }

        return builder.Build();
    }

    private static CsrGraph PathGraph(int n) => Graph(n, Enumerable.Range(0, n - 1).Select(i => (i, i + 1)).ToArray());

    private static CsrGraph Cycle(int n) => Graph(n, Enumerable.Range(0, n).Select(i => (i, (i + 1) % n)).ToArray());

    [Fact]
    public void Path_graph_has_its_only_path()
    {
        Assert.Equal([0, 1, 2, 3, 4], ShortestPaths.FindPath(PathGraph(5), 0, 4)!);
        Assert.Equal([4, 3, 2, 1, 0], ShortestPaths.FindPath(PathGraph(5), 4, 0)!);
    }

    [Fact]
    public void Max_length_cuts_off_longer_paths()
    {
        var graph = PathGraph(5);

        Assert.Null(ShortestPaths.FindPath(graph, 0, 4, maxLength: 3));
        Assert.Equal(5, ShortestPaths.FindPath(graph, 0, 4, maxLength: 4)!.Length);
        Assert.Empty(ShortestPaths.AllShortestPaths(graph, 0, 4, limit: 10, maxLength: 3));
        Assert.Null(ShortestPaths.FindPath(graph, 0, 1, maxLength: 0));
    }

    [Fact]
    public void Source_equal_to_target_is_a_path_of_one_node()
    {
        Assert.Equal([2], ShortestPaths.FindPath(PathGraph(3), 2, 2, maxLength: 0)!);
    }

    [Fact]
    public void Disconnected_nodes_have_no_path()
    {
        var graph = Graph(5, (0, 1), (1, 2), (3, 4));

        Assert.Null(ShortestPaths.FindPath(graph, 0, 4));
        Assert.Empty(ShortestPaths.AllShortestPaths(graph, 4, 0, limit: 3));
    }

    [Fact]
    public void Even_cycle_prefers_the_way_round_through_lower_ids()
    {
        var graph = Cycle(6);

        Assert.Equal([0, 1, 2, 3], ShortestPaths.FindPath(graph, 0, 3)!);
        Assert.Equal([3, 2, 1, 0], ShortestPaths.FindPath(graph, 3, 0)!);
        Assert.Equal([[0, 1, 2, 3], [0, 5, 4, 3]], ShortestPaths.AllShortestPaths(graph, 0, 3, limit: 5));
    }

    [Fact]
    public void Diamond_has_two_shortest_paths_in_lexicographic_order_and_the_limit_holds()
    {
        var graph = Graph(4, (0, 2), (0, 1), (2, 3), (1, 3));

        Assert.Equal([[0, 1, 3], [0, 2, 3]], ShortestPaths.AllShortestPaths(graph, 0, 3, limit: 10));
        Assert.Equal([[0, 1, 3]], ShortestPaths.AllShortestPaths(graph, 0, 3, limit: 1));
    }

    [Fact]
    public void Grid_corner_to_corner_lists_all_six_paths_once_in_order()
    {
        // 3×3 grid, node = 3·row + column: 6 = C(4,2) monotone paths from 0 to 8.
        var edges = new List<(int, int)>();
        for (var row = 0; row < 3; row++)
        {
            for (var column = 0; column < 3; column++)
            {
                var node = 3 * row + column;
                if (column < 2)
                {
                    edges.Add((node, node + 1));
                }

                if (row < 2)
                {
                    edges.Add((node, node + 3));
                }
            }
        }

        var paths = ShortestPaths.AllShortestPaths(Graph(9, [.. edges]), 0, 8, limit: 100);

        Assert.Equal(6, paths.Count);
        Assert.Equal([0, 1, 2, 5, 8], paths[0]);
        Assert.Equal([0, 3, 6, 7, 8], paths[^1]);
        Assert.Equal(6, paths.Select(path => string.Join(",", path)).Distinct().Count());
        Assert.Equal(paths.Select(path => string.Join(",", path.Select(n => n.ToString("D2")))).Order(), paths.Select(path => string.Join(",", path.Select(n => n.ToString("D2")))));
    }

    [Fact]
    public void Directed_paths_follow_citations_forwards_only()
    {
        var graph = new CsrGraphBuilder(3, directed: true).AddEdge(0, 1).AddEdge(1, 2).Build();

        Assert.Equal([0, 1, 2], ShortestPaths.FindPath(graph, 0, 2)!);
        Assert.Null(ShortestPaths.FindPath(graph, 2, 0));
        Assert.Equal([2, 1, 0], ShortestPaths.FindPath(graph.Reversed(), 2, 0)!);
    }

    [Fact]
    public void Directed_shortcut_in_the_wrong_direction_is_not_taken()
    {
        // 0→1→2→3 and 3→0: the arc 3→0 must not shorten 0 to 3.
        var graph = new CsrGraphBuilder(4, directed: true).AddEdge(0, 1).AddEdge(1, 2).AddEdge(2, 3).AddEdge(3, 0).Build();

        Assert.Equal([0, 1, 2, 3], ShortestPaths.FindPath(graph, 0, 3)!);
        Assert.Equal([3, 0], ShortestPaths.FindPath(graph, 3, 0)!);
    }

    [Fact]
    public void Paths_work_on_a_coauthor_view_that_reuses_its_buffer()
    {
        // Papers: {0,1}, {1,2}, {0,3}, {3,2}: two ways from author 0 to author 2.
        var index = AuthorshipIndex.Build(4, 4, [(0, 0), (0, 1), (1, 1), (1, 2), (2, 0), (2, 3), (3, 3), (3, 2)]);

        Assert.Equal([[0, 1, 2], [0, 3, 2]], ShortestPaths.AllShortestPaths(index.CreateCoauthorView(), 0, 2, limit: 5));
        Assert.Equal([[0, 3, 2]], ShortestPaths.AllShortestPaths(index.CreateCoauthorView(paper => paper >= 2), 0, 2, limit: 5));
    }

    [Fact]
    public void On_random_graphs_paths_are_valid_shortest_and_as_many_as_a_path_count_predicts()
    {
        for (var seed = 0; seed < 10; seed++)
        {
            var random = new Random(seed);
            const int n = 120;
            var builder = new CsrGraphBuilder(n);
            for (var i = 0; i < 200; i++)
            {
                builder.AddEdge(random.Next(n), random.Next(n));
            }

            var graph = builder.Build();
            for (var pair = 0; pair < 30; pair++)
            {
                int source = random.Next(n), target = random.Next(n);
                var (distance, count) = NaiveDistanceAndPathCount(graph, source, target);
                var paths = ShortestPaths.AllShortestPaths(graph, source, target, limit: 1000);
                var single = ShortestPaths.FindPath(graph, source, target);

                if (distance < 0)
                {
                    Assert.Empty(paths);
                    Assert.Null(single);
                    continue;
                }

                Assert.Equal(Math.Min(count, 1000), paths.Count);
                Assert.Equal(paths[0], single!);
                for (var i = 1; i < paths.Count; i++)
                {
                    Assert.True(LexicographicallyBefore(paths[i - 1], paths[i]), "paths come in lexicographic order");
                }

                foreach (var path in paths)
                {
                    Assert.Equal(distance + 1, path.Length);
                    Assert.Equal(source, path[0]);
                    Assert.Equal(target, path[^1]);
                    for (var i = 0; i + 1 < path.Length; i++)
                    {
                        Assert.True(graph.EdgeWeight(path[i], path[i + 1]) > 0, "consecutive nodes are adjacent");
                    }
                }
            }
        }
    }

    private static bool LexicographicallyBefore(int[] first, int[] second)
    {
        for (var i = 0; i < first.Length; i++)
        {
            if (first[i] != second[i])
            {
                return first[i] < second[i];
            }
        }

        return false;
    }

    /// <summary>Breadth-first search from the source counting shortest paths into every node.</summary>
    private static (int Distance, long Count) NaiveDistanceAndPathCount(CsrGraph graph, int source, int target)
    {
        var distance = Enumerable.Repeat(-1, graph.NodeCount).ToArray();
        var count = new long[graph.NodeCount];
        distance[source] = 0;
        count[source] = 1;
        var queue = new Queue<int>([source]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var neighbor in graph.Neighbors(node))
            {
                if (distance[neighbor] < 0)
                {
                    distance[neighbor] = distance[node] + 1;
                    queue.Enqueue(neighbor);
                }

                if (distance[neighbor] == distance[node] + 1)
                {
                    count[neighbor] += count[node];
                }
            }
        }

        return (distance[target], count[target]);
    }
}
