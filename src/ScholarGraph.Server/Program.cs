using ScholarGraph.Server.Hosting;
using ScholarGraph.Server.Hosting.CommandLine;

if (await ScholarGraphCommandLine.TryRunAsync(args, SchemaExport.RunAsync) is { } exitCode)
    return exitCode;

var builder = ScholarGraphHostingExtensions.CreateScholarGraphBuilder(args);
builder.AddScholarGraph();
await using var app = builder.Build();
return await app.RunScholarGraphAsync();

/// <summary>The server's entry point; public so that tests can host it through <c>WebApplicationFactory</c>.</summary>
public partial class Program;
