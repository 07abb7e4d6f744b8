using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;

/// <summary>A schema of a few fields, enough to drive the transports without a real one.</summary>
public sealed class TransportTestSchema : global::GraphQL.Types.Schema
{
    public const string SecretDetail = "secret-connection-string-detail";

    public TransportTestSchema(IServiceProvider services)
        : base(services)
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field<StringGraphType>("hello").Resolve(_ => "world");
        query.Field<StringGraphType>("echo")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Resolve(context => context.GetArgument<string>("text"));
        query.Field<StringGraphType>("fail").Resolve(_ => throw new InvalidOperationException(SecretDetail));
        query.AddLimitsTestFields();
        Query = query;

        var mutation = new ObjectGraphType { Name = "Mutation" };
        mutation.Field<StringGraphType>("touch").Resolve(_ => "touched");
        Mutation = mutation;

        var subscription = new ObjectGraphType { Name = "Subscription" };
        subscription.Field<StringGraphType>("messages")
            .Argument<NonNullGraphType<StringGraphType>>("channel")
            .Resolve(context => context.Source)
            .ResolveStream(context => context.RequestServices!.GetRequiredService<TestMessages>().Observe(context.GetArgument<string>("channel")));
        Subscription = subscription;
    }
}
