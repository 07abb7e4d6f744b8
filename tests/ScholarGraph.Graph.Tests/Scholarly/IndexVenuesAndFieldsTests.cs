using ScholarGraph.Graph.Scholarly;
using ScholarGraph.Graph.Tests.Fixtures;

namespace ScholarGraph.Graph.Tests.Scholarly;

/// <summary>What the index keeps for the indicators: venues, primary topics, the topic hierarchy's fields, and citing lists.</summary>
public sealed class IndexVenuesAndFieldsTests
{
    [Fact]
    public void Papers_keep_their_venue_and_their_highest_scored_topic()
    {
        var index = new PaperGraph()
            .Paper("a", 2000, venue: "journal", topics: [("t2", 0.5), ("t1", 0.9)])
            .Paper("b", 2001, topics: [("t1", 0.5), ("t2", 0.5)])
            .Paper("c", 2002, venue: "journal")
            .Build();
        Assert.Equal(index.Venue("journal"), index.VenueOf(index.Paper("a")));
        Assert.Equal(ScholarlyIndex.None, index.VenueOf(index.Paper("b")));
        Assert.Equal(index.Topic("t1"), index.PrimaryTopicOf(index.Paper("a")));
        // A tie goes to the lower id, the key that sorts first: t1, though t2 was met first.
        Assert.Equal(index.Topic("t1"), index.PrimaryTopicOf(index.Paper("b")));
        Assert.Equal(ScholarlyIndex.None, index.PrimaryTopicOf(index.Paper("c")));
        Assert.Equal(1, index.Venues.Count);
    }

    [Fact]
    public void A_topics_field_is_its_nearest_ancestor_marked_as_one_or_itself()
    {
        var index = new PaperGraph()
            .Topic("domain").Topic("field", "domain", isField: true).Topic("subfield", "field").Topic("topic", "subfield")
            .Topic("loose").Topic("under-domain", "domain")
            .Build();
        Assert.Equal(index.Topic("field"), index.FieldOf(index.Topic("topic")));
        Assert.Equal(index.Topic("field"), index.FieldOf(index.Topic("subfield")));
        Assert.Equal(index.Topic("field"), index.FieldOf(index.Topic("field")));
        Assert.Equal(index.Topic("loose"), index.FieldOf(index.Topic("loose")));
        Assert.Equal(index.Topic("under-domain"), index.FieldOf(index.Topic("under-domain")));
        Assert.Equal(index.Topic("domain"), index.FieldOf(index.Topic("domain")));
        Assert.Equal(index.Topic("subfield"), index.ParentOf(index.Topic("topic")));
        Assert.Equal(ScholarlyIndex.None, index.ParentOf(index.Topic("domain")));
    }

    [Fact]
    public void A_cycle_of_parents_ends_the_walk()
    {
        var index = new PaperGraph().Topic("x", "y").Topic("y", "x").Build();
        Assert.Equal(index.Topic("x"), index.FieldOf(index.Topic("x")));
    }

    [Fact]
    public void Writes_keep_citing_lists_and_venues_current()
    {
        var index = new PaperGraph().Paper("old", 2000, venue: "v1").Paper("citing", 2001, ["old"]).Build();
        index = index.WithPapers([new PaperRows("new", new DateOnly(2002, 1, 1), [], [], ["old"], "v2"),
            new PaperRows("citing", new DateOnly(2001, 1, 1), [], [], [])], []);
        Assert.Equal([index.Paper("new")], index.CitedByOf(index.Paper("old")).ToArray());
        Assert.Equal(1, index.CitationCount(index.Paper("old")));
        Assert.Equal("v2", index.Venues.KeyOf(index.VenueOf(index.Paper("new"))));
        Assert.Equal("v1", index.Venues.KeyOf(index.VenueOf(index.Paper("old"))));
    }
}
