using GraphQL.DataLoader;

namespace ScholarGraph.GraphQL.Data.Batching;

/// <summary>
/// A value already known, for a field whose resolver returns a loader's result where it must load and this where it need
/// not (a page cut from memory): no computation is deferred, and asking for it twice gives the same completed task.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class ReadyResult<T>(T value) : IDataLoaderResult<T>, IReadyResult
{
    object? IReadyResult.Value => value;

    private Task<T>? _typed;
    private Task<object?>? _untyped;

    /// <inheritdoc />
    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => _typed ??= Task.FromResult(value);

    Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => _untyped ??= Task.FromResult<object?>(value);
}

/// <summary>A loader result whose value is already known (<see cref="ReadyResult{T}"/>), for execution to read without awaiting.</summary>
internal interface IReadyResult
{
    /// <summary>The value.</summary>
    object? Value { get; }
}
