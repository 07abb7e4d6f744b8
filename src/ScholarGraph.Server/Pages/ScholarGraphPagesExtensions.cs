using Microsoft.Extensions.FileProviders;
using System.Text.Json;
using ScholarGraph.GraphQL.AspNetCore.Documents;
using ScholarGraph.GraphQL.AspNetCore.Ide;
using ScholarGraph.GraphQL.Data.Relay;

namespace ScholarGraph.Server.Pages;

/// <summary>
/// Serves the server's own pages, bundled from this folder's vite project at build time into <c>pages/</c> beside the binary:
/// the profile page at <c>/authors/{id}</c>, the explorer at <c>/explore</c>, and their scripts and styles under <c>/pages/</c>.
/// The pages run their GraphQL operations as trusted documents, whose manifest the build writes beside them.
/// </summary>
public static partial class ScholarGraphPagesExtensions
{
    /// <summary>The profile page's route; <c>{id}</c> is an author's global id or key.</summary>
    public const string ProfilePath = "/authors/{id}";

    /// <summary>The explorer's route; <c>?author=</c> names the author at its centre.</summary>
    public const string ExplorerPath = "/explore";

    /// <summary>Where the bundle's assets are served (vite's <c>base</c>).</summary>
    public const string AssetsPath = "/pages";

    /// <summary>The author of the shipped seed's profile, whose profile the IDE's example document asks for.</summary>
    public const string ExampleAuthorKey = "devvrit-khatri";

    /// <summary>
    /// The field and type cost each of the pages' operations may reach, in place of <c>GraphQLLimits:MaxFieldCost</c> and
    /// <c>MaxTypeCost</c> (5,000 by default), which hold for every other operation; every other limit holds for the pages too.
    /// The explorer draws networks of up to 2,000 authors (<c>coauthorNetwork</c>'s largest <c>maxNodes</c>), each coloured by
    /// its topic profile, and that operation measures a field cost of 228,103 at 2,000 authors; the others stay under 2,500.
    /// The budget is bounded: the operations are fixed when the server is built and the schema bounds their arguments. A test
    /// holds it to the costliest operation's largest measure with at most a tenth to spare.
    /// </summary>
    public const double CostBudget = 250_000;

    private const string LogCategory = "ScholarGraph.Server.Pages";

    /// <summary>The folder the build copies the bundle to.</summary>
    internal static string BundleDirectory => Path.Combine(AppContext.BaseDirectory, "pages");

    /// <summary>The folder of the pages' trusted documents (a manifest of their operations by SHA-256).</summary>
    internal static string TrustedDocumentsDirectory => Path.Combine(BundleDirectory, "trusted-documents");

    /// <summary>Whether the build bundled the pages (it needs npm), so that they are served.</summary>
    internal static bool IsBundled => File.Exists(Path.Combine(BundleDirectory, "profile.html"));

    /// <summary>The profile page's query, as the build copied it.</summary>
    internal static string ProfileOperationFile => Path.Combine(BundleDirectory, "operations", "Profile.graphql");

    /// <summary>
    /// Trusts the pages' operations (<see cref="TrustedDocumentOptions.AppDirectories"/>) under the cost budget
    /// <see cref="CostBudget"/>, so they run whatever <c>TrustedDocuments:Mode</c> says, and opens the IDE on the profile page's query with the seed author's id
    /// (<see cref="ExampleAuthorKey"/>); settings <c>GraphQLIde:Document</c> and <c>GraphQLIde:Variables</c> still win, since
    /// this runs before the section is bound. Does nothing when the bundle is missing.
    /// </summary>
    public static IServiceCollection AddScholarGraphPages(this IServiceCollection services)
    {
        if (Directory.Exists(TrustedDocumentsDirectory))
        {
            services.Configure<TrustedDocumentOptions>(options => options.AppDirectories.Add(
                new AppTrustedDocumentDirectory(TrustedDocumentsDirectory) { MaxFieldCost = CostBudget, MaxTypeCost = CostBudget }));
        }
        if (File.Exists(ProfileOperationFile))
        {
            var document = File.ReadAllText(ProfileOperationFile);
            var variables = JsonSerializer.Serialize(new { id = GlobalId.Encode("Author", ExampleAuthorKey) });
            services.Configure<GraphQLIdeOptions>(ide =>
            {
                ide.Document = document;
                ide.Variables = variables;
            });
        }
        return services;
    }

    /// <summary>
    /// Maps <see cref="ProfilePath"/> and <see cref="ExplorerPath"/> to their pages and serves the bundle's files at
    /// <see cref="AssetsPath"/>. Logs a warning and maps nothing when the bundle is missing (a build without npm).
    /// </summary>
    public static WebApplication MapScholarGraphPages(this WebApplication app)
    {
        if (!IsBundled)
        {
            LogBundleMissing(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory), BundleDirectory);
            return app;
        }
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = AssetsPath,
            FileProvider = new PhysicalFileProvider(BundleDirectory),
            // Vite names assets by their content's hash, so they never change; the HTML must be revalidated.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.Context.Request.Path.StartsWithSegments(AssetsPath + "/assets") ? "public, max-age=31536000, immutable" : "no-cache",
        });
        app.MapGet(ProfilePath, (HttpContext context) => SendPageAsync(context, "profile.html"));
        app.MapGet(ExplorerPath, (HttpContext context) => SendPageAsync(context, "explore.html"));
        return app;
    }

    private static Task SendPageAsync(HttpContext context, string page)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        return context.Response.SendFileAsync(Path.Combine(BundleDirectory, page), context.RequestAborted);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "The pages' bundle is missing from {BundleDirectory}, so /authors/{{id}} and /explore are not served; building the server bundles them with npm.")]
    private static partial void LogBundleMissing(ILogger logger, string bundleDirectory);
}
