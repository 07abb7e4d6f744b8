using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Limits;

/// <summary>Posts operations to a test host as a GraphQL-over-HTTP client does, and reads what the limits answered.</summary>
internal static class LimitsTestRequests
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(
        this TransportTestHost host, string query, object? variables = null, string? cost = null, string? operationName = null)
    {
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables, operationName }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (cost is not null)
            request.Headers.Add("GraphQL-Cost", cost);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>The single error of <paramref name="body"/>, which must hold no data: a refused operation never ran.</summary>
    public static JsonElement SingleRefusal(this JsonElement body)
    {
        Assert.False(body.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null, $"A refused operation has data: {body}");
        return Assert.Single(body.GetProperty("errors").EnumerateArray());
    }

    public static string Code(this JsonElement error) => error.GetProperty("extensions").GetProperty("code").GetString()!;

    /// <summary>The <c>operationCost</c> extension as (fieldCost, typeCost).</summary>
    public static (double FieldCost, double TypeCost) OperationCost(this JsonElement body)
    {
        var cost = body.GetProperty("extensions").GetProperty("operationCost");
        return (cost.GetProperty("fieldCost").GetDouble(), cost.GetProperty("typeCost").GetDouble());
    }

    /// <summary>Asserts that <paramref name="error"/> names the setting, its value and the measured value, in the message and the extensions.</summary>
    public static void AssertNames(this JsonElement error, string code, string setting, double limit, double measured)
    {
        Assert.Equal(code, error.Code());
        var extensions = error.GetProperty("extensions");
        Assert.Equal(setting, extensions.GetProperty("setting").GetString());
        Assert.Equal(limit, extensions.GetProperty("limit").GetDouble());
        Assert.Equal(measured, extensions.GetProperty("measured").GetDouble());
        var message = error.GetProperty("message").GetString()!;
        Assert.Contains(setting, message, StringComparison.Ordinal);
        Assert.Contains(limit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), message, StringComparison.Ordinal);
        Assert.Contains(measured.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), message, StringComparison.Ordinal);
    }
}
