// Every test here builds a web host, many on loopback ports, and several wait on timers (keep-alives, init timeouts); run
// one at a time so a busy machine does not turn those waits into flaky failures.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
