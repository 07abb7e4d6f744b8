using System.Text;
using System.Text.Json;
using ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Http;

/// <summary>"Did you mean ...?" suggestions name the schema's fields to strangers: outside Development they are dropped unless asked for.</summary>
public sealed class SuggestionTests
{
    [Theory]
    [InlineData(null, false)] // the test host runs as Production
    [InlineData("false", false)]
    [InlineData("true", true)]
    public async Task A_misspelled_field_is_refused_with_a_suggestion_only_where_suggestions_are_on(string? enable, bool suggested)
    {
        await using var host = await TransportTestHost.StartAsync(settings: enable is null
            ? null
            : new Dictionary<string, string?> { ["GraphQLHttp:EnableSuggestions"] = enable });
        using var client = host.CreateClient();
        using var response = await client.PostAsync("/graphql",
            new StringContent(JsonSerializer.Serialize(new { query = "{ helo }" }), Encoding.UTF8, "application/json"));
        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0].GetProperty("message").GetString()!;

        Assert.Contains("helo", message, StringComparison.Ordinal);
        Assert.Equal(suggested, message.Contains("Did you mean", StringComparison.Ordinal));
    }
}
