using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using ScholarGraph.Server.Tests.Infrastructure;

namespace ScholarGraph.Server.Tests.Pages;

/// <summary>
/// The profile page and the explorer in a real browser (Debian's chromium, headless, through Playwright) against the real
/// server in TrustedOnly mode, compared with the seed profile as its JSON says it; screenshots go to TestResults/screenshots.
/// </summary>
[Collection(SequentialHostsCollection.Name)]
public sealed class PagesBrowserTests(PagesBrowser browser) : IClassFixture<PagesBrowser>
{
    private static readonly SeedProfile Seed = SeedProfile.Load();
    private static readonly string Center = SeedProfile.AuthorId(Seed.AuthorKey);

    [BrowserFact]
    public async Task Profile_page_shows_every_fact_of_the_seed_profile()
    {
        var page = await browser.OpenAsync("/authors/" + Seed.AuthorKey);
        await page.Locator("#profile[data-ready=true]").WaitForAsync();
        await PagesBrowser.SaveScreenshotAsync(page, "profile");

        var card = page.Locator(".author-card");
        Assert.Equal(Seed.AuthorName, await card.Locator(".name").InnerTextAsync());
        Assert.Equal(Seed.AuthorCategory, await card.Locator(".category").InnerTextAsync());
        Assert.Equal(Seed.MetricsSource, await card.Locator(".metrics").GetAttributeAsync("data-source"));
        foreach (var (metric, value) in Seed.Metrics)
        {
            var shown = await card.Locator($"[data-metric={metric}] .value").InnerTextAsync();
            Assert.Equal(value.ToString(CultureInfo.InvariantCulture), shown.TrimEnd('%'));
        }
        Assert.Equal(Seed.Papers.Count.ToString(CultureInfo.InvariantCulture), await page.Locator(".paper-count").InnerTextAsync());
        Assert.Equal(Seed.Papers.Count, await page.Locator("article.paper").CountAsync());

        foreach (var paper in Seed.Papers)
        {
            var article = page.Locator("article.paper").Filter(new() { Has = page.Locator(".title", new() { HasTextString = paper.Title }) });
            Assert.Equal(1, await article.CountAsync());
            Assert.Equal(paper.Title, await article.Locator(".title").InnerTextAsync());
            Assert.Equal(paper.Category, await article.Locator(".paper-meta .category").InnerTextAsync());
            Assert.Equal(paper.DatePrinted, await article.Locator(".date").InnerTextAsync());
            Assert.Equal(paper.CodeUrl, await article.Locator("a.code").CountAsync() == 0 ? null : await article.Locator("a.code").GetAttributeAsync("href"));
            Assert.Equal(Seed.PrintedAuthorLine(paper), (await article.Locator(".authors").InnerTextAsync()).Trim());
            Assert.Equal(paper.Abstract, await article.Locator(".abstract").InnerTextAsync());
        }
        Assert.Equal("/explore?author=" + Uri.EscapeDataString(Center), await card.Locator("a.explore-link").GetAttributeAsync("href"));
        AssertStayedOnOrigin();
    }

    [BrowserFact]
    public async Task Profile_page_takes_the_global_id_as_well_as_the_key_and_says_when_no_author_has_it()
    {
        var page = await browser.OpenAsync("/authors/" + Uri.EscapeDataString(Center));
        await page.Locator("#profile[data-ready=true]").WaitForAsync();
        Assert.Equal(Seed.AuthorName, await page.Locator(".author-card .name").InnerTextAsync());

        var missing = await browser.OpenAsync("/authors/nobody-at-all");
        await missing.Locator("#profile[data-ready=true]").WaitForAsync();
        Assert.Contains("No author has the id nobody-at-all", await missing.Locator("#profile").InnerTextAsync(), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Explorer_draws_the_seed_authors_coauthor_network()
    {
        var page = await browser.OpenAsync("/explore?author=" + Seed.AuthorKey);
        await WaitForLoadsAsync(page, 1);
        var expected = Seed.Network(Seed.AuthorKey);

        Assert.Equal(expected.Nodes, await NodesAsync(page));
        Assert.Equal(expected.Edges, await EdgesAsync(page));
        // Edge width by shared papers: the strongest tie is drawn widest.
        var weights = Seed.Coauthorships();
        var strongest = weights.MaxBy(p => p.Value).Key;
        var widest = await page.EvaluateAsync<string>("() => { const e = window.__explorer.edges(); return e.reduce((a, b) => window.__explorer.edge(a).size >= window.__explorer.edge(b).size ? a : b); }");
        Assert.Equal(weights[strongest], await page.EvaluateAsync<int>($"() => window.__explorer.edge('{widest}').weight"));
        // Colour by topic cluster: the clusters come from topicClusters, and more than one colour is drawn.
        Assert.NotEmpty(await page.EvaluateAsync<int[]>("() => window.__explorer.clusters()"));
        Assert.True(await page.EvaluateAsync<int>("() => new Set(window.__explorer.nodes().map(n => window.__explorer.node(n).color)).size") > 1);
        await page.WaitForTimeoutAsync(2500); // let the layout settle for the screenshot
        await PagesBrowser.SaveScreenshotAsync(page, "explorer");
        AssertStayedOnOrigin();
    }

    [BrowserFact]
    public async Task Explorer_finds_an_author_as_you_type_and_recentres_on_a_clicked_node()
    {
        var page = await browser.OpenAsync("/explore");
        await page.Locator("#search").PressSequentiallyAsync(Seed.AuthorName[..5].ToLowerInvariant(), new() { Delay = 40 });
        await page.Locator($"#suggestions button[data-author-id='{Center}']").ClickAsync();
        await WaitForLoadsAsync(page, 1);
        Assert.Equal(Seed.Network(Seed.AuthorKey).Nodes, await NodesAsync(page));

        // The coauthor with the fewest shared papers, whose own network differs from the centre's.
        var other = Seed.Coauthorships().Where(p => p.Key.Item1 == Seed.AuthorKey || p.Key.Item2 == Seed.AuthorKey)
            .Select(p => p.Key.Item1 == Seed.AuthorKey ? p.Key.Item2 : p.Key.Item1)
            .First(key => Seed.Network(key).Nodes.Count < Seed.Network(Seed.AuthorKey).Nodes.Count);
        var otherId = SeedProfile.AuthorId(other);
        await page.WaitForTimeoutAsync(2000); // a click lands where the node is drawn once the layout has stopped moving it much
        var box = (await page.Locator("#graph").BoundingBoxAsync())!;
        var at = await page.EvaluateAsync<JsonElement>($"() => window.__explorer.viewportPosition('{otherId}')");
        await page.Mouse.MoveAsync(box.X + at.GetProperty("x").GetSingle(), box.Y + at.GetProperty("y").GetSingle());
        await page.Locator("#details .detail-name").WaitForAsync();
        Assert.Equal(Seed.Names[other], await page.Locator("#details .detail-name").InnerTextAsync());
        await page.Mouse.ClickAsync(box.X + at.GetProperty("x").GetSingle(), box.Y + at.GetProperty("y").GetSingle());
        await WaitForLoadsAsync(page, 2);

        Assert.Equal(otherId, await page.EvaluateAsync<string>("() => window.__explorer.center"));
        var expected = Seed.Network(other);
        Assert.Equal(expected.Nodes, await NodesAsync(page));
        Assert.Equal(expected.Edges, await EdgesAsync(page));
        await PagesBrowser.SaveScreenshotAsync(page, "explorer-recentred");
    }

    [BrowserFact]
    public async Task Explorer_filters_by_minimum_shared_papers_and_years()
    {
        var page = await browser.OpenAsync("/explore?author=" + Seed.AuthorKey);
        await WaitForLoadsAsync(page, 1);

        await SetControlsAsync(page, ("min-shared", "2"));
        var strong = Seed.Network(Seed.AuthorKey, minShared: 2);
        Assert.True(strong.Nodes.Count < Seed.Network(Seed.AuthorKey).Nodes.Count);
        Assert.Equal(strong.Nodes, await NodesAsync(page));
        Assert.Equal(strong.Edges, await EdgesAsync(page));

        var latestYear = Seed.Papers.Max(p => int.Parse(p.Date[..4], CultureInfo.InvariantCulture));
        var year = latestYear.ToString(CultureInfo.InvariantCulture);
        await SetControlsAsync(page, ("min-shared", "1"), ("from-year", year), ("to-year", year));
        var recent = Seed.Network(Seed.AuthorKey, fromYear: latestYear, toYear: latestYear);
        Assert.Equal(recent.Nodes, await NodesAsync(page));
        Assert.Equal(recent.Edges, await EdgesAsync(page));
    }

    [BrowserFact]
    public async Task Explorer_highlights_a_collaboration_path_with_the_papers_that_link_it()
    {
        // Two coauthors of the centre who share no paper: the shortest chain between them has more than one hop.
        var pairs = Seed.Coauthorships();
        var coauthors = Seed.Names.Keys.Where(k => k != Seed.AuthorKey).Order(StringComparer.Ordinal).ToList();
        var (from, to) = coauthors.SelectMany(a => coauthors.Select(b => (a, b))).First(p => string.CompareOrdinal(p.a, p.b) < 0 && !pairs.ContainsKey((p.a, p.b)));
        var page = await browser.OpenAsync("/explore?author=" + from);
        await WaitForLoadsAsync(page, 1);

        await page.Locator("#path-search").PressSequentiallyAsync(Seed.Names[to], new() { Delay = 20 });
        await page.Locator($"#path-suggestions button[data-author-id='{SeedProfile.AuthorId(to)}']").ClickAsync();
        await page.WaitForFunctionAsync("() => window.__explorer.path().length > 0");

        var path = await page.EvaluateAsync<string[]>("() => window.__explorer.path()");
        Assert.Equal(Seed.Distance(from, to) + 1, path.Length);
        Assert.Equal(SeedProfile.AuthorId(from), path[0]);
        Assert.Equal(SeedProfile.AuthorId(to), path[^1]);
        var hops = path.Zip(path.Skip(1), SeedProfile.EdgeId).ToList();
        Assert.Equal(new SortedSet<string>(hops, StringComparer.Ordinal), new SortedSet<string>(await page.EvaluateAsync<string[]>("() => window.__explorer.pathEdges()"), StringComparer.Ordinal));
        var keyOf = Seed.Names.Keys.ToDictionary(SeedProfile.AuthorId);
        foreach (var hop in hops)
        {
            var ends = hop.Split('|');
            var listed = await page.Locator($"#path-result li[data-hop='{hop}'] .linking-paper").AllInnerTextsAsync();
            Assert.Equal(Seed.SharedTitles(keyOf[ends[0]], keyOf[ends[1]]), new SortedSet<string>(listed, StringComparer.Ordinal));
        }
        await PagesBrowser.SaveScreenshotAsync(page, "explorer-path");
    }

    [BrowserFact]
    public async Task Pages_send_only_trusted_document_ids_to_a_server_that_refuses_query_text()
    {
        using var refused = await browser.PostQueryTextAsync("{ authors(first: 1) { totalCount } }");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("HC0067", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var page = await browser.OpenAsync("/explore?author=" + Seed.AuthorKey);
        await WaitForLoadsAsync(page, 1);
        var profile = await browser.OpenAsync("/authors/" + Seed.AuthorKey);
        await profile.Locator("#profile[data-ready=true]").WaitForAsync();

        Assert.NotEmpty(browser.GraphQLBodies);
        foreach (var body in browser.GraphQLBodies)
        {
            using var json = JsonDocument.Parse(body);
            Assert.StartsWith("sha256:", json.RootElement.GetProperty("documentId").GetString(), StringComparison.Ordinal);
            Assert.False(json.RootElement.TryGetProperty("query", out _), body);
        }
        Assert.Null(await page.EvaluateAsync<string?>("() => window.__explorer.error"));
        AssertStayedOnOrigin();
    }

    /// <summary>Sets the controls as a person would and waits for the one network load their change starts.</summary>
    private static async Task SetControlsAsync(IPage page, params (string Id, string Value)[] controls)
    {
        var before = await page.EvaluateAsync<int>("() => window.__explorer.loads");
        foreach (var (id, value) in controls)
            await page.Locator("#" + id).FillAsync(value);
        await page.Locator("#" + controls[^1].Id).DispatchEventAsync("change");
        await page.WaitForFunctionAsync($"() => window.__explorer.loads > {before}");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    private void AssertStayedOnOrigin() => Assert.Empty(browser.ForeignRequests);

    private static Task WaitForLoadsAsync(IPage page, int loads) =>
        page.WaitForFunctionAsync($"() => window.__explorer && window.__explorer.loads >= {loads}");

    private static async Task<SortedSet<string>> NodesAsync(IPage page) =>
        new(await page.EvaluateAsync<string[]>("() => window.__explorer.nodes()"), StringComparer.Ordinal);

    private static async Task<SortedSet<string>> EdgesAsync(IPage page) =>
        new(await page.EvaluateAsync<string[]>("() => window.__explorer.edges()"), StringComparer.Ordinal);
}
