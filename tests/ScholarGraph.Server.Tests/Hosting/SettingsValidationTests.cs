using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScholarGraph.Server.Hosting;
using ScholarGraph.Server.Hosting.Configuration;
using ScholarGraph.Tests.Shared;

namespace ScholarGraph.Server.Tests.Hosting;

/// <summary>Every section is read one way (typed options validated at start); a bad value is refused with its key and reason.</summary>
public sealed class SettingsValidationTests
{
    // The server composed as Program composes it, with the given settings; validated as the start validates, never started.
    internal static IReadOnlyList<string>? ProblemsWith(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Database:Provider"] = "InMemory";
        builder.Configuration["Database:SeedOnStart"] = "false";
        foreach (var (key, value) in settings)
            builder.Configuration[key] = value;
        builder.Logging.ClearProviders();
        builder.AddScholarGraph();
        using var app = builder.Build();
        try
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            return null;
        }
        catch (Exception e)
        {
            return ConfigurationProblems.Describe(e) ?? throw new InvalidOperationException("not described as a settings problem", e);
        }
    }

    [Fact]
    public void The_default_settings_pass() => Assert.Null(ProblemsWith());

    [Theory]
    [InlineData("GraphIndex:MergeThreshold", "abc", "Configuration: GraphIndex:MergeThreshold is 'abc', which is not a whole number.")]
    [InlineData("GraphIndex:MergeThreshold", "0", "Configuration: GraphIndex:MergeThreshold must be at least 1")]
    [InlineData("Paging:MaxPageSize", "0", "Configuration: Paging:MaxPageSize must be at least 1")]
    [InlineData("Paging:DefaultPageSize", "80", "Configuration: Paging:DefaultPageSize (80) must not exceed MaxPageSize (50)")]
    [InlineData("Database:Provider", "Oracle", "Configuration: Database:Provider is 'Oracle', which is not one of Sqlite, InMemory, Postgres.")]
    // The shipped connection string is SQLite's: Postgres alone is refused before Npgsql would read the file name as a host.
    [InlineData("Database:Provider", "Postgres", "Configuration: Database:Provider 'Postgres' was given the SQLite connection string 'Data Source=data/scholargraph.db': set ConnectionStrings:ScholarGraph (or Database:ConnectionString) to one such as 'Host=127.0.0.1;Port=5432;Database=scholargraph;Username=scholargraph'")]
    [InlineData("Security:RequireAuthenticationForReads", "sometimes", "Configuration: Security:RequireAuthenticationForReads is 'sometimes', which is not true or false.")]
    [InlineData("Security:WriteScope", "", "Configuration: Security:WriteScope must name a scope")]
    [InlineData("GraphQLSubscriptions:BufferSize", "0", "Configuration: GraphQLSubscriptions:BufferSize must be at least 1")]
    [InlineData("GraphQLIde:SubscriptionProtocol", "sse", "Configuration: GraphQLIde:SubscriptionProtocol must be one of auto, graphql-transport-ws, graphql-ws, graphql-sse, not 'sse'")]
    [InlineData("Security:Jwt:Issuer", "https://issuer.example", "Configuration: Security:Jwt needs Issuer, Audience and SigningKey together (or none of them, which turns bearer tokens off)")]
    [InlineData("ConnectionStrings:ScholarGraphReplica", "Host=127.0.0.1;Port=5433", "Configuration: Database:ReplicaConnectionString is set, but a read replica needs Database:Provider 'Postgres' (it is 'InMemory'); remove ConnectionStrings:ScholarGraphReplica")]
    [InlineData("ReadReplica:ProbeInterval", "00:00:00", "Configuration: ReadReplica:ProbeInterval must be between 00:00:00.050 and 00:01:00")]
    [InlineData("ReadReplica:MaxLag", "00:00:10", "Configuration: ReadReplica:ReadYourWritesWindow (00:00:05) must be at least MaxLag plus two ProbeIntervals (00:00:12), or a caller may not read its own write")]
    public void A_bad_value_is_refused_naming_its_key_and_the_reason(string key, string value, string problem) =>
        Assert.Equal([problem], ProblemsWith((key, value)));

    [Fact]
    public void Every_problem_of_a_section_is_reported_at_once()
    {
        var problems = ProblemsWith(("Security:ApiKeys:0:Name", ""), ("Security:ApiKeys:0:Key", ""),
            ("Security:Jwt:Issuer", "i"), ("Security:Jwt:Audience", "a"), ("Security:Jwt:SigningKey", "short"));
        Assert.Equal([
            "Configuration: Security:ApiKeys:0:Name must not be empty: logs name the key's holder by it",
            "Configuration: Security:ApiKeys:0:Key must not be empty",
            "Configuration: Security:Jwt:SigningKey must be at least 32 characters (256 bits for HS256), not 5",
        ], problems);
    }

    [Fact]
    public void A_trusted_document_that_does_not_match_its_name_stops_the_start_with_one_line_naming_it()
    {
        using var folder = new TemporaryDirectory();
        Directory.CreateDirectory(folder.Path);
        var file = Path.Combine(folder.Path, new string('a', 64) + ".graphql");
        File.WriteAllText(file, "{ authors { totalCount } }");

        var problem = Assert.Single(ProblemsWith(("TrustedDocuments:Directory", folder.Path), ("TrustedDocuments:Mode", "TrustedOnly"))!);

        Assert.StartsWith($"Configuration: TrustedDocuments:Directory file '{file}' does not match its name: its content's SHA-256 is '", problem, StringComparison.Ordinal);
    }
}
