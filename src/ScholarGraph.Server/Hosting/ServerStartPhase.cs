namespace ScholarGraph.Server.Hosting;

/// <summary>
/// The server's start, during which the generic host's own error log is held back. A start that fails (a port in use) is
/// logged by the host as "Hosting failed to start" with the exception and its stack trace, before the exception reaches
/// <see cref="ScholarGraphHostingExtensions.RunScholarGraphAsync"/>, which says the same in one line (or, for a failure it
/// does not know, lets the exception end the process with its stack trace as before).
/// </summary>
internal sealed class ServerStartPhase
{
    // The host's own logger: Microsoft.Extensions.Hosting.Internal.Host. It logs nothing at Information, and its debug lines
    // (hosting starting, started) are not for operators.
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    private volatile bool _starting;

    /// <summary>Starts <paramref name="app"/> (Kestrel binds its addresses here), with the host's error log held back meanwhile.</summary>
    public async Task StartAsync(WebApplication app)
    {
        _starting = true;
        try
        {
            await app.StartAsync(app.Lifetime.ApplicationStopping);
        }
        finally
        {
            _starting = false;
        }
    }

    private bool Shows(LogLevel level) => level >= LogLevel.Information && !(_starting && level >= LogLevel.Error);

    /// <summary>Registers the phase and the log filter it drives.</summary>
    public static void Register(WebApplicationBuilder builder)
    {
        var phase = new ServerStartPhase();
        builder.Services.AddSingleton(phase);
        builder.Logging.AddFilter(HostCategory, phase.Shows);
    }
}
