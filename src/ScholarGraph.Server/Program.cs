var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.Run();

/// <summary>The server's entry point; public so that tests can host it through <c>WebApplicationFactory</c>.</summary>
public partial class Program;
