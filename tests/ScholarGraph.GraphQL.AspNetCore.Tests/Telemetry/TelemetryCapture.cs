using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Telemetry;

/// <summary>Every span stopped by the named sources while it lives (spans of any host in the process: filter by trace id).</summary>
public sealed class ActivityCapture : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public ActivityCapture(params string[] sources)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => sources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Stopped => [.. _stopped];

    /// <summary>The stopped spans of the trace <paramref name="traceId"/>.</summary>
    public IReadOnlyList<Activity> OfTrace(ActivityTraceId traceId) => Stopped.Where(a => a.TraceId == traceId).ToList();

    public void Dispose() => _listener.Dispose();
}

/// <summary>A W3C <c>traceparent</c> header value starting a trace of its own, so a test finds its spans among those of others.</summary>
public static class TraceParent
{
    public static (string Header, ActivityTraceId TraceId) New()
    {
        var traceId = ActivityTraceId.CreateRandom();
        return ($"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01", traceId);
    }
}

/// <summary>One measurement of an instrument, with its tags.</summary>
public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public object? Tag(string name) => Tags.TryGetValue(name, out var value) ? value : null;
}

/// <summary>The measurements of the meter <c>meterName</c> made by one host's <see cref="IMeterFactory"/> (so other hosts' never mix in).</summary>
public sealed class MeasurementCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public MeasurementCapture(IMeterFactory meters, string meterName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && ReferenceEquals(instrument.Meter.Scope, meters))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    public IReadOnlyList<Measurement> Of(string instrument) => [.. _measurements.Where(m => m.Instrument == instrument)];

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
            copy[tag.Key] = tag.Value;
        _measurements.Enqueue(new Measurement(instrument.Name, value, copy));
    }

    public void Dispose() => _listener.Dispose();
}

/// <summary>One log line as written: its category, level, message, structured values and the values of every scope around it.</summary>
public sealed record LogLine(string Category, LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, object?>> Values,
    IReadOnlyList<KeyValuePair<string, object?>> Scopes, string? Exception)
{
    public object? Scope(string key) => Scopes.LastOrDefault(s => s.Key == key).Value;

    /// <summary>Everything the line carries, as text, to search for what must never be logged.</summary>
    public string AllText => string.Join("\n", new[] { Category, Message, Exception ?? "" }
        .Concat(Values.Concat(Scopes).Select(v => $"{v.Key}={v.Value}")));
}

/// <summary>Keeps every log line at every level, with its scopes (read through the logger factory's scope provider).</summary>
public sealed class ScopedLogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<LogLine> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(ScopedLogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<KeyValuePair<string, object?>>();
            capture._scopes.ForEachScope((scope, list) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> values)
                    list.AddRange(values);
                else if (scope is not null)
                    list.Add(new("(scope)", scope.ToString()));
            }, scopes);
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            capture._lines.Enqueue(new LogLine(category, logLevel, formatter(state, exception), [.. values], scopes, exception?.ToString()));
        }
    }
}
