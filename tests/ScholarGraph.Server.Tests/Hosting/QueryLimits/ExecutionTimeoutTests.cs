using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.GraphQL.AspNetCore.Errors;

namespace ScholarGraph.Server.Tests.Hosting.QueryLimits;

/// <summary>
/// The server with GraphQLLimits:ExecutionTimeout at 1 s and a database that, once asked to, takes 30 s per command unless
/// the command's cancellation token stops it.
/// </summary>
public sealed class SlowDatabaseServer() : QueryLimitsServer(new() { ["GraphQLLimits:ExecutionTimeout"] = "00:00:01" })
{
    public SlowCommands Slow { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Slow));
    }

    public sealed class SlowCommands : DbCommandInterceptor
    {
        private int _cancelled;

        public bool Enabled { get; set; }

        /// <summary>Commands whose wait the cancellation token ended.</summary>
        public int Cancelled => Volatile.Read(ref _cancelled);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Enabled)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref _cancelled);
                    throw;
                }
            }
            return result;
        }
    }
}

/// <summary>An operation over GraphQLLimits:ExecutionTimeout is stopped, its database command cancelled, and it answers EXECUTION_TIMEOUT.</summary>
public sealed class ExecutionTimeoutTests(SlowDatabaseServer server) : IClassFixture<SlowDatabaseServer>
{
    [Fact]
    public async Task A_query_over_the_timeout_is_stopped_with_its_own_error_and_its_database_command_cancelled()
    {
        // Warm up first: a cold server's first operation (schema, EF model, JIT) may alone take longer than the limit.
        Assert.Equal(HttpStatusCode.OK, (await server.PostAsync("{ authors(first: 1) { nodes { name orcid } } }")).Status);
        server.ResetWork();
        server.Slow.Enabled = true;
        try
        {
            var started = DateTime.UtcNow;
            // orcid as well as the name: a page of authors' names alone is cut from the graph index, without a store read.
            var (status, body) = await server.PostAsync("{ authors(first: 5) { nodes { name orcid } } }");

            Assert.Equal(HttpStatusCode.GatewayTimeout, status);
            Assert.InRange(DateTime.UtcNow - started, TimeSpan.Zero, TimeSpan.FromSeconds(20));
            Assert.False(body.TryGetProperty("data", out _), body.ToString());
            var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
            Assert.Equal(GraphQLHttpErrorCodes.ExecutionTimeout, error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.Equal("The operation ran longer than the limit of 00:00:01 (GraphQLLimits:ExecutionTimeout) and was stopped.",
                error.GetProperty("message").GetString());
            Assert.Equal(1, server.Slow.Cancelled);
        }
        finally
        {
            server.Slow.Enabled = false;
        }
    }
}
