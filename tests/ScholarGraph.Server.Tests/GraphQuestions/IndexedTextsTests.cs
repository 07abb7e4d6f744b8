using ScholarGraph.Graph.Scholarly;
using ScholarGraph.Server.GraphQuestions.GraphIndex;

namespace ScholarGraph.Server.Tests.GraphQuestions;

/// <summary>The texts beside the graph index: placed by dense id whatever order they arrive in, overlaid by writes, UTF-8 kept exactly.</summary>
public sealed class IndexedTextsTests
{
    [Fact]
    public void Texts_read_in_any_order_are_found_by_key_and_dense_id_and_a_write_overlays_them()
    {
        var builder = new ScholarlyIndexBuilder();
        // Added out of key order: the build renumbers them by key.
        foreach (var key in new[] { "p4", "p2", "p3", "p1" })
            builder.AddPaper(key, null);
        var papers = builder.Build().Papers;
        int Id(string key) => papers.TryGetId(key, out var id) ? id : throw new KeyNotFoundException(key);

        var texts = new IndexedTexts.Builder();
        texts.Add("p3", "Tomás's «third» \U0001D504");
        texts.Add("p1", "");
        texts.Add("gone", "a key the index does not have");
        texts.Add("p2", new string('x', 70_000));
        var loaded = texts.Build(papers);

        Assert.True(loaded.TryGet("p3", Id("p3"), out var third));
        Assert.Equal("Tomás's «third» \U0001D504", third);
        Assert.True(loaded.TryGet("p1", Id("p1"), out var empty));
        Assert.Equal("", empty);
        Assert.True(loaded.TryGet("p2", Id("p2"), out var longOne));
        Assert.Equal(70_000, longOne.Length);
        Assert.False(loaded.TryGet("p4", Id("p4"), out _));
        Assert.False(loaded.HasChanges);
        // Every text added is held (the build adds texts only for the rows it adds, so none is lost in practice): 23 bytes of UTF-8
        // for the third title (á, « and » two each, the Fraktur letter four), 29 for the unknown key's, 8 bytes of offsets per paper.
        Assert.Equal(70_000 + 23 + 29 + 8 * 4, loaded.MemoryBytes);

        var written = loaded.With(new Dictionary<string, string> { ["p4"] = "added", ["p3"] = "renamed" });
        Assert.True(written.HasChanges);
        Assert.True(written.TryGet("p4", Id("p4"), out var added));
        Assert.Equal("added", added);
        Assert.True(written.TryGet("p3", Id("p3"), out var renamed));
        Assert.Equal("renamed", renamed);
        // The table written on is left as it was.
        Assert.True(loaded.TryGet("p3", Id("p3"), out var before));
        Assert.Equal(third, before);
        Assert.False(loaded.TryGet("p4", Id("p4"), out _));
    }
}
