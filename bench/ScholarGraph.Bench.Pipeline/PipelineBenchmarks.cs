using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ScholarGraph.Bench.Load;

namespace ScholarGraph.Bench.Pipeline;

/// <summary>
/// The small and the list query of the load benchmark, each request body to response bytes through the real endpoint, and beside
/// each its floor: writing that query's answer, precomputed, into the same kind of response. Each category's ratio is to its floor.
/// The small query takes the typical authors in turn, as wrk does.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PipelineBenchmarks
{
    private PipelineHost _host = null!;
    private byte[][] _smallBodies = [];
    private byte[] _listBody = [];
    private byte[] _smallAnswer = [];
    private byte[] _listAnswer = [];
    private readonly MemoryStream _response = new();
    private int _next;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _host = await PipelineHost.GetAsync();
        _smallBodies = [.. _host.Inputs.TypicalAuthorIds.Select(id => Encoding.UTF8.GetBytes(Scenarios.Body(Scenarios.Small, new { id })))];
        _listBody = Encoding.UTF8.GetBytes(Scenarios.Body(Scenarios.List, null));
        _smallAnswer = await AnswerAsync(_smallBodies[0]);
        _listAnswer = await AnswerAsync(_listBody);
    }

    private async Task<byte[]> AnswerAsync(byte[] body)
    {
        _response.SetLength(0);
        await _host.PostAsync(body, _response);
        var answer = _response.ToArray();
        if (Encoding.UTF8.GetString(answer).Contains("\"errors\"", StringComparison.Ordinal))
            throw new InvalidOperationException("The query answered with errors: " + Encoding.UTF8.GetString(answer));
        return answer;
    }

    [BenchmarkCategory("small"), Benchmark(Description = "small: node(id:) name")]
    public Task Small()
    {
        _response.SetLength(0);
        return _host.PostAsync(_smallBodies[_next++ % _smallBodies.Length], _response);
    }

    [BenchmarkCategory("small"), Benchmark(Baseline = true, Description = "small: floor (same bytes)")]
    public Task SmallFloor()
    {
        _response.SetLength(0);
        return PipelineHost.WriteFloorAsync(_smallAnswer, _response);
    }

    [BenchmarkCategory("list"), Benchmark(Description = "list: 20 authors x 5 newest titles")]
    public Task List()
    {
        _response.SetLength(0);
        return _host.PostAsync(_listBody, _response);
    }

    [BenchmarkCategory("list"), Benchmark(Baseline = true, Description = "list: floor (same bytes)")]
    public Task ListFloor()
    {
        _response.SetLength(0);
        return PipelineHost.WriteFloorAsync(_listAnswer, _response);
    }
}
