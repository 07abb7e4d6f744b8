using GraphQL.DataLoader;

namespace ScholarGraph.GraphQL.Data.Batching.Extensions;

/// <summary>Composition of pending results.</summary>
public static class DataLoaderResultExtensions
{
    /// <summary>Maps the value of <paramref name="result"/> when it arrives, without dispatching it any earlier.</summary>
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, TResult> map) =>
        new DeferredResult<TResult>(async ct => map(await result.GetResultAsync(ct).ConfigureAwait(false)));
}
