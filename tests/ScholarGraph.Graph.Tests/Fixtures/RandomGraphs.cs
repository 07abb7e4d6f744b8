using ScholarGraph.Graph.Index;

namespace ScholarGraph.Graph.Tests.Fixtures;

internal static class RandomGraphs
{
    /// <summary>
    /// Planted partition: <paramref name="groups"/> groups of <paramref name="groupSize"/> nodes, each pair joined
    /// with probability <paramref name="pIn"/> inside a group and <paramref name="pOut"/> across. Node v belongs to group v / groupSize.
    /// </summary>
    public static CsrGraph PlantedPartition(int groups, int groupSize, double pIn, double pOut, int seed)
    {
        var random = new Random(seed);
        var n = groups * groupSize;
        var builder = new CsrGraphBuilder(n);
        for (var u = 0; u < n; u++)
        {
            for (var v = u + 1; v < n; v++)
            {
                var p = u / groupSize == v / groupSize ? pIn : pOut;
                if (random.NextDouble() < p)
                {
                    builder.AddEdge(u, v);
                }
            }
        }

        return builder.Build();
    }

    /// <summary>An Erdős–Rényi graph with integer weights 1..5, so that invariants are tested on weighted input too.</summary>
    public static CsrGraph ErdosRenyi(int n, double p, int seed)
    {
        var random = new Random(seed);
        var builder = new CsrGraphBuilder(n);
        for (var u = 0; u < n; u++)
        {
            for (var v = u + 1; v < n; v++)
            {
                if (random.NextDouble() < p)
                {
                    builder.AddEdge(u, v, random.Next(1, 6));
                }
            }
        }

        return builder.Build();
    }
}
