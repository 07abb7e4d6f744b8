using ScholarGraph.Graph.Index;

namespace ScholarGraph.Graph.Normalization;

/// <summary>
/// Association-strength normalisation of a co-occurrence graph (van Eck and Waltman 2009, "How to normalize
/// cooccurrence data? An analysis of some well-known similarity measures", JASIST 60(8):1635–1651), the
/// normalisation VOSviewer applies before mapping and clustering.
/// </summary>
public static class AssociationStrength
{
    /// <summary>
    /// Returns a graph with the same edges and weights <c>s_ij = c_ij / (w_i · w_j)</c>, where <c>c_ij</c> is the
    /// input weight and <c>w_i</c> the strength of node i (<see cref="CsrGraph.Strength"/>: its total co-occurrence
    /// weight). Raw counts favour items that are simply frequent; this measure divides by what frequency alone
    /// would predict.
    /// </summary>
    /// <param name="graph">An undirected co-occurrence graph (coauthorship, keyword or topic co-occurrence).</param>
    /// <param name="scaleByTotalWeight">
    /// <c>true</c> multiplies every weight by <c>2m = Σ_i w_i</c>, so that <c>s_ij = c_ij / (w_i·w_j / 2m)</c> is
    /// the ratio of observed to expected co-occurrence (1 = as often as chance predicts) and stays comparable
    /// across graphs of different sizes; default <c>false</c>, the plain formula.
    /// </param>
    /// <remarks>The new graph shares the input's offset and target arrays and adds only a weight array (4 bytes per stored entry).</remarks>
    public static CsrGraph Normalize(CsrGraph graph, bool scaleByTotalWeight = false)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.IsDirected)
        {
            throw new ArgumentException("Association strength is defined for undirected co-occurrence graphs.", nameof(graph));
        }

        var strength = new double[graph.NodeCount];
        for (var node = 0; node < strength.Length; node++)
        {
            strength[node] = graph.Strength(node);
        }

        var scale = scaleByTotalWeight ? 2 * graph.TotalWeight : 1.0;
        var offsets = graph.RowOffsets;
        var targets = graph.RowTargets;
        var weights = graph.RowWeights;
        var normalized = new float[weights.Length];
        for (var node = 0; node < strength.Length; node++)
        {
            for (var i = offsets[node]; i < offsets[node + 1]; i++)
            {
                normalized[i] = (float)(scale * weights[i] / (strength[node] * strength[targets[i]]));
            }
        }

        return new CsrGraph(offsets, targets, normalized, isDirected: false);
    }
}
