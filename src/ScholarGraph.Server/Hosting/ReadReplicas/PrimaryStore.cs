using Microsoft.EntityFrameworkCore;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.Hosting.ReadReplicas;

/// <summary>
/// The primary's contexts, whichever store an operation's resolvers read (<see cref="ReadRouting"/> hands them the replica's):
/// for the reads that must not miss a row the primary holds. Registered only when a read replica is configured.
/// </summary>
/// <param name="contexts">The primary's context factory, as the application's services resolve it outside any operation.</param>
internal sealed class PrimaryStore(IDbContextFactory<ScholarGraphDbContext> contexts)
{
    /// <summary>The primary's context factory.</summary>
    public IDbContextFactory<ScholarGraphDbContext> Contexts => contexts;

    /// <summary>
    /// The primary, when the operation of <paramref name="requestServices"/> reads another store (the replica); otherwise
    /// <c>null</c>: it reads the primary already, or no replica is configured.
    /// </summary>
    public static PrimaryStore? BesideReplica(IServiceProvider requestServices) =>
        requestServices.GetService<PrimaryStore>() is { } primary
        && !ReferenceEquals(requestServices.GetService<IDbContextFactory<ScholarGraphDbContext>>(), primary.Contexts)
            ? primary
            : null;
}
