using ScholarGraph.Server.Ide;
using ScholarGraph.Server.Schema;
using ScholarGraph.Storage.Database;

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
        builder.Services.AddScholarGraphSchema(builder.Configuration);
        builder.AddGraphQLHttpWithIde();
        return builder;
    }

    /// <summary>Maps the GraphQL endpoint and the IDE at <c>/graphql</c>.</summary>
    public static WebApplication MapScholarGraph(this WebApplication app)
    {
        app.MapGraphQLHttpWithIde<ScholarGraphSchema>();
        return app;
    }

    /// <summary>
    /// Creates the store's schema and loads the seed data, before the server takes requests. Invalid seed data stops the start
    /// with a message naming each file, JSON path and reason; nothing is written then.
    /// </summary>
    public static Task InitializeScholarGraphAsync(this WebApplication app) =>
        StoreInitializer.InitializeAsync(app.Services, app.Logger, app.Lifetime.ApplicationStopping);
}
