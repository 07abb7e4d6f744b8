using ScholarGraph.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddScholarGraph();

var app = builder.Build();
app.MapScholarGraph();
await app.InitializeScholarGraphAsync();
await app.RunAsync();

/// <summary>The server's entry point; public so that tests can host it through <c>WebApplicationFactory</c>.</summary>
public partial class Program;
