using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.GraphQL.Data.Paging.Types;
using ScholarGraph.Server.Authors;

namespace ScholarGraph.Server.Coauthors;

/// <summary><c>CoauthorsConnection</c>: a page of coauthors, each edge carrying the strength of the tie.</summary>
public sealed class CoauthorsConnectionType : ConnectionGraphType<AuthorType>
{
    /// <summary>Defines the connection and adds the tie's strength to its edges.</summary>
    public CoauthorsConnectionType() : base("Coauthors", "the coauthor")
    {
        Edge.Field<NonNullGraphType<IntGraphType>>("sharedPaperCount")
            .Description("How many papers the author and this coauthor share: the weight of their tie.")
            .Resolve(c => ((Coauthor)c.Source.Node!).SharedPaperCount);
    }

    /// <inheritdoc />
    protected override object? NodeOf(IEdge edge) => ((Coauthor)edge.Node!).Author;
}
