using ScholarGraph.GraphQL.Data.Mutations;

namespace ScholarGraph.GraphQL.Data.Tests.Mutations;

public sealed class MutationInputTests
{
    private static MutationInput Input() => new("input", new Dictionary<string, object?>
    {
        ["name"] = "  Ada  ",
        ["category"] = null,
        ["authors"] = new List<object?>
        {
            new Dictionary<string, object?> { ["name"] = "First" },
            new Dictionary<string, object?> { ["authorId"] = "QXV0aG9yOng=" },
        },
    });

    [Fact]
    public void A_field_left_out_differs_from_a_field_given_as_null()
    {
        var input = Input();
        Assert.True(input.Has("category"));
        Assert.Null(input.Text("category"));
        Assert.False(input.Has("orcid"));
        Assert.Equal("Ada", input.Text("name"));

        var applied = new List<string?>();
        input.IfGiven("category", applied.Add);
        input.IfGiven("orcid", applied.Add);
        Assert.Equal([null], applied);
    }

    [Fact]
    public void Nested_objects_report_errors_with_their_full_path_into_the_one_list_of_the_argument()
    {
        var input = Input();
        var authors = input.Objects("authors");
        Assert.Equal(["input", "authors", "1"], authors[1].Path);
        authors[1].Invalid("authorId", "names no author");
        input.Invalid("keywords", "must not be empty", index: 2);

        var errors = Assert.Throws<MutationErrorsException>(input.ThrowIfInvalid).Errors.Cast<ValidationError>().ToList();
        Assert.Equal([["input", "authors", "1", "authorId"], ["input", "keywords", "2"]], errors.Select(e => e.Path));
        Assert.Equal("input.authors.1.authorId: names no author", errors[0].Message);
    }

    [Fact]
    public void Without_errors_ThrowIfInvalid_does_nothing()
    {
        var input = Input();
        input.ThrowIfInvalid();
        Assert.Empty(input.Errors);
    }
}
