using GraphQL.DataLoader;

namespace ScholarGraph.GraphQL.Data.Batching;

/// <summary>
/// A value computed only when GraphQL.NET asks for it (after the rest of the level has resolved), so that work such as a COUNT
/// runs only for fields a client selected.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class DeferredResult<T>(Func<CancellationToken, Task<T>> compute) : IDataLoaderResult<T>
{
    private Task<T>? _value;
    private readonly Lock _lock = new();

    /// <inheritdoc />
    public Task<T> GetResultAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
            return _value ??= compute(cancellationToken);
    }

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
        await GetResultAsync(cancellationToken).ConfigureAwait(false);
}
