using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;
using ScholarGraph.Server.Writes.Changes;
using ScholarGraph.Server.Writes.Subscriptions;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.Tests.Writes.Subscriptions;

/// <summary>
/// The real server (Program, seeded InMemory store) on a loopback Kestrel port, with helpers to write a new paper into the
/// store and publish its change as a committed write would, and to run the npm clients against it.
/// </summary>
public sealed class SubscriptionServer : ScholarGraphFactory
{
    private readonly Action<IServiceCollection>? _configureServices;

    private SubscriptionServer(Dictionary<string, string?> settings, Action<IServiceCollection>? configureServices)
        : base("InMemory", settings) =>
        _configureServices = configureServices;

    public Uri HttpUrl { get; private set; } = null!;

    public Uri WebSocketUrl => new UriBuilder(HttpUrl) { Scheme = HttpUrl.Scheme == "https" ? "wss" : "ws" }.Uri;

    public GraphEventHub Hub => Services.GetRequiredService<GraphEventHub>();

    /// <summary>Starts the server with <paramref name="settings"/>; <paramref name="configureServices"/> runs after the app's own registrations.</summary>
    public static SubscriptionServer Start(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var server = new SubscriptionServer(settings ?? [], configureServices);
        server.UseKestrel(0);
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.HttpUrl = new Uri(address.TrimEnd('/') + "/graphql");
        return server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (_configureServices is not null)
            builder.ConfigureServices(_configureServices);
    }

    /// <summary>Waits until <paramref name="count"/> subscribers listen to the hub, so a change published next reaches them.</summary>
    public async Task WaitForSubscribersAsync(int count)
    {
        var clock = Stopwatch.StartNew();
        while (Hub.SubscriberCount < count)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"Only {Hub.SubscriberCount} of {count} subscribers after 20 s.");
            await Task.Delay(20);
        }
    }

    /// <summary>Writes a paper by <paramref name="authorIds"/> on <paramref name="topicIds"/> into the store, then publishes <see cref="PaperAdded"/>.</summary>
    public async Task AddPaperAsync(string paperId, string title, string[] authorIds, string[] topicIds)
    {
        var contexts = Services.GetRequiredService<IDbContextFactory<ScholarGraphDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.Papers.Add(new Paper
            {
                Id = paperId,
                Title = title,
                Authorships = authorIds.Select((author, i) => new Authorship { PaperId = paperId, AuthorId = author, Position = i + 1 }).ToList(),
                Topics = topicIds.Select(topic => new PaperTopic { PaperId = paperId, TopicId = topic, Score = 1, ScoreSource = "test" }).ToList(),
            });
            await db.SaveChangesAsync();
        }
        await Services.GetRequiredService<GraphChangePublisher>().PublishAsync([new PaperAdded(paperId, authorIds, topicIds)]);
    }

    /// <summary>Publishes <paramref name="changes"/> as one committed write.</summary>
    public ValueTask PublishAsync(params GraphChange[] changes) => Services.GetRequiredService<GraphChangePublisher>().PublishAsync(changes);

    /// <summary>Starts <c>npm-clients/clients.mjs</c>: one operation through the npm graphql-ws (<c>ws</c>) or graphql-sse (<c>sse</c>) client.</summary>
    public NodeScript StartNodeClient(string protocol, int count, string query, object? variables = null)
    {
        string[] arguments = [protocol, (protocol == "ws" ? WebSocketUrl : HttpUrl).ToString(), count.ToString(), query];
        return NodeScript.Start("clients.mjs", "graphql-ws", variables is null ? arguments : [.. arguments, JsonSerializer.Serialize(variables)]);
    }
}
