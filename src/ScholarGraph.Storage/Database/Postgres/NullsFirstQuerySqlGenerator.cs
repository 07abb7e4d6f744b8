#pragma warning disable EF1001 // Npgsql's SQL generator is public but marked internal; this only adds to what it writes for ORDER BY.
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal;
using Npgsql.EntityFrameworkCore.PostgreSQL.Query.Internal;

namespace ScholarGraph.Storage.Database.Postgres;

/// <summary>
/// Makes PostgreSQL sort null as the smallest value, as SQLite and LINQ to Objects do (PostgreSQL's own default is the largest):
/// every ordering of a value that can be null gets <c>NULLS FIRST</c> ascending and <c>NULLS LAST</c> descending, in
/// <c>ORDER BY</c> and in window functions alike. Keyset cursors assume that order, so the same cursor continues the same page on
/// every store. A column that cannot be null keeps the plain ordering, so its indexes serve it as before; indexes on nullable sort
/// keys are declared with nulls first (<see cref="EntityConfigurations.Apply"/>).
/// </summary>
internal sealed class NullsFirstQuerySqlGenerator(
    QuerySqlGeneratorDependencies dependencies, IRelationalTypeMappingSource typeMappingSource, Version postgresVersion)
    : NpgsqlQuerySqlGenerator(dependencies, typeMappingSource, reverseNullOrderingEnabled: false, postgresVersion)
{
    protected override Expression VisitOrdering(OrderingExpression ordering)
    {
        var result = base.VisitOrdering(ordering);
        if (ordering.Expression is not ColumnExpression { IsNullable: false } && ordering.Expression is not SqlConstantExpression)
            Sql.Append(ordering.IsAscending ? " NULLS FIRST" : " NULLS LAST");
        return result;
    }
}

/// <summary>Creates <see cref="NullsFirstQuerySqlGenerator"/>s in place of Npgsql's own.</summary>
internal sealed class NullsFirstQuerySqlGeneratorFactory(
    QuerySqlGeneratorDependencies dependencies, IRelationalTypeMappingSource typeMappingSource, INpgsqlSingletonOptions npgsqlOptions)
    : IQuerySqlGeneratorFactory
{
    public QuerySqlGenerator Create() => new NullsFirstQuerySqlGenerator(dependencies, typeMappingSource, npgsqlOptions.PostgresVersion);
}

/// <summary>Makes a PostgreSQL context sort null as the smallest value (<see cref="NullsFirstQuerySqlGenerator"/>).</summary>
public static class PostgresNullOrdering
{
    /// <summary>
    /// Replaces Npgsql's SQL generator on <paramref name="builder"/> (configured with <c>UseNpgsql</c>) by one that writes
    /// <c>NULLS FIRST</c> ascending and <c>NULLS LAST</c> descending for every ordering of a value that can be null, as SQLite and
    /// LINQ to Objects order it. The store's own contexts get it from <see cref="StorageServiceCollectionExtensions.Configure(DbContextOptionsBuilder, DatabaseOptions)"/>.
    /// </summary>
    public static DbContextOptionsBuilder SortNullsFirst(this DbContextOptionsBuilder builder) =>
        builder.ReplaceService<IQuerySqlGeneratorFactory, NullsFirstQuerySqlGeneratorFactory>();
}
