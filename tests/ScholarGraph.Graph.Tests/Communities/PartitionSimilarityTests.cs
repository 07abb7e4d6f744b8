using ScholarGraph.Graph.Communities;

namespace ScholarGraph.Graph.Tests.Communities;

public class PartitionSimilarityTests
{
    [Fact]
    public void Identical_partitions_under_other_labels_score_one()
    {
        Assert.Equal(1.0, PartitionSimilarity.AdjustedRandIndex([0, 0, 1, 1, 2], [7, 7, 3, 3, 9]), 12);
    }

    [Fact]
    public void Hand_computed_example_scores_four_sevenths()
    {
        // Contingency pairs 1, row pairs 1, column pairs 2, expected 2/6: (1 − 1/3) / (3/2 − 1/3) = 4/7.
        Assert.Equal(4.0 / 7, PartitionSimilarity.AdjustedRandIndex([0, 0, 1, 2], [0, 0, 1, 1]), 12);
    }

    [Fact]
    public void Crossed_partitions_score_below_chance()
    {
        Assert.Equal(-0.5, PartitionSimilarity.AdjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1]), 12);
    }

    [Fact]
    public void Is_symmetric()
    {
        int[] first = [0, 0, 1, 1, 1, 2, 2, 0], second = [1, 1, 1, 0, 0, 2, 2, 2];

        Assert.Equal(PartitionSimilarity.AdjustedRandIndex(first, second), PartitionSimilarity.AdjustedRandIndex(second, first), 12);
    }

    [Fact]
    public void Different_lengths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => PartitionSimilarity.AdjustedRandIndex([0, 1], [0]));
    }
}
