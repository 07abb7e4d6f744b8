using System.Text.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace ScholarGraph.GraphQL.AspNetCore.Ide;

/// <summary>
/// Serves the IDE at <c>{path}/</c> and sends browsers that open <c>{path}</c> there. It is middleware rather than an
/// endpoint because it must see requests that routing has already matched to the GraphQL endpoint (routing ignores a
/// trailing slash, so <c>{path}/</c> matches it too), and hand everything else to that endpoint untouched.
/// </summary>
internal sealed class GraphQLIdeMiddleware
{
    private const string ConfigFileName = "/bcp-config.json";
    private static readonly JsonSerializerOptions ConfigJson = new(JsonSerializerDefaults.Web);

    private readonly RequestDelegate _next;
    private readonly RequestDelegate _files;
    private readonly PathString _path;
    private readonly GraphQLIdeOptions _options;

    public GraphQLIdeMiddleware(RequestDelegate next, IApplicationBuilder app, PathString path, IOptions<GraphQLIdeOptions> options, IFileProvider files)
    {
        _next = next;
        _path = path;
        _options = options.Value;
        _files = BuildFilePipeline(app.New(), path, files);
    }

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            return _next(context);

        if (request.Path.Equals(_path, StringComparison.OrdinalIgnoreCase))
            return IsBrowserNavigation(request) ? RedirectToIde(context) : _next(context);

        if (!request.Path.StartsWithSegments(_path, StringComparison.OrdinalIgnoreCase, out var rest))
            return _next(context);

        if (rest.Equals(ConfigFileName, StringComparison.OrdinalIgnoreCase))
            return WriteConfigAsync(context);

        // The static file middlewares step aside when an endpoint was matched; here the IDE owns the request.
        context.SetEndpoint(null);
        return _files(context);
    }

    /// <summary>A browser asks for HTML; API clients send <c>*/*</c> or JSON types. <c>?sdl</c> stays with the endpoint.</summary>
    private static bool IsBrowserNavigation(HttpRequest request) =>
        !request.Query.ContainsKey("sdl")
        && request.Headers.Accept.Any(value => value is not null && value.Contains("text/html", StringComparison.OrdinalIgnoreCase));

    private Task RedirectToIde(HttpContext context)
    {
        // Permanent, since the IDE's relative asset URLs only resolve under the trailing slash.
        context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        context.Response.Headers.Location = context.Request.PathBase + _path + "/" + context.Request.QueryString;
        return Task.CompletedTask;
    }

    private Task WriteConfigAsync(HttpContext context)
    {
        var endpoint = (context.Request.PathBase + _path).ToString();
        var config = new BananaCakePopConfig(_options.Title, endpoint, endpoint + "?sdl", _options.SubscriptionProtocol)
        {
            GraphQLDocument = _options.Document,
            Variables = _options.ParsedVariables,
        };
        context.Response.Headers.CacheControl = "no-cache";
        return context.Response.WriteAsJsonAsync(config, ConfigJson, context.RequestAborted);
    }

    private static RequestDelegate BuildFilePipeline(IApplicationBuilder files, PathString path, IFileProvider provider)
    {
        files.UseDefaultFiles(new DefaultFilesOptions { RequestPath = path, FileProvider = provider });
        files.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = path,
            FileProvider = provider,
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = CacheControlFor(file.File.Name, file.Context.Request.Path),
        });
        files.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        return files.Build();
    }

    /// <summary>Files under <c>static/</c> carry a content hash in their names, so they never change; the rest must be revalidated.</summary>
    private static string CacheControlFor(string fileName, PathString requestPath) =>
        requestPath.Value is { } value && value.Contains("/static/", StringComparison.Ordinal) && fileName.Contains('.', StringComparison.Ordinal)
            ? "public, max-age=31536000, immutable"
            : "no-cache";
}
