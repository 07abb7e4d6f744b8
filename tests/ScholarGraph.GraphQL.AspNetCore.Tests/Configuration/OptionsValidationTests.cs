using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ScholarGraph.GraphQL.AspNetCore.Documents;
using ScholarGraph.GraphQL.AspNetCore.Http;
using ScholarGraph.GraphQL.AspNetCore.Ide;
using ScholarGraph.GraphQL.AspNetCore.Limits;
using ScholarGraph.GraphQL.AspNetCore.Streaming;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Configuration;

/// <summary>The library's sections are validated at start; a bad value is refused as <c>Section:Member reason</c>.</summary>
public sealed class OptionsValidationTests
{
    // Registered as an app registers them, then validated as the host's start validates.
    private static IReadOnlyList<string>? FailuresWith(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        using var services = new ServiceCollection().AddGraphQLHttp(configuration).AddGraphQLIde(configuration).BuildServiceProvider();
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return null;
        }
        catch (OptionsValidationException e)
        {
            return [.. e.Failures];
        }
    }

    [Fact]
    public void The_defaults_pass() => Assert.Null(FailuresWith());

    [Fact]
    public void The_defaults_are_those_documented()
    {
        var http = new GraphQLHttpOptions();
        var subscriptions = new GraphQLSubscriptionOptions();
        var ide = new GraphQLIdeOptions();
        var trusted = new TrustedDocumentOptions();

        Assert.Equal((true, 1_000_000L), (http.EnableDocumentCache, http.DocumentCacheSizeLimit));
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15), 100, 1 << 20),
            (subscriptions.ConnectionInitTimeout, subscriptions.KeepAliveInterval, subscriptions.BufferSize, subscriptions.MaxMessageSize));
        Assert.Equal((true, "GraphQL", "graphql-transport-ws", (string?)null), (ide.Enabled, ide.Title, ide.SubscriptionProtocol, ide.FilesPath));
        Assert.Equal(((string?)null, TrustedDocumentMode.Off, true, 1_000_000L),
            (trusted.Directory, trusted.Mode, trusted.EnableAutomaticPersistedQueries, trusted.AutomaticPersistedQueryCacheSizeLimit));
        Assert.Equal(new Dictionary<string, int>
        {
            ["HC0020"] = 404, ["HC0067"] = 403, ["PERSISTED_DOCUMENT_INVALID_ID"] = 400, ["PERSISTED_QUERY_HASH_MISMATCH"] = 400,
            ["PERSISTED_QUERY_NOT_FOUND"] = 200, ["PERSISTED_QUERY_NOT_SUPPORTED"] = 200,
        }, http.StatusCodesByErrorCode);
    }

    [Fact]
    public void The_limits_default_to_graphql_armor_s_or_stricter_as_documented()
    {
        var limits = new GraphQLLimitsOptions();
        Assert.Equal((6, 15, 50, 1000), (limits.MaxDepth, limits.MaxAliases, limits.MaxDirectives, limits.MaxTokens));
        Assert.Equal((5000d, 5000d, 10_000, TimeSpan.FromSeconds(30)), (limits.MaxFieldCost, limits.MaxTypeCost, limits.MaxStringLength, limits.ExecutionTimeout));
    }

    [Theory]
    [InlineData("GraphQLHttp:DocumentCacheSizeLimit", "0", "GraphQLHttp:DocumentCacheSizeLimit must be at least 1")]
    [InlineData("GraphQLSubscriptions:BufferSize", "0", "GraphQLSubscriptions:BufferSize must be at least 1")]
    [InlineData("GraphQLSubscriptions:MaxMessageSize", "-1", "GraphQLSubscriptions:MaxMessageSize must be at least 1")]
    [InlineData("GraphQLSubscriptions:ConnectionInitTimeout", "00:00:00", "GraphQLSubscriptions:ConnectionInitTimeout must be longer than zero, not 00:00:00")]
    [InlineData("GraphQLSubscriptions:KeepAliveInterval", "-00:00:01", "GraphQLSubscriptions:KeepAliveInterval must not be negative (zero turns keep-alives off), not -00:00:01")]
    [InlineData("GraphQLIde:Title", "", "GraphQLIde:Title must not be empty")]
    [InlineData("TrustedDocuments:AutomaticPersistedQueryCacheSizeLimit", "0", "TrustedDocuments:AutomaticPersistedQueryCacheSizeLimit must be at least 1")]
    [InlineData("GraphQLLimits:MaxDepth", "0", "GraphQLLimits:MaxDepth must be at least 1")]
    [InlineData("GraphQLLimits:MaxAliases", "-1", "GraphQLLimits:MaxAliases must not be negative")]
    [InlineData("GraphQLLimits:MaxDirectives", "-1", "GraphQLLimits:MaxDirectives must not be negative")]
    [InlineData("GraphQLLimits:MaxTokens", "0", "GraphQLLimits:MaxTokens must be at least 1")]
    [InlineData("GraphQLLimits:MaxFieldCost", "-1", "GraphQLLimits:MaxFieldCost must not be negative")]
    [InlineData("GraphQLLimits:MaxTypeCost", "-0.5", "GraphQLLimits:MaxTypeCost must not be negative")]
    [InlineData("GraphQLLimits:MaxStringLength", "0", "GraphQLLimits:MaxStringLength must be at least 1")]
    [InlineData("GraphQLLimits:ExecutionTimeout", "00:00:00", "GraphQLLimits:ExecutionTimeout must be longer than zero, not 00:00:00")]
    [InlineData("GraphQLIde:SubscriptionProtocol", "carrier-pigeon", "GraphQLIde:SubscriptionProtocol must be one of auto, graphql-transport-ws, graphql-ws, graphql-sse, not 'carrier-pigeon'")]
    public void A_bad_value_is_refused_naming_its_key_and_the_reason(string key, string value, string failure) =>
        Assert.Equal([failure], FailuresWith((key, value)));

    [Fact]
    public void Zero_keep_alive_is_allowed_as_off() => Assert.Null(FailuresWith(("GraphQLSubscriptions:KeepAliveInterval", "00:00:00")));
}
