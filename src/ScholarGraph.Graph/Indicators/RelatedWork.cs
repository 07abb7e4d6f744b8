using ScholarGraph.Graph.Internal;
using ScholarGraph.Graph.Scholarly;

namespace ScholarGraph.Graph.Indicators;

/// <summary>What <see cref="RelatedWork"/> ranks related papers by.</summary>
public enum RelatednessMeasure
{
    /// <summary>Co-citation (Small 1973): the number of papers that cite both.</summary>
    CoCitation,

    /// <summary>Bibliographic coupling (Kessler 1963): the number of references both share.</summary>
    Coupling,

    /// <summary>Co-citations plus shared references (the default), as Connected Papers combines the two.</summary>
    Combined,
}

/// <summary>
/// Related work as Connected Papers derives it from the citation graph: the papers most similar to a paper by co-citation and
/// bibliographic coupling, the prior works that set cites most, and the derivative works that cite most of it.
/// </summary>
/// <remarks>
/// <para>
/// For papers f and g (g ≠ f): cocitation(f, g) = |{ c : c cites f and g }| (Small 1973, "Co-citation in the scientific literature",
/// JASIS 24(4)); coupling(f, g) = |R(f) ∩ R(g)|, shared references in the graph (Kessler 1963, "Bibliographic coupling between
/// scientific papers", American Documentation 14(1)); combined(f, g) = cocitation + coupling. All three are symmetric. The related
/// papers are those with a positive score under the chosen measure, highest first, then higher combined score, then lower id.
/// </para>
/// <para>
/// Prior works and derivative works (Connected Papers' "Prior works" and "Derivative works"): take the related set S, the first
/// <c>n</c> related papers (default <see cref="DefaultRelatedSetSize"/>); a prior work is a paper cited by members of S, ranked by
/// how many cite it; a derivative work is a paper citing members of S, ranked by how many it cites; then lower id. f itself is left
/// out of both; members of S may appear.
/// </para>
/// <para>
/// Costs what the two steps reach: O(Σ_{c cites f} |R(c)| + Σ_{r ∈ R(f)} c(r)) for <see cref="Related"/>, plus the references or
/// citing lists of S for the other two, with a pooled stamp array. Safe to call from many threads at once.
/// </para>
/// </remarks>
public static class RelatedWork
{
    /// <summary>The size of the related set prior and derivative works are drawn from when none is given (Connected Papers draws about 40).</summary>
    public const int DefaultRelatedSetSize = 40;

    /// <summary>The papers most related to <paramref name="paper"/> by <paramref name="by"/>, each with both counts.</summary>
    /// <param name="index">The index.</param>
    /// <param name="paper">A paper id.</param>
    /// <param name="limit">Largest number of papers; at least 0.</param>
    /// <param name="by">The measure ranked by; default <see cref="RelatednessMeasure.Combined"/>.</param>
    public static IReadOnlyList<RelatedPaper> Related(ScholarlyIndex index, int paper, int limit, RelatednessMeasure by = RelatednessMeasure.Combined)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var slots = NodeSlots.Rent(index.Papers.Count);
        List<int> papers = [], coCitations = [], couplings = [];
        try
        {
            int SlotOf(int other)
            {
                if (!slots.TryGet(other, out var slot))
                {
                    slot = papers.Count;
                    slots.Set(other, slot);
                    papers.Add(other);
                    coCitations.Add(0);
                    couplings.Add(0);
                }

                return slot;
            }

            foreach (var citing in index.CitedByOf(paper))
            {
                foreach (var other in index.ReferencesOf(citing))
                {
                    if (other != paper)
                    {
                        coCitations[SlotOf(other)]++;
                    }
                }
            }

            foreach (var reference in index.ReferencesOf(paper))
            {
                foreach (var other in index.CitedByOf(reference))
                {
                    if (other != paper)
                    {
                        couplings[SlotOf(other)]++;
                    }
                }
            }
        }
        finally
        {
            NodeSlots.Return(slots);
        }

        // The best `limit` by a bounded heap whose top is the worst kept: O(candidates · log limit), not a sort of every candidate.
        var ranking = Comparer<RelatedPaper>.Create((x, y) =>
        {
            var byScore = x.Score(by).CompareTo(y.Score(by));
            if (byScore != 0)
            {
                return byScore;
            }

            var byCombined = x.Combined.CompareTo(y.Combined);
            return byCombined != 0 ? byCombined : y.Paper.CompareTo(x.Paper);
        });
        var best = new PriorityQueue<RelatedPaper, RelatedPaper>(ranking);
        for (var i = 0; i < papers.Count && limit > 0; i++)
        {
            var candidate = new RelatedPaper(papers[i], coCitations[i], couplings[i]);
            if (candidate.Score(by) == 0)
            {
                continue;
            }

            if (best.Count < limit)
            {
                best.Enqueue(candidate, candidate);
            }
            else if (ranking.Compare(candidate, best.Peek()) > 0)
            {
                best.EnqueueDequeue(candidate, candidate);
            }
        }

        var ranked = new RelatedPaper[best.Count];
        for (var i = ranked.Length - 1; i >= 0; i--)
        {
            ranked[i] = best.Dequeue();
        }

        return ranked;
    }

    /// <summary>The papers the related set cites most (Connected Papers' prior works).</summary>
    /// <param name="index">The index.</param>
    /// <param name="paper">A paper id.</param>
    /// <param name="limit">Largest number of papers; at least 0.</param>
    /// <param name="relatedSetSize">How many related papers make the set, at least 1; default <see cref="DefaultRelatedSetSize"/>.</param>
    /// <param name="by">The measure the set is ranked by; default <see cref="RelatednessMeasure.Combined"/>.</param>
    public static RelatedSetWorks PriorWorks(ScholarlyIndex index, int paper, int limit, int relatedSetSize = DefaultRelatedSetSize,
        RelatednessMeasure by = RelatednessMeasure.Combined) =>
        Around(index, paper, limit, relatedSetSize, by, index.ReferencesOf);

    /// <summary>The papers that cite most of the related set (Connected Papers' derivative works).</summary>
    /// <param name="index">The index.</param>
    /// <param name="paper">A paper id.</param>
    /// <param name="limit">Largest number of papers; at least 0.</param>
    /// <param name="relatedSetSize">How many related papers make the set, at least 1; default <see cref="DefaultRelatedSetSize"/>.</param>
    /// <param name="by">The measure the set is ranked by; default <see cref="RelatednessMeasure.Combined"/>.</param>
    public static RelatedSetWorks DerivativeWorks(ScholarlyIndex index, int paper, int limit, int relatedSetSize = DefaultRelatedSetSize,
        RelatednessMeasure by = RelatednessMeasure.Combined) =>
        Around(index, paper, limit, relatedSetSize, by, index.CitedByOf);

    private delegate ReadOnlySpan<int> Links(int paper);

    private static RelatedSetWorks Around(ScholarlyIndex index, int paper, int limit, int relatedSetSize, RelatednessMeasure by, Links links)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfLessThan(relatedSetSize, 1);
        var set = Related(index, paper, relatedSetSize, by);
        var counts = new Dictionary<int, int>();
        foreach (var member in set)
        {
            foreach (var other in links(member.Paper))
            {
                if (other != paper)
                {
                    counts[other] = counts.GetValueOrDefault(other) + 1;
                }
            }
        }

        var works = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Take(limit)
            .Select(c => new RelatedSetWork(c.Key, c.Value, (double)c.Value / set.Count)).ToArray();
        return new RelatedSetWorks(set.Count, works);
    }
}

/// <summary>A paper related to another, with both counts.</summary>
/// <param name="Paper">The related paper's id.</param>
/// <param name="CoCitations">Papers citing both.</param>
/// <param name="Couplings">References both share.</param>
public readonly record struct RelatedPaper(int Paper, int CoCitations, int Couplings)
{
    /// <summary>Co-citations plus shared references.</summary>
    public int Combined => CoCitations + Couplings;

    /// <summary>The score under <paramref name="measure"/>.</summary>
    /// <param name="measure">The measure.</param>
    public int Score(RelatednessMeasure measure) => measure switch
    {
        RelatednessMeasure.CoCitation => CoCitations,
        RelatednessMeasure.Coupling => Couplings,
        _ => Combined,
    };
}

/// <summary>Prior or derivative works of a paper, with the size of the related set they were drawn from.</summary>
/// <param name="RelatedSetSize">Papers in the related set (at most the size asked for).</param>
/// <param name="Works">The works, most connected to the set first.</param>
public sealed record RelatedSetWorks(int RelatedSetSize, IReadOnlyList<RelatedSetWork> Works);

/// <summary>A prior or derivative work.</summary>
/// <param name="Paper">The paper's id.</param>
/// <param name="Count">Members of the related set that cite it (prior work), or that it cites (derivative work).</param>
/// <param name="Share">That count over the size of the set.</param>
public readonly record struct RelatedSetWork(int Paper, int Count, double Share);
