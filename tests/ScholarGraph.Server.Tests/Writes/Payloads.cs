using System.Text.Json;

namespace ScholarGraph.Server.Tests.Writes;

/// <summary>Reading mutation payloads: the changed object, or the typed errors.</summary>
internal static class Payloads
{
    private static readonly Dictionary<string, string> ErrorFields = new()
    {
        ["ValidationError"] = "path",
        ["AuthorNotFoundError"] = "id path",
        ["PaperNotFoundError"] = "id path",
        ["InstitutionNotFoundError"] = "id path",
        ["TopicNotFoundError"] = "id path",
        ["DuplicatePaperError"] = "field existingPaper { id }",
        ["DuplicateAuthorError"] = "field existingAuthor { id }",
        ["DuplicateInstitutionError"] = "field existingInstitution { id }",
        ["DuplicateTopicError"] = "field existingTopic { id }",
        ["DuplicateCitationError"] = "",
        ["CitationNotFoundError"] = "",
    };

    /// <summary>Selects every error's type and message, and the fields particular to each of <paramref name="members"/> (the union's types).</summary>
    public static string Errors(params string[] members) =>
        "errors { __typename ... on Error { message } "
        + string.Concat(members.Where(m => ErrorFields[m].Length > 0).Select(m => $"... on {m} {{ {ErrorFields[m]} }} "))
        + "}";

    /// <summary>Asserts the payload reports exactly one error, of type <paramref name="typeName"/>, and no object; returns the error.</summary>
    public static JsonElement SingleError(JsonElement payload, string resultField, string typeName)
    {
        Assert.Equal(JsonValueKind.Null, payload.GetProperty(resultField).ValueKind);
        var error = Assert.Single(payload.GetProperty("errors").EnumerateArray());
        Assert.Equal(typeName, error.GetProperty("__typename").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        return error;
    }

    /// <summary>Asserts the payload has no errors and returns its object.</summary>
    public static JsonElement Success(JsonElement payload, string resultField)
    {
        Assert.True(payload.GetProperty("errors").ValueKind == JsonValueKind.Null, $"Unexpected errors: {payload}");
        return payload.GetProperty(resultField);
    }

    /// <summary>The error's path as one dotted string.</summary>
    public static string PathOf(JsonElement error) => string.Join('.', error.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
}
