using Microsoft.Extensions.Options;
using ScholarGraph.GraphQL.AspNetCore;
using ScholarGraph.GraphQL.AspNetCore.Ide;
using ScholarGraph.Server.Writes.Changes;
using ScholarGraph.Server.Writes.Changes.Instances;
using ScholarGraph.Server.GraphQuestions.GraphIndex;
using ScholarGraph.GraphQL.AspNetCore.Configuration;
using ScholarGraph.Server.Hosting.Configuration;
using ScholarGraph.Server.Hosting.Cors;
using ScholarGraph.Server.Hosting.Observability;
using ScholarGraph.Server.Hosting.RateLimiting;
using ScholarGraph.Server.Hosting.ReadReplicas;
using ScholarGraph.Server.Schema;
using ScholarGraph.Server.Hosting.Security;
using ScholarGraph.Server.Pages;
using ScholarGraph.Server.Writes.Subscriptions;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Seeding;

namespace ScholarGraph.Server.Hosting;

/// <summary>Composes the server from its features; <c>Program.cs</c> calls these and nothing else.</summary>
public static class ScholarGraphHostingExtensions
{
    /// <summary>Where the GraphQL endpoint (HTTP, WebSocket, SSE, <c>?sdl</c>) and the IDE are served.</summary>
    public const string GraphQLPath = "/graphql";

    /// <summary>
    /// Creates the app's builder with the settings shipped beside the binary (<c>appsettings.json</c>) as the lowest layer under the
    /// usual ones. The content root is the caller's folder (where <c>data/</c> and <c>seed-data</c> are found), which holds no
    /// settings, so without this a start from anywhere but the output folder would ignore them (and print every SQL statement).
    /// </summary>
    public static WebApplicationBuilder CreateScholarGraphBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Inserted before anything sets a value in memory: changing the sources rebuilds the providers, which drops such values.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = "appsettings.json", Optional = true, FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
        });
        return builder;
    }

    /// <summary>
    /// Registers storage, the GraphQL schema and the transports, and what guards and watches them (CORS, rate limiting, health
    /// checks, telemetry), configured from <c>builder.Configuration</c>.
    /// </summary>
    public static WebApplicationBuilder AddScholarGraph(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddScholarGraphDatabase(configuration);
        builder.Services.AddScholarGraphReadReplica(configuration);
        builder.Services.AddGraphChanges(configuration);
        builder.Services.AddScholarGraphSecurity(configuration);
        builder.Services.AddScholarGraphSubscriptions();
        builder.Services.AddGraphIndex(configuration);
        builder.Services.AddScholarGraphSchema(configuration);
        builder.Services.AddGraphQLHttp(configuration);
        builder.Services.AddScholarGraphPages();
        // Before the section is bound, so a GraphQLIde:Title setting still wins.
        builder.Services.Configure<GraphQLIdeOptions>(ide => ide.Title = "ScholarGraph");
        builder.Services.AddGraphQLIde(configuration);
        builder.Services.AddScholarGraphCors(configuration);
        builder.Services.AddScholarGraphRateLimiting(configuration);
        builder.Services.AddScholarGraphHealthChecks();
        builder.Services.AddScholarGraphTelemetry(configuration);
        ServerStartPhase.Register(builder);
        return builder;
    }

    /// <summary>
    /// Validates the settings, maps the endpoints (<see cref="MapScholarGraph"/>), prepares the store and the graph index
    /// (<see cref="InitializeScholarGraphAsync"/>), starts listening, logs a summary (the store and its rows, the addresses of
    /// the API and the IDE) and serves until shutdown. A bad setting stops the start before anything is written, with one line
    /// per problem naming the key and the reason; so do an address the server cannot listen on and a store it cannot open or
    /// create (<see cref="StartProblems"/>), in one line and without a stack trace.
    /// </summary>
    /// <returns>The process's exit code: 0 after a clean shutdown, 1 when the start was refused.</returns>
    public static async Task<int> RunScholarGraphAsync(this WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            app.MapScholarGraph();
            if (!await app.InitializeScholarGraphAsync())
                return 1;
            await app.Services.GetRequiredService<ServerStartPhase>().StartAsync(app);
            StartSummary.LogAddresses(app, GraphQLPath);
            await app.WaitForShutdownAsync();
            return 0;
        }
        catch (Exception e) when ((ConfigurationProblems.Describe(e) ?? Line(StartProblems.Describe(e, StartSummary.Addresses(app)))) is { } problems)
        {
            foreach (var problem in problems)
                await Console.Error.WriteLineAsync(problem);
            return 1;
        }
    }

    private static IReadOnlyList<string>? Line(string? line) => line is null ? null : [line];

    /// <summary>
    /// Answers CORS for the configured front-end origins, authenticates callers, limits each one's rate, and maps the GraphQL
    /// endpoint (HTTP, WebSocket, SSE) and the IDE at <c>/graphql</c>, the health endpoints at <c>/health/live</c> and
    /// <c>/health/ready</c> (neither limited nor open to other origins), and the pages at <c>/authors/{id}</c> and <c>/explore</c>.
    /// </summary>
    public static WebApplication MapScholarGraph(this WebApplication app)
    {
        app.UseScholarGraphCors();
        app.UseAuthentication();
        app.UseScholarGraphRateLimiting();
        app.UseWebSockets();
        app.UseGraphQLIde(GraphQLPath);
        app.MapGraphQL<ScholarGraphSchema>(GraphQLPath)
            .RequireScholarGraphCors(app.Services)
            .RequireScholarGraphRateLimiting(app.Services);
        app.MapScholarGraphHealthChecks();
        app.MapScholarGraphPages();
        return app;
    }

    /// <summary>
    /// Brings the store's schema up to date (migrations), loads the seed data and builds the graph index from the store, before
    /// the server takes requests. Invalid seed data stops the start: each problem is logged with its file, JSON path and reason,
    /// nothing is written, and the result is <c>false</c>. So does a store whose schema cannot be migrated safely
    /// (<see cref="StoreSchemaException"/>).
    /// </summary>
    public static async Task<bool> InitializeScholarGraphAsync(this WebApplication app)
    {
        try
        {
            await StoreInitializer.InitializeAsync(app.Services, app.Logger, app.Lifetime.ApplicationStopping);
            await app.Services.GetRequiredService<ChangeFeed>().MarkStartAsync(app.Lifetime.ApplicationStopping);
            await app.Services.BuildGraphIndexAsync(app.Lifetime.ApplicationStopping);
            await StartSummary.LogStoreAsync(app.Services, app.Logger, app.Lifetime.ApplicationStopping);
            return true;
        }
        catch (Exception e) when (e is SeedValidationException or StoreSchemaException)
        {
            // Once, on stderr: the console logger writes on a background queue that a failing start may not wait for.
            await Console.Error.WriteLineAsync(e.Message);
            return false;
        }
    }
}
