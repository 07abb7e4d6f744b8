using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ScholarGraph.Bench.Pipeline;

// Issue 11's allocation and CPU profile; bench/README.md says how to run it. Without arguments: BenchmarkDotNet's ShortRun job,
// in this process (the server and its 100,000-paper index are built once, not once per benchmark), a few minutes in all. Any
// arguments go to BenchmarkDotNet (for example --job Medium, or --filter *Small*), except two of our own:
// --allocations N [small|list] (the types N requests of the small query, or of the list query, allocate) and
// --loop SECONDS [small|list] (requests in a loop, for a profiler); the small query where none is named, and a document of
// its own where the third argument starts with { or query.
switch (args)
{
    case ["--allocations", var requests, ..]:
        await AllocationProfile.PrintAsync(AllocationProfile.Named(args.ElementAtOrDefault(2)), int.Parse(requests, System.Globalization.CultureInfo.InvariantCulture));
        return;
    case ["--loop", var seconds, ..]:
        await AllocationProfile.LoopAsync(AllocationProfile.Named(args.ElementAtOrDefault(2)), int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
        return;
}
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
