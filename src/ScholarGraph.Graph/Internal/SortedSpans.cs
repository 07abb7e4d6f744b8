namespace ScholarGraph.Graph.Internal;

/// <summary>Set operations on spans of ids sorted ascending without duplicates.</summary>
internal static class SortedSpans
{
    /// <summary>
    /// Beyond this size ratio, binary-searching the short list in the long one (O(s log l)) beats walking both
    /// (O(s + l)): a prolific author's paper list can be thousands of times longer than a newcomer's.
    /// </summary>
    private const int GallopRatio = 16;

    /// <summary>Writes the ids present in both lists to <paramref name="destination"/>, ascending, and returns how many.</summary>
    /// <param name="first">Ids, ascending.</param>
    /// <param name="second">Ids, ascending.</param>
    /// <param name="destination">At least as long as the shorter list.</param>
    public static int Intersect(ReadOnlySpan<int> first, ReadOnlySpan<int> second, Span<int> destination)
    {
        if (first.Length > second.Length)
        {
            var shorter = second;
            second = first;
            first = shorter;
        }

        var count = 0;
        if (first.Length == 0)
        {
            return 0;
        }

        if (second.Length / first.Length >= GallopRatio)
        {
            var remaining = second;
            foreach (var id in first)
            {
                var index = remaining.BinarySearch(id);
                if (index >= 0)
                {
                    destination[count++] = id;
                    remaining = remaining[(index + 1)..];
                }
                else
                {
                    remaining = remaining[~index..];
                }
            }

            return count;
        }

        int i = 0, j = 0;
        while (i < first.Length && j < second.Length)
        {
            var x = first[i];
            var y = second[j];
            if (x == y)
            {
                destination[count++] = x;
                i++;
                j++;
            }
            else if (x < y)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return count;
    }
}
