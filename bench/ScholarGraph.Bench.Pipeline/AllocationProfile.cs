using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;
using ScholarGraph.Bench.Load;

namespace ScholarGraph.Bench.Pipeline;

/// <summary>
/// Two views of the small or the list query that BenchmarkDotNet does not give: which types its requests allocate (the runtime's
/// allocation-tick events, one sample per ~100 KB allocated, weighed by the bytes they stand for), and a plain loop of requests
/// for a profiler such as <c>perf record -p</c> to watch.
/// </summary>
internal sealed class AllocationProfile : EventListener
{
    private const string RuntimeEventSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GCKeyword = (EventKeywords)0x1;

    private readonly Dictionary<string, long> _bytesByType = new(StringComparer.Ordinal);
    private volatile bool _sampling;

    /// <summary>One of the load benchmark's queries, by the name <c>--allocations</c> and <c>--loop</c> take after their number.</summary>
    internal sealed record ProfiledQuery(string Name, Func<ScenarioInputs, IEnumerable<string>> Bodies);

    /// <summary>
    /// The query named <c>small</c> (the default, also where <paramref name="name"/> is null) or <c>list</c>, or a document of
    /// one's own without variables (text starting with <c>{</c> or <c>query</c>).
    /// </summary>
    public static ProfiledQuery Named(string? name) => name switch
    {
        null or "small" => new("small query", inputs => inputs.TypicalAuthorIds.Select(id => Scenarios.Body(Scenarios.Small, new { id }))),
        "list" => new("list query", _ => [Scenarios.Body(Scenarios.List, null)]),
        _ when name.TrimStart().StartsWith('{') || name.TrimStart().StartsWith("query", StringComparison.Ordinal) => new("query", _ => [Scenarios.Body(name, null)]),
        _ => throw new ArgumentException($"Unknown query '{name}': name small or list, or give a document starting with {{ or query."),
    };

    /// <summary>Sends <paramref name="requests"/> requests of <paramref name="query"/> after a warm-up and prints bytes per request and the top types.</summary>
    public static async Task PrintAsync(ProfiledQuery query, int requests, int top = 40)
    {
        var (host, bodies) = await BodiesAsync(query);
        var response = new MemoryStream();
        await SendAsync(host, bodies, response, Math.Min(5_000, Math.Max(requests, 500)));

        using var profile = new AllocationProfile();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        profile._sampling = true;
        await SendAsync(host, bodies, response, requests);
        profile._sampling = false;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{query.Name}: {allocated / (double)requests:N0} bytes allocated a request over {requests:N0} requests (every thread)"));
        var sampled = Math.Max(1, profile._bytesByType.Values.Sum());
        foreach (var (type, bytes) in profile._bytesByType.OrderByDescending(p => p.Value).Take(top))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bytes * 100.0 / sampled,6:F1} %  {allocated * (bytes / (double)sampled) / requests,7:N0} B  {type}"));
    }

    /// <summary>Sends requests of <paramref name="query"/> one after another for <paramref name="seconds"/>, printing the process id first.</summary>
    public static async Task LoopAsync(ProfiledQuery query, int seconds)
    {
        var (host, bodies) = await BodiesAsync(query);
        var response = new MemoryStream();
        Console.WriteLine($"sending {query.Name} requests for {seconds} s in process {Environment.ProcessId}");
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            await SendAsync(host, bodies, response, 1_000);
            sent += 1_000;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalMicroseconds / sent:F2} us a request over {sent:N0} requests"));
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == RuntimeEventSource)
            EnableEvents(source, EventLevel.Verbose, GCKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_sampling || e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || e.PayloadNames is not { } names)
            return;
        var type = e.Payload![names.IndexOf("TypeName")] as string ?? "(unknown)";
        var bytes = Convert.ToInt64(e.Payload[names.IndexOf("AllocationAmount")], CultureInfo.InvariantCulture);
        lock (_bytesByType)
            _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + bytes;
    }

    private static async Task<(PipelineHost Host, byte[][] Bodies)> BodiesAsync(ProfiledQuery query)
    {
        var host = await PipelineHost.GetAsync();
        return (host, [.. query.Bodies(host.Inputs).Select(Encoding.UTF8.GetBytes)]);
    }

    private static async Task SendAsync(PipelineHost host, byte[][] bodies, MemoryStream response, int requests)
    {
        for (var i = 0; i < requests; i++)
        {
            response.SetLength(0);
            await host.PostAsync(bodies[i % bodies.Length], response);
        }
    }
}
