using Xunit.Abstractions;
using Xunit.Sdk;

namespace ScholarGraph.Tests.Shared.Postgres;

/// <summary>
/// Marks a test class that runs on PostgreSQL (<see cref="PostgresTestServer"/>). Where no server is given, every test of the class
/// is reported as skipped with <see cref="PostgresTestServer.MissingReason"/> (by <see cref="ProviderTestFramework"/>), so the
/// same tests that run on SQLite and InMemory are never left out in silence; its fixtures are then never made.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresPostgresAttribute : Attribute;

/// <summary>
/// Marks a test class that starts PostgreSQL clusters of its own (<see cref="PostgresCluster"/>): where PostgreSQL's programs are
/// missing, every test of the class is reported as skipped with <see cref="PostgresCluster.MissingReason"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresPostgresBinariesAttribute : Attribute;

/// <summary>
/// xunit's framework, except that it discovers the tests of a <see cref="RequiresPostgresAttribute"/> class as skipped, with the
/// reason, where no PostgreSQL server is given, and those of a <see cref="RequiresPostgresBinariesAttribute"/> class where
/// PostgreSQL's programs are missing. A test project uses it with
/// <c>[assembly: TestFramework("ScholarGraph.Tests.Shared.Postgres.ProviderTestFramework", "&lt;the test assembly&gt;")]</c>.
/// </summary>
public sealed class ProviderTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
        protected override bool FindTestsForType(ITestClass testClass, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            if (SkipReason(testClass) is not { } reason)
                return base.FindTestsForType(testClass, includeSourceInformation, messageBus, discoveryOptions);
            foreach (var method in testClass.Class.GetMethods(includePrivateMethods: true))
            {
                if (!method.GetCustomAttributes(typeof(FactAttribute)).Any())
                    continue;
                var testCase = new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                    discoveryOptions.MethodDisplayOptionsOrDefault(), new TestMethod(testClass, method), reason);
                if (!ReportDiscoveredTestCase(testCase, includeSourceInformation, messageBus))
                    return false;
            }
            return true;
        }

        private static string? SkipReason(ITestClass testClass)
        {
            if (PostgresTestServer.ConnectionString is null && testClass.Class.GetCustomAttributes(typeof(RequiresPostgresAttribute)).Any())
                return PostgresTestServer.MissingReason;
            if (PostgresCluster.MissingReason is { } missing && testClass.Class.GetCustomAttributes(typeof(RequiresPostgresBinariesAttribute)).Any())
                return missing;
            return null;
        }
    }
}
