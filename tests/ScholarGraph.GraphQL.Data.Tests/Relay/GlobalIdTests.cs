using ScholarGraph.GraphQL.Data.Relay;

namespace ScholarGraph.GraphQL.Data.Tests.Relay;

public sealed class GlobalIdTests
{
    [Fact]
    public void An_id_is_base64_of_type_and_key_as_Hot_Chocolate_makes_it_and_round_trips()
    {
        var id = GlobalId.Encode("Author", "devvrit-khatri");
        Assert.Equal("QXV0aG9yOmRldnZyaXQta2hhdHJp", id);
        Assert.True(GlobalId.TryDecode(id, out var type, out var key));
        Assert.Equal(("Author", "devvrit-khatri"), (type, key));
    }

    [Fact]
    public void A_key_may_contain_colons()
    {
        Assert.True(GlobalId.TryDecode(GlobalId.Encode("Paper", "openalex:W1"), out var type, out var key));
        Assert.Equal(("Paper", "openalex:W1"), (type, key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("%%%")]
    [InlineData("bm9jb2xvbg==")] // "nocolon"
    [InlineData("OmtleQ==")] // ":key"
    [InlineData("QXV0aG9yOg==")] // "Author:"
    public void Malformed_ids_are_refused(string id) => Assert.False(GlobalId.TryDecode(id, out _, out _));
}
