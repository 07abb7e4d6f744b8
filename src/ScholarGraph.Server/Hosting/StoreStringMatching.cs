using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.GraphQL.Data.Filtering;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.Hosting;

/// <summary>
/// How the data layer's string operators reach each store: on PostgreSQL as <c>LIKE</c> and <c>ILIKE</c> patterns, which the
/// trigram indexes on names and titles serve (<c>Storage/Database/EntityConfigurations.cs</c>); elsewhere as the data layer's
/// portable functions (SQLite's <c>LIKE</c> ignores ASCII case, so a case-sensitive operator must never become one there).
/// </summary>
internal static class StoreStringMatching
{
    private static readonly Expression Functions = Expression.Property(null, typeof(EF), nameof(EF.Functions));

    private static readonly StringMatching Postgres = StringMatching.Like(
        (member, pattern, escape) => Expression.Call(typeof(DbFunctionsExtensions), nameof(DbFunctionsExtensions.Like), null,
            Functions, member, pattern, Expression.Constant(escape)),
        (member, pattern, escape) => Expression.Call(typeof(NpgsqlDbFunctionsExtensions), nameof(NpgsqlDbFunctionsExtensions.ILike), null,
            Functions, member, pattern, Expression.Constant(escape)));

    /// <summary>The matching for <paramref name="provider"/>.</summary>
    public static StringMatching For(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? Postgres : StringMatching.Functions;
}
