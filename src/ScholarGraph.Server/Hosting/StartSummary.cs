using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ScholarGraph.GraphQL.AspNetCore.Ide;
using ScholarGraph.Server.Pages;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.Hosting;

/// <summary>
/// What a start prints once it is ready, for the operator: the store (its provider and file, never its connection string, which
/// may hold a secret) with the rows it holds, and the addresses of the API, of the IDE and of the pages.
/// </summary>
internal static class StartSummary
{
    /// <summary>Logs the store and its row counts.</summary>
    public static async Task LogStoreAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        await using var db = await services.GetRequiredService<IDbContextFactory<ScholarGraphDbContext>>().CreateDbContextAsync(cancellationToken);
        logger.LogInformation(
            "Store: {Store}; {Authors} authors, {Papers} papers, {Institutions} institutions, {Topics} topics, {Venues} venues, {Citations} citations",
            Describe(options), await db.Authors.CountAsync(cancellationToken), await db.Papers.CountAsync(cancellationToken),
            await db.Institutions.CountAsync(cancellationToken), await db.Topics.CountAsync(cancellationToken),
            await db.Venues.CountAsync(cancellationToken), await db.Citations.CountAsync(cancellationToken));
    }

    /// <summary>
    /// Logs where the API listens, where a browser finds the IDE (the same address) and, when they were bundled, the explorer
    /// and the profile pages (on the first address).
    /// </summary>
    public static void LogAddresses(WebApplication app, string path)
    {
        var addresses = Addresses(app).Select(address => address.TrimEnd('/')).ToList();
        var endpoints = string.Join(", ", addresses.Select(address => address + path));
        var ide = app.Services.GetRequiredService<IOptions<GraphQLIdeOptions>>().Value.Enabled;
        var pages = ScholarGraphPagesExtensions.IsBundled && addresses.Count > 0
            ? $"{addresses[0]}{ScholarGraphPagesExtensions.ExplorerPath} and {addresses[0]}{ScholarGraphPagesExtensions.ProfilePath}"
            : "not built (npm was missing)";
        app.Logger.LogInformation("GraphQL API: {Endpoints} (POST or GET; WebSocket and SSE for subscriptions); IDE: {Ide}; pages: {Pages}",
            endpoints, ide ? $"{endpoints} in a browser" : "off (GraphQLIde:Enabled)", pages);
    }

    /// <summary>The addresses the server listens on once started, or was asked to listen on before.</summary>
    public static IReadOnlyCollection<string> Addresses(WebApplication app) =>
        app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses is { Count: > 0 } addresses
            ? [.. addresses]
            : app.Configuration["urls"] is { Length: > 0 } urls ? urls.Split(';', StringSplitOptions.RemoveEmptyEntries) : [];

    private static string Describe(DatabaseOptions options) =>
        options.Provider == DatabaseProvider.Sqlite && SqliteStoreFile.PathOf(StoreDescription.SqliteConnectionString(options)) is not null
            ? $"{StoreDescription.Of(options)} (WAL, busy timeout {options.BusyTimeout.TotalSeconds:0.###} s)"
            : StoreDescription.Of(options);
}
