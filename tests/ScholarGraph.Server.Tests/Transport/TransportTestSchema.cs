using GraphQL;
using GraphQL.Types;

namespace ScholarGraph.Server.Tests.Transport;

/// <summary>A schema of a few fields, enough to drive the transport without the real one.</summary>
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
        Query = query;

        var mutation = new ObjectGraphType { Name = "Mutation" };
        mutation.Field<StringGraphType>("touch").Resolve(_ => "touched");
        Mutation = mutation;
    }
}
