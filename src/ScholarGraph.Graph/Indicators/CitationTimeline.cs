using System.Runtime.InteropServices;
using ScholarGraph.Graph.Metrics;
using ScholarGraph.Graph.Scholarly;

namespace ScholarGraph.Graph.Indicators;

/// <summary>
/// Citations over time, counted from the citation graph of the index (only citing papers the graph holds count, so figures can be
/// below what a source reports): per year of the citing paper, and within a window after publication.
/// </summary>
public static class CitationTimeline
{
    /// <summary>The window of <see cref="Within"/> when none is given: the publication year and the 5 years after it.</summary>
    public const int DefaultWindowYears = 5;

    /// <summary>
    /// The papers citing <paramref name="paper"/> per publication year of the citing paper, oldest first; years without citations
    /// and citing papers without a date are left out. Costs O(c log c) for c citing papers.
    /// </summary>
    /// <param name="index">The index.</param>
    /// <param name="paper">A paper id.</param>
    public static YearCount[] ByYear(ScholarlyIndex index, int paper)
    {
        ArgumentNullException.ThrowIfNull(index);
        var years = new List<int>();
        AddCitingYears(index, paper, years);
        return CitationMetrics.PapersPerYear(CollectionsMarshal.AsSpan(years));
    }

    /// <summary>
    /// Citations of the author's papers per publication year of the citing paper, oldest first. Citations are counted as
    /// <see cref="ScholarlyIndex.ComputeAuthorMetrics"/> counts them: a paper citing two of the author's papers counts twice
    /// (self-citations included). Costs O(c log c) for c citations of the author's papers.
    /// </summary>
    /// <param name="index">The index.</param>
    /// <param name="author">An author id.</param>
    public static YearCount[] ByYearOfAuthor(ScholarlyIndex index, int author)
    {
        ArgumentNullException.ThrowIfNull(index);
        var years = new List<int>();
        foreach (var paper in index.Authorship.PapersOf(author))
        {
            AddCitingYears(index, paper, years);
        }

        return CitationMetrics.PapersPerYear(CollectionsMarshal.AsSpan(years));
    }

    /// <summary>
    /// The papers citing <paramref name="paper"/> that were published from its publication year <c>y</c> to <c>y + years</c>
    /// (inclusive): c(p, w) = |{ q cites p : y ≤ year(q) ≤ y + w }|. Null, with <see cref="IndicatorNullReason.NoPublicationYear"/>,
    /// for a paper without a date; citing papers without a date never count.
    /// </summary>
    /// <param name="index">The index.</param>
    /// <param name="paper">A paper id.</param>
    /// <param name="years">Years after the publication year the window reaches, at least 0; default <see cref="DefaultWindowYears"/>.</param>
    public static CitationWindow Within(ScholarlyIndex index, int paper, int years = DefaultWindowYears)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfNegative(years);
        if (index.PublicationYear(paper) is not { } year)
        {
            return new CitationWindow(null, years, null, null, IndicatorNullReason.NoPublicationYear);
        }

        var count = 0;
        foreach (var citing in index.CitedByOf(paper))
        {
            if (index.PublicationYear(citing) is { } citingYear && citingYear >= year && citingYear <= year + years)
            {
                count++;
            }
        }

        return new CitationWindow(count, years, year, year + years, null);
    }

    private static void AddCitingYears(ScholarlyIndex index, int paper, List<int> years)
    {
        foreach (var citing in index.CitedByOf(paper))
        {
            if (index.PublicationYear(citing) is { } year)
            {
                years.Add(year);
            }
        }
    }
}

/// <summary>A paper's citations within a window after publication.</summary>
/// <param name="Count">Citing papers published in the window, or <c>null</c> when the paper has no year.</param>
/// <param name="Years">Years after the publication year the window reaches.</param>
/// <param name="FirstYear">The window's first year (the publication year), or <c>null</c>.</param>
/// <param name="LastYear">The window's last year, or <c>null</c>.</param>
/// <param name="Reason">Why <paramref name="Count"/> is null, or <c>null</c> when it is not.</param>
public sealed record CitationWindow(int? Count, int Years, int? FirstYear, int? LastYear, IndicatorNullReason? Reason) : IComputedIndicator;
