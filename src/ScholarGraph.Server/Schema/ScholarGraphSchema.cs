using GraphQL;
using ScholarGraph.Server.Papers;
using ScholarGraph.Server.Writes.Subscriptions;

namespace ScholarGraph.Server.Schema;

/// <summary>The ScholarGraph GraphQL schema.</summary>
public sealed class ScholarGraphSchema : global::GraphQL.Types.Schema
{
    /// <summary>Builds the schema from its root types, resolved from <paramref name="services"/>.</summary>
    public ScholarGraphSchema(IServiceProvider services, QueryType query, MutationType mutation, SubscriptionType subscription) : base(services)
    {
        Description = "ScholarGraph: authors, papers, coauthors, institutions and topics as one graph.";
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
        this.RegisterTypeMapping<DateOnly, DateGraphType>();
    }
}
