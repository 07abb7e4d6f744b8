using ScholarGraph.Server.Writes.Changes;

namespace ScholarGraph.Server.Writes.Subscriptions;

/// <summary>Registers what the root <c>Subscription</c> type needs.</summary>
public static class SubscriptionServiceCollectionExtensions
{
    /// <summary>Registers the <see cref="GraphEventHub"/> as a graph-change listener (needs <see cref="ChangeServiceCollectionExtensions.AddGraphChanges"/>).</summary>
    public static IServiceCollection AddScholarGraphSubscriptions(this IServiceCollection services) =>
        services.AddGraphChangeListener<GraphEventHub>();
}
