using GraphQL.DataLoader;
using ScholarGraph.GraphQL.Data.Batching;
using ScholarGraph.GraphQL.Data.Batching.Extensions;

namespace ScholarGraph.GraphQL.Data.Tests.Batching;

public sealed class BatchLoaderTests
{
    private readonly List<IReadOnlyList<int>> _batches = [];

    private BatchLoader<int, string> NewLoader() => new((keys, _) =>
    {
        lock (_batches)
            _batches.Add([.. keys]);
        return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.Where(k => k > 0).ToDictionary(k => k, k => $"#{k}"));
    });

    [Fact]
    public async Task Keys_asked_for_before_the_first_await_are_fetched_in_one_call()
    {
        var loader = NewLoader();
        var results = new[] { 1, 2, 3, 2 }.Select(loader.Load).ToList();
        Assert.Empty(_batches); // nothing is fetched until a result is awaited
        var values = await Task.WhenAll(results.Select(r => r.GetResultAsync()));
        Assert.Equal(new string?[] { "#1", "#2", "#3", "#2" }, values);
        Assert.Equal([1, 2, 3], Assert.Single(_batches));
    }

    [Fact]
    public async Task A_missing_key_resolves_to_null_and_a_known_key_is_not_fetched_again()
    {
        var loader = NewLoader();
        Assert.Null(await loader.Load(-1).GetResultAsync());
        Assert.Equal("#1", await loader.Load(1).GetResultAsync());
        Assert.Equal("#1", await loader.Load(1).GetResultAsync());
        Assert.Equal(2, _batches.Count);
    }

    [Fact]
    public async Task A_failing_fetch_faults_every_result_of_its_batch()
    {
        var loader = new BatchLoader<int, string>((_, _) => throw new InvalidOperationException("database down"));
        var a = loader.Load(1);
        var b = loader.Load(2);
        await Assert.ThrowsAsync<InvalidOperationException>(() => a.GetResultAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => b.GetResultAsync());
    }

    [Fact]
    public async Task Then_maps_without_dispatching_early()
    {
        var loader = NewLoader();
        var mapped = loader.Load(4).Then(v => v!.Length);
        Assert.Empty(_batches);
        Assert.Equal(2, await ((IDataLoaderResult<int>)mapped).GetResultAsync());
    }
}
