using ScholarGraph.Graph.Index;

namespace ScholarGraph.Graph.Tests.Fixtures;

/// <summary>
/// Zachary's karate club (W. W. Zachary, "An information flow model for conflict and fission in small groups",
/// J. Anthropological Research 33:452–473, 1977): 34 members, 78 friendships, members numbered from 0.
/// </summary>
internal static class KarateClub
{
    public const int NodeCount = 34;

    /// <summary>Friendship ties, each once.</summary>
    public static readonly (int, int)[] Edges =
    [
        (0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (0, 6), (0, 7), (0, 8), (0, 10), (0, 11), (0, 12), (0, 13),
        (0, 17), (0, 19), (0, 21), (0, 31),
        (1, 2), (1, 3), (1, 7), (1, 13), (1, 17), (1, 19), (1, 21), (1, 30),
        (2, 3), (2, 7), (2, 8), (2, 9), (2, 13), (2, 27), (2, 28), (2, 32),
        (3, 7), (3, 12), (3, 13),
        (4, 6), (4, 10),
        (5, 6), (5, 10), (5, 16),
        (6, 16),
        (8, 30), (8, 32), (8, 33),
        (9, 33),
        (13, 33),
        (14, 32), (14, 33),
        (15, 32), (15, 33),
        (18, 32), (18, 33),
        (19, 33),
        (20, 32), (20, 33),
        (22, 32), (22, 33),
        (23, 25), (23, 27), (23, 29), (23, 32), (23, 33),
        (24, 25), (24, 27), (24, 31),
        (25, 31),
        (26, 29), (26, 33),
        (27, 33),
        (28, 31), (28, 33),
        (29, 32), (29, 33),
        (30, 32), (30, 33),
        (31, 32), (31, 33),
        (32, 33),
    ];

    /// <summary>Members who followed the instructor, Mr. Hi (node 0), after the split; the rest followed the officer (node 33).</summary>
    public static readonly int[] MrHiFaction = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 16, 17, 19, 21];

    public static CsrGraph Build()
    {
        var builder = new CsrGraphBuilder(NodeCount);
        foreach (var (a, b) in Edges)
        {
            builder.AddEdge(a, b);
        }

        return builder.Build();
    }

    /// <summary>1 for members of Mr. Hi's faction, 0 for the officer's.</summary>
    public static int[] Factions()
    {
        var faction = new int[NodeCount];
        foreach (var member in MrHiFaction)
        {
            faction[member] = 1;
        }

        return faction;
    }
}
