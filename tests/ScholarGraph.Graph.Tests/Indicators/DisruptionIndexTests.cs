using ScholarGraph.Graph.Indicators;
using ScholarGraph.Graph.Scholarly;
using ScholarGraph.Graph.Tests.Fixtures;

namespace ScholarGraph.Graph.Tests.Indicators;

/// <summary>
/// The CD index on hand-made graphs: focal paper F (2000) cites R1 and R2 (1990); the later papers decide each count. Every case
/// of Funk and Owen-Smith's definition, and the three nulls.
/// </summary>
public sealed class DisruptionIndexTests
{
    private static PaperGraph Focal() => new PaperGraph()
        .Paper("R1", 1990).Paper("R2", 1990)
        .Paper("F", 2000, ["R1", "R2"]);

    private static Disruption CdOfF(PaperGraph graph, int window = DisruptionIndex.DefaultWindowYears)
    {
        var index = graph.Build();
        return DisruptionIndex.Compute(index, index.Paper("F"), window);
    }

    private static void AssertCounts(Disruption cd, int ni, int nj, int nk, double value)
    {
        Assert.Equal((ni, nj, nk), (cd.NI, cd.NJ, cd.NK));
        Assert.Null(cd.Reason);
        Assert.Equal(value, cd.Value!.Value, 12);
    }

    [Fact]
    public void Papers_citing_only_the_focal_paper_make_it_disruptive()
    {
        // The focal paper cites R1 and R2 itself and lies in its own window, but it is not one of the later papers.
        var cd = CdOfF(Focal().Paper("A", 2001, ["F"]).Paper("B", 2003, ["F"]));
        AssertCounts(cd, ni: 2, nj: 0, nk: 0, value: 1);
    }

    [Fact]
    public void Papers_citing_the_focal_paper_with_its_references_make_it_consolidating()
    {
        var cd = CdOfF(Focal().Paper("A", 2001, ["F", "R1"]).Paper("B", 2002, ["F", "R1", "R2"]));
        AssertCounts(cd, ni: 0, nj: 2, nk: 0, value: -1);
    }

    [Fact]
    public void Papers_citing_only_the_references_give_zero()
    {
        // Citing two references still makes one paper of n_k.
        var cd = CdOfF(Focal().Paper("C", 2001, ["R1"]).Paper("D", 2004, ["R1", "R2"]));
        AssertCounts(cd, ni: 0, nj: 0, nk: 2, value: 0);
    }

    [Fact]
    public void A_mix_of_all_three_kinds()
    {
        // n_i: A, D; n_j: B; n_k: C, E. CD = (2 - 1) / (2 + 1 + 2) = 0.2.
        var cd = CdOfF(Focal()
            .Paper("A", 2001, ["F"]).Paper("B", 2001, ["F", "R2"]).Paper("C", 2001, ["R1"])
            .Paper("D", 2002, ["F"]).Paper("E", 2003, ["R2", "R1"]));
        AssertCounts(cd, ni: 2, nj: 1, nk: 2, value: 0.2);
    }

    [Fact]
    public void Citing_only_the_focal_paper_and_only_the_references_mix_without_consolidation()
    {
        // n_i = 1, n_k = 3: (1 - 0) / 4.
        var cd = CdOfF(Focal().Paper("A", 2000, ["F"]).Paper("C1", 2001, ["R1"]).Paper("C2", 2002, ["R2"]).Paper("C3", 2005, ["R1"]));
        AssertCounts(cd, ni: 1, nj: 0, nk: 3, value: 0.25);
    }

    [Fact]
    public void Consolidating_and_referencing_papers_without_disruption()
    {
        // n_j = 2, n_k = 2: (0 - 2) / 4.
        var cd = CdOfF(Focal().Paper("B1", 2001, ["F", "R1"]).Paper("B2", 2001, ["F", "R2"]).Paper("C1", 2002, ["R1"]).Paper("C2", 2002, ["R2"]));
        AssertCounts(cd, ni: 0, nj: 2, nk: 2, value: -0.5);
    }

    [Fact]
    public void Only_papers_from_the_focal_year_to_t_years_after_it_count()
    {
        var graph = Focal()
            .Paper("Before", 1995, ["R1"])      // before the focal year: never counted
            .Paper("Inside", 2005, ["F"])       // the last year of a 5-year window
            .Paper("After", 2006, ["F", "R1"])  // one year too late for t = 5
            .Paper("Undated", null, ["F"]);     // no year, never in a window
        AssertCounts(CdOfF(graph), ni: 1, nj: 0, nk: 0, value: 1);
        AssertCounts(CdOfF(graph, window: 6), ni: 1, nj: 1, nk: 0, value: 0);
        Assert.Equal(IndicatorNullReason.NoCitationsInWindow, CdOfF(graph, window: 4).Reason);
    }

    [Fact]
    public void A_paper_without_a_year_has_no_value()
    {
        var index = new PaperGraph().Paper("R", 1990).Paper("F", null, ["R"]).Paper("A", 2001, ["F"]).Build();
        var cd = DisruptionIndex.Compute(index, index.Paper("F"));
        Assert.Null(cd.Value);
        Assert.Equal(IndicatorNullReason.NoPublicationYear, cd.Reason);
    }

    [Fact]
    public void A_paper_without_references_in_the_graph_has_no_value()
    {
        var index = new PaperGraph().Paper("F", 2000).Paper("A", 2001, ["F"]).Build();
        var cd = DisruptionIndex.Compute(index, index.Paper("F"));
        Assert.Null(cd.Value);
        Assert.Equal(IndicatorNullReason.NoReferencesInGraph, cd.Reason);
        Assert.Equal((0, 0, 0), (cd.NI, cd.NJ, cd.NK));
    }

    [Fact]
    public void A_paper_whose_window_is_empty_has_no_value()
    {
        var cd = CdOfF(Focal());
        Assert.Null(cd.Value);
        Assert.Equal(IndicatorNullReason.NoCitationsInWindow, cd.Reason);
        Assert.Equal(5, cd.WindowYears);
    }

    [Fact]
    public void A_negative_window_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CdOfF(Focal(), window: -1));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void On_random_graphs_the_index_lies_in_minus_one_to_one_and_matches_the_definition_read_literally(int seed)
    {
        var index = RandomCitationGraphs.Build(RandomCitationGraphs.Papers(600, seed));
        var valued = 0;
        for (var paper = 0; paper < index.Papers.Count; paper++)
        {
            foreach (var window in new[] { 0, 5, 10 })
            {
                var cd = DisruptionIndex.Compute(index, paper, window);
                var (ni, nj, nk, value) = Literally(index, paper, window);
                Assert.Equal((ni, nj, nk), (cd.NI, cd.NJ, cd.NK));
                Assert.Equal(value, cd.Value);
                if (cd.Value is { } v)
                {
                    Assert.InRange(v, -1, 1);
                    valued++;
                }
                else
                {
                    Assert.NotNull(cd.Reason);
                }
            }
        }

        Assert.True(valued > 300, $"only {valued} values");
    }

    // The definition with sets, over every paper of the graph.
    private static (int, int, int, double?) Literally(ScholarlyIndex index, int focal, int window)
    {
        if (index.PublicationYear(focal) is not { } year || index.ReferencesOf(focal).IsEmpty)
            return (0, 0, 0, null);
        var references = index.ReferencesOf(focal).ToArray().ToHashSet();
        int ni = 0, nj = 0, nk = 0;
        for (var paper = 0; paper < index.Papers.Count; paper++)
        {
            if (paper == focal || index.PublicationYear(paper) is not { } y || y < year || y > year + window)
                continue;
            var cites = index.ReferencesOf(paper).ToArray();
            var citesFocal = cites.Contains(focal);
            var citesReference = cites.Any(references.Contains);
            if (citesFocal && !citesReference)
                ni++;
            else if (citesFocal)
                nj++;
            else if (citesReference)
                nk++;
        }

        var total = ni + nj + nk;
        return total == 0 ? (0, 0, 0, null) : (ni, nj, nk, (double)(ni - nj) / total);
    }
}
