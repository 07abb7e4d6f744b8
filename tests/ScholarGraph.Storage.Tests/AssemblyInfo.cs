// PostgreSQL test classes are reported as skipped, with the reason, where no server is given (tests/Shared/Postgres).
[assembly: Xunit.TestFramework("ScholarGraph.Tests.Shared.Postgres.ProviderTestFramework", "ScholarGraph.Storage.Tests")]
