using System.CommandLine;
using ScholarGraph.Server.Schema;
using ScholarGraph.GraphQL.AspNetCore.Http;

namespace ScholarGraph.Server.Hosting.CommandLine;

/// <summary>The <c>schema export</c> verb: prints the live schema's SDL, the same text <c>GET /graphql?sdl</c> serves.</summary>
public static class SchemaExport
{
    /// <summary>The <c>schema</c> command with its <c>export</c> verb, which calls <paramref name="export"/> with the output file.</summary>
    internal static Command Create(Func<string?, Task<int>> export)
    {
        var file = new Option<string>("--output") { Description = "The file to write (default: standard output).", HelpName = "FILE" };
        var exportCommand = new Command("export", "Prints the schema's SDL, as GET /graphql?sdl serves it.") { file };
        exportCommand.SetAction(parsed => export(parsed.GetValue(file)));
        return new Command("schema", "Works with the GraphQL schema.") { exportCommand };
    }

    /// <summary>Writes the SDL to <paramref name="outputFile"/>, or to standard output when it is <c>null</c>.</summary>
    public static async Task<int> RunAsync(string? outputFile)
    {
        // The schema needs no data: compose the server on a throw-away in-memory store and never start it.
        var builder = ScholarGraphHostingExtensions.CreateScholarGraphBuilder([]);
        builder.Configuration["Database:Provider"] = "InMemory";
        builder.Configuration["Database:SeedOnStart"] = "false";
        builder.Logging.ClearProviders();
        builder.AddScholarGraph();
        await using var app = builder.Build();
        var sdl = SchemaSdl.Print(app.Services.GetRequiredService<ScholarGraphSchema>());
        if (outputFile is null)
            await Console.Out.WriteAsync(sdl);
        else
            await File.WriteAllTextAsync(outputFile, sdl);
        return 0;
    }
}
