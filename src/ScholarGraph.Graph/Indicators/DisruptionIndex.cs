using ScholarGraph.Graph.Internal;
using ScholarGraph.Graph.Scholarly;

namespace ScholarGraph.Graph.Indicators;

/// <summary>
/// The CD index of Funk and Owen-Smith (2017), "A dynamic network measure of technological change" (Management Science 63(3)),
/// as Park, Leahey and Funk (2023), "Papers and patents are becoming less disruptive over time" (Nature 613), compute it for papers:
/// whether the work that follows a paper cites it alone (it disrupts) or together with what it builds on (it consolidates).
/// </summary>
/// <remarks>
/// <para>
/// For a focal paper f published in year y with references R (those in the graph), among the papers published from y to y + t
/// (f itself excluded): n_i cite f and none of R, n_j cite f and at least one of R, n_k cite at least one of R but not f;
/// CD_t = (n_i − n_j) / (n_i + n_j + n_k), between −1 (consolidating) and 1 (disruptive). Papers without a date never count.
/// Null with <see cref="IndicatorNullReason.NoPublicationYear"/> when f has no date, <see cref="IndicatorNullReason.NoReferencesInGraph"/>
/// when R is empty, and <see cref="IndicatorNullReason.NoCitationsInWindow"/> when all three counts are 0.
/// </para>
/// <para>
/// Costs the citing lists of f and of its references, O(c(f) + Σ_{r ∈ R} c(r)), with a pooled stamp array (no allocation per call
/// beyond the first on a thread). Safe to call from many threads at once.
/// </para>
/// </remarks>
public static class DisruptionIndex
{
    /// <summary>The window t when none is given, in years after the publication year, as Park, Leahey and Funk use (CD_5).</summary>
    public const int DefaultWindowYears = 5;

    /// <summary>The CD index of <paramref name="paper"/> with its counts.</summary>
    /// <param name="index">The index.</param>
    /// <param name="paper">The focal paper's id.</param>
    /// <param name="windowYears">t, years after the publication year the window reaches, at least 0; default <see cref="DefaultWindowYears"/>.</param>
    public static Disruption Compute(ScholarlyIndex index, int paper, int windowYears = DefaultWindowYears)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfNegative(windowYears);
        if (index.PublicationYear(paper) is not { } year)
        {
            return new Disruption(null, 0, 0, 0, windowYears, IndicatorNullReason.NoPublicationYear);
        }

        var references = index.ReferencesOf(paper);
        if (references.IsEmpty)
        {
            return new Disruption(null, 0, 0, 0, windowYears, IndicatorNullReason.NoReferencesInGraph);
        }

        bool InWindow(int citing) => citing != paper && index.PublicationYear(citing) is { } y && y >= year && y <= year + windowYears;

        var citingReferences = NodeSlots.Rent(index.Papers.Count);
        try
        {
            // Every paper in the window citing a reference, once.
            var citingAnyReference = 0;
            foreach (var reference in references)
            {
                foreach (var citing in index.CitedByOf(reference))
                {
                    if (!citingReferences.TryGet(citing, out _) && InWindow(citing))
                    {
                        citingReferences.Set(citing, 0);
                        citingAnyReference++;
                    }
                }
            }

            int ni = 0, nj = 0;
            foreach (var citing in index.CitedByOf(paper))
            {
                if (!InWindow(citing))
                {
                    continue;
                }

                if (citingReferences.TryGet(citing, out _))
                {
                    nj++;
                }
                else
                {
                    ni++;
                }
            }

            var nk = citingAnyReference - nj;
            var total = ni + nj + nk;
            return total == 0
                ? new Disruption(null, 0, 0, 0, windowYears, IndicatorNullReason.NoCitationsInWindow)
                : new Disruption((double)(ni - nj) / total, ni, nj, nk, windowYears, null);
        }
        finally
        {
            NodeSlots.Return(citingReferences);
        }
    }
}

/// <summary>A paper's CD index with the counts it comes from.</summary>
/// <param name="Value">(n_i − n_j) / (n_i + n_j + n_k), from −1 to 1, or <c>null</c> (see <paramref name="Reason"/>).</param>
/// <param name="NI">n_i: papers in the window citing the paper and none of its references.</param>
/// <param name="NJ">n_j: papers in the window citing the paper and at least one of its references.</param>
/// <param name="NK">n_k: papers in the window citing at least one of its references but not the paper.</param>
/// <param name="WindowYears">t, years after the publication year the window reaches.</param>
/// <param name="Reason">Why <paramref name="Value"/> is null, or <c>null</c> when it is not.</param>
public sealed record Disruption(double? Value, int NI, int NJ, int NK, int WindowYears, IndicatorNullReason? Reason) : IComputedIndicator;
