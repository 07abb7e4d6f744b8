using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Tests.Shared;

namespace ScholarGraph.Server.Tests.Pages;

/// <summary>Where the browser tests find Debian's chromium, and why they skip without it.</summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static string? MissingReason => File.Exists(ExecutablePath)
        ? null
        : $"Debian's chromium is not installed at {ExecutablePath} (apt-get install -y chromium; .ci/run installs it), so the pages' browser tests cannot run.";
}

/// <summary>A fact that drives the pages in chromium; skipped, with the reason, where <see cref="Chromium"/> is missing.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    /// <summary>Skips the fact when chromium is missing.</summary>
    public BrowserFactAttribute()
    {
        if (Chromium.MissingReason is { } reason)
            Skip = reason;
    }
}

/// <summary>
/// The real server on a loopback port with <c>TrustedDocuments:Mode=TrustedOnly</c> (so every page under test proves it runs on
/// trusted documents alone) and one headless chromium, shared by a test class. Every request a page makes is seen: one to
/// another origin is recorded and refused, and each GraphQL request's body is kept.
/// </summary>
public sealed class PagesBrowser : IAsyncLifetime
{
    private sealed class TrustedOnlyServer() : ScholarGraphFactory("InMemory", new() { ["TrustedDocuments:Mode"] = "TrustedOnly" });

    private readonly TrustedOnlyServer _server = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The server's origin, such as <c>http://127.0.0.1:41234</c>.</summary>
    public string Origin { get; private set; } = "";

    /// <summary>Requests the pages made to any other origin (each was aborted).</summary>
    public ConcurrentQueue<string> ForeignRequests { get; } = new();

    /// <summary>The bodies of the pages' POSTs to <c>/graphql</c>.</summary>
    public ConcurrentQueue<string> GraphQLBodies { get; } = new();

    /// <summary>Where screenshots are saved: <c>TestResults/screenshots</c> at the repository's root.</summary>
    public static string ScreenshotDirectory => Path.Combine(RepositoryPaths.Root, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (Chromium.MissingReason is not null)
            return;
        _server.UseKestrel(0);
        _server.StartServer();
        var address = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Origin = new Uri(address).GetLeftPart(UriPartial.Authority).Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            // Root in CI has no user namespace for the sandbox; WebGL (sigma) runs on SwiftShader, chromium's software renderer.
            Args = ["--no-sandbox", "--enable-unsafe-swiftshader", "--use-angle=swiftshader", "--ignore-gpu-blocklist"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A new page (its own context) whose requests are watched, sized like a laptop screen.</summary>
    public async Task<IPage> OpenAsync(string path)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        await context.RouteAsync("**/*", async route =>
        {
            var request = route.Request;
            if (!request.Url.StartsWith(Origin + "/", StringComparison.Ordinal) && !request.Url.StartsWith("blob:", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                ForeignRequests.Enqueue(request.Url);
                await route.AbortAsync();
                return;
            }
            if (request.Method == "POST" && new Uri(request.Url).AbsolutePath == "/graphql" && request.PostData is { } body)
                GraphQLBodies.Enqueue(body);
            await route.ContinueAsync();
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Origin + path);
        return page;
    }

    /// <summary>Saves what <paramref name="page"/> shows as <c>TestResults/screenshots/{name}.png</c>.</summary>
    public static Task SaveScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>Sends query text straight to the server, as a client without trusted documents would.</summary>
    public async Task<HttpResponseMessage> PostQueryTextAsync(string query)
    {
        using var client = new HttpClient();
        return await client.PostAsync(Origin + "/graphql", new StringContent($$"""{"query":"{{query}}"}""", System.Text.Encoding.UTF8, "application/json"));
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _server.DisposeAsync();
    }
}
