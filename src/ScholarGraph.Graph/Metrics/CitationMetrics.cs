namespace ScholarGraph.Graph.Metrics;

/// <summary>A year and a number of papers in it: papers published that year, or citations made that year, as the method returning it says.</summary>
/// <param name="Year">The publication year.</param>
/// <param name="Count">Number of papers (or citations) of that year.</param>
public readonly record struct YearCount(int Year, int Count);

/// <summary>Author-level indicators computed from the citation counts of the author's papers.</summary>
public static class CitationMetrics
{
    /// <summary>
    /// The h-index (Hirsch 2005): the largest h such that h papers have at least h citations each; 0 for no
    /// papers. O(n) by counting, without sorting.
    /// </summary>
    /// <param name="citationCounts">Citations of each paper, in any order; none may be negative.</param>
    public static int HIndex(ReadOnlySpan<int> citationCounts)
    {
        var n = citationCounts.Length;
        // No h-index exceeds the number of papers, so counts above n all land in the last bucket.
        var papersWithCount = new int[n + 1];
        foreach (var count in citationCounts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count, nameof(citationCounts));
            papersWithCount[Math.Min(count, n)]++;
        }

        var papersWithAtLeast = 0;
        for (var h = n; h > 0; h--)
        {
            papersWithAtLeast += papersWithCount[h];
            if (papersWithAtLeast >= h)
            {
                return h;
            }
        }

        return 0;
    }

    /// <summary>The i10-index (as Google Scholar defines it): the number of papers with at least 10 citations.</summary>
    /// <param name="citationCounts">Citations of each paper, in any order; none may be negative.</param>
    public static int I10Index(ReadOnlySpan<int> citationCounts)
    {
        var count = 0;
        foreach (var citations in citationCounts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(citations, nameof(citationCounts));
            if (citations >= 10)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Number of papers per publication year, ascending by year; years without papers are left out.</summary>
    /// <param name="publicationYears">Year of each paper (or of each citing paper, to count citations per year), in any order.</param>
    public static YearCount[] PapersPerYear(ReadOnlySpan<int> publicationYears)
    {
        var years = publicationYears.ToArray();
        Array.Sort(years);
        var result = new List<YearCount>();
        for (var i = 0; i < years.Length;)
        {
            var start = i;
            while (i < years.Length && years[i] == years[start])
            {
                i++;
            }

            result.Add(new YearCount(years[start], i - start));
        }

        return [.. result];
    }
}
