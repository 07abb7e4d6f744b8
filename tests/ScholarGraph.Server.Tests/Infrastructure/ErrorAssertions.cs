using System.Text.Json;

namespace ScholarGraph.Server.Tests.Infrastructure;

/// <summary>Checks that bad client input is refused with one error, a stable code, a message that names it, and no data.</summary>
internal static class ErrorAssertions
{
    public static async Task AssertRefusedAsync(this ScholarGraphFactory server, string query, string field, string code, string message)
    {
        var response = await server.ExecuteAsync(query);
        var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains(message, error.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, response.GetProperty("data").GetProperty(field).ValueKind);
    }
}
