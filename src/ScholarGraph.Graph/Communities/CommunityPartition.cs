namespace ScholarGraph.Graph.Communities;

/// <summary>
/// A partition of a graph's nodes into communities, numbered <c>0..CommunityCount-1</c> by decreasing size,
/// equal sizes ordered by their smallest member, so that the same partition always gets the same numbers.
/// </summary>
public sealed class CommunityPartition
{
    private readonly int[] _membership;
    private readonly int[] _sizes;

    internal CommunityPartition(int[] canonicalMembership, int[] sizes, double modularity, double resolution)
    {
        _membership = canonicalMembership;
        _sizes = sizes;
        Modularity = modularity;
        Resolution = resolution;
    }

    /// <summary>Community of every node, indexed by node id.</summary>
    public ReadOnlySpan<int> Membership => _membership;

    /// <summary>Number of nodes in every community, indexed by community; non-increasing.</summary>
    public ReadOnlySpan<int> Sizes => _sizes;

    /// <summary>Number of communities.</summary>
    public int CommunityCount => _sizes.Length;

    /// <summary>Modularity of this partition at <see cref="Resolution"/>, as <see cref="Communities.Modularity.Compute"/> defines it.</summary>
    public double Modularity { get; }

    /// <summary>The resolution γ the partition was found and scored with.</summary>
    public double Resolution { get; }

    /// <summary>
    /// Renumbers arbitrary labels in <c>0..n-1</c> by decreasing community size, ties broken by smallest member.
    /// </summary>
    internal static (int[] Membership, int[] Sizes) Canonicalize(ReadOnlySpan<int> labels)
    {
        var n = labels.Length;
        var size = new int[n];
        var smallestMember = new int[n];
        Array.Fill(smallestMember, int.MaxValue);
        for (var node = 0; node < n; node++)
        {
            var label = labels[node];
            if (size[label]++ == 0)
            {
                smallestMember[label] = node;
            }
        }

        var used = new List<int>();
        for (var label = 0; label < n; label++)
        {
            if (size[label] > 0)
            {
                used.Add(label);
            }
        }

        used.Sort((x, y) => size[x] != size[y] ? size[y].CompareTo(size[x]) : smallestMember[x].CompareTo(smallestMember[y]));
        var newLabel = new int[n];
        var sizes = new int[used.Count];
        for (var rank = 0; rank < used.Count; rank++)
        {
            newLabel[used[rank]] = rank;
            sizes[rank] = size[used[rank]];
        }

        var membership = new int[n];
        for (var node = 0; node < n; node++)
        {
            membership[node] = newLabel[labels[node]];
        }

        return (membership, sizes);
    }
}
