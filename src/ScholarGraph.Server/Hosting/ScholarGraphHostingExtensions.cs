using ScholarGraph.Server.Writes.Changes;
using ScholarGraph.Server.GraphQuestions.GraphIndex;
using ScholarGraph.Server.Ide;
using ScholarGraph.Server.Schema;
using ScholarGraph.Server.Hosting.Security;
using ScholarGraph.Server.Writes.Subscriptions;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Seeding;

namespace ScholarGraph.Server.Hosting;

/// <summary>Composes the server from its features; <c>Program.cs</c> calls these and nothing else.</summary>
public static class ScholarGraphHostingExtensions
{
    /// <summary>Registers storage, the GraphQL schema and the transports, configured from <c>builder.Configuration</c>.</summary>
    public static WebApplicationBuilder AddScholarGraph(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        database.ConnectionString ??= builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        builder.Services.AddScholarGraphStorage(database);
        builder.Services.AddGraphChanges();
        builder.Services.AddScholarGraphSecurity(builder.Configuration);
        builder.Services.AddScholarGraphSubscriptions();
        builder.Services.AddGraphIndex();
        builder.Services.AddScholarGraphSchema(builder.Configuration);
        builder.AddGraphQLHttpWithIde();
        return builder;
    }

    /// <summary>Authenticates callers, and maps the GraphQL endpoint (HTTP, WebSocket, SSE) and the IDE at <c>/graphql</c>.</summary>
    public static WebApplication MapScholarGraph(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseWebSockets();
        app.MapGraphQLHttpWithIde<ScholarGraphSchema>();
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
            await app.Services.BuildGraphIndexAsync(app.Lifetime.ApplicationStopping);
            return true;
        }
        catch (Exception e) when (e is SeedValidationException or StoreSchemaException)
        {
            app.Logger.LogCritical("{Message}", e.Message);
            // The console logger writes on a background queue that a failing start may not wait for; stderr is certain.
            await Console.Error.WriteLineAsync(e.Message);
            return false;
        }
    }
}
