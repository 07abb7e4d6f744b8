using ScholarGraph.Server.Writes.Changes;
using ScholarGraph.Server.Writes.Changes.Instances;

namespace ScholarGraph.Server.Tests.Writes.Instances;

/// <summary>The change log carries every kind of change to other instances and back unchanged.</summary>
public sealed class GraphChangeJsonTests
{
    [Fact]
    public void Every_kind_of_change_reads_back_as_it_was_written()
    {
        var kinds = typeof(GraphChange).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(GraphChange)) && !t.IsAbstract).ToList();
        List<GraphChange> changes =
        [
            new PaperAdded("p1", ["a1", "a2"], ["t1"]), new PaperUpdated("p1"), new PaperRemoved("p2"), new AuthorAdded("a3"),
            new AuthorUpdated("a1"), new AuthorRemoved("a4"), new AuthorsMerged("a1", "a5"), new CoauthorshipAdded("a1", "a2", "p1"),
            new CitationAdded("p1", "p3"), new CitationRemoved("p1", "p4"), new InstitutionAdded("i1"), new TopicAdded("t2"), new BulkChange("import"),
        ];
        Assert.Equal(kinds.OrderBy(k => k.Name), changes.Select(c => c.GetType()).OrderBy(k => k.Name));

        var read = GraphChangeJson.Deserialize(GraphChangeJson.Serialize(changes));

        Assert.Equal(changes.Count, read.Count);
        for (var i = 0; i < changes.Count; i++)
        {
            Assert.Equal(changes[i].GetType(), read[i].GetType());
            // Records compare lists by reference, so compare their JSON.
            Assert.Equal(GraphChangeJson.Serialize([changes[i]]), GraphChangeJson.Serialize([read[i]]));
        }
    }

    [Theory]
    [InlineData("""[{"kind":"paperRenamed","paperId":"p1"}]""")]
    [InlineData("not json")]
    public void A_change_this_version_cannot_read_becomes_a_full_rebuild(string json)
    {
        var read = Assert.Single(GraphChangeJson.Deserialize(json));
        Assert.IsType<BulkChange>(read);
    }
}
