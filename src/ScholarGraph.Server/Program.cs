using ScholarGraph.Server.Hosting.CommandLine;
using ScholarGraph.Server.Hosting;

if (await CommandLine.TryRunAsync(args, SchemaExport.RunAsync) is { } exitCode)
    return exitCode;

var builder = WebApplication.CreateBuilder(args);
builder.AddScholarGraph();

var app = builder.Build();
app.MapScholarGraph();
if (!await app.InitializeScholarGraphAsync())
    return 1;
await app.RunAsync();
return 0;

/// <summary>The server's entry point; public so that tests can host it through <c>WebApplicationFactory</c>.</summary>
public partial class Program;
