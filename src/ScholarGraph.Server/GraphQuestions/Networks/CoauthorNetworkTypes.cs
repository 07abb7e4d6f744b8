using GraphQL.Types;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.GraphQL.Data.Paging.Expressions;
using ScholarGraph.GraphQL.Data.Paging.Extensions;
using ScholarGraph.GraphQL.Data.Paging.Types;
using ScholarGraph.GraphQL.AspNetCore.Limits;
using ScholarGraph.Graph.Scholarly;
using ScholarGraph.Server.Authors;
using ScholarGraph.Server.GraphQuestions.GraphIndex;
using ScholarGraph.Server.Papers;

namespace ScholarGraph.Server.GraphQuestions.Networks;

/// <summary>A paper of a connection computed by the graph index, with its rank in the connection's order.</summary>
/// <param name="Rank">Position in the order the index gave, from 0.</param>
/// <param name="Paper">The paper.</param>
public sealed record RankedPaper(int Rank, Paper Paper);

/// <summary>The <c>CoauthorNetwork</c> type.</summary>
public sealed class CoauthorNetworkType : ObjectGraphType<Indexed<CoauthorNetwork>>
{
    /// <summary>Defines the fields.</summary>
    public CoauthorNetworkType()
    {
        Name = "CoauthorNetwork";
        Description = "The authors around a center author and the coauthorships among them, ready to draw.";
        Field<NonNullGraphType<AuthorType>>("center").Description("The author the network was grown from.")
            .Resolve(c => c.LoadAuthor(c.Source.Snapshot, c.Source.Value.Nodes[0].Author));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CoauthorNetworkNodeType>>>>("nodes")
            .Description("The authors of the network: the center first, then by distance, strongest ties first.")
            .Resolve(c => c.Source.Value.Nodes.Select(n => new Indexed<NetworkNode>(c.Source.Snapshot, n)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CoauthorNetworkEdgeType>>>>("edges")
            .Description("Every coauthorship between two authors of the network with at least `minSharedPapers` shared papers.")
            .Resolve(c => c.Source.Value.Edges.Select(e => new Indexed<NetworkEdge>(c.Source.Snapshot, e)));
        Field<NonNullGraphType<BooleanGraphType>>("truncated")
            .Description("True when `maxNodes` left out authors within the depth; the strongest ties were kept.")
            .Resolve(c => c.Source.Value.Truncated);
    }
}

/// <summary>The <c>CoauthorNetworkNode</c> type.</summary>
public sealed class CoauthorNetworkNodeType : ObjectGraphType<Indexed<NetworkNode>>
{
    /// <summary>Defines the fields.</summary>
    public CoauthorNetworkNodeType()
    {
        Name = "CoauthorNetworkNode";
        Description = "An author of a coauthor network.";
        Field<NonNullGraphType<AuthorType>>("author").Description("The author.")
            .Resolve(c => c.LoadAuthor(c.Source.Snapshot, c.Source.Value.Author));
        Field<NonNullGraphType<IntGraphType>>("distance").Description("Coauthor steps from the center; 0 for the center.")
            .Resolve(c => c.Source.Value.Distance);
        Field<NonNullGraphType<IntGraphType>>("papersInNetwork")
            .Description("The author's papers (within the date and topic filters) that another author of the network is also on.")
            .Cost(GraphQuestionCosts.PapersInNetwork)
            .Resolve(c => c.Source.Value.PapersInNetwork);
    }
}

/// <summary>The <c>CoauthorNetworkEdge</c> type.</summary>
public sealed class CoauthorNetworkEdgeType : ObjectGraphType<Indexed<NetworkEdge>>
{
    /// <summary>Defines the fields.</summary>
    public CoauthorNetworkEdgeType(PagingOptions paging)
    {
        Name = "CoauthorNetworkEdge";
        Description = "A coauthorship between two authors of a network.";
        Field<NonNullGraphType<AuthorType>>("source").Description("One author of the two; a coauthorship has no direction, so which one is the source means nothing.")
            .Resolve(c => c.LoadAuthor(c.Source.Snapshot, c.Source.Value.Source));
        Field<NonNullGraphType<AuthorType>>("target").Description("The other author.")
            .Resolve(c => c.LoadAuthor(c.Source.Snapshot, c.Source.Value.Target));
        Field<NonNullGraphType<IntGraphType>>("weight").Description("How many papers they share within the filters.")
            .Resolve(c => c.Source.Value.Weight);
        Field<IntGraphType>("firstYear").Description("Year of their earliest dated shared paper, or null when none is dated.")
            .Resolve(c => c.Source.Value.FirstYear);
        Field<IntGraphType>("lastYear").Description("Year of their latest dated shared paper, or null when none is dated.")
            .Resolve(c => c.Source.Value.LastYear);
        Field<NonNullGraphType<SharedPapersConnectionType>>("sharedPapers")
            .Description("The papers they share within the filters, newest first.")
            .WithPagingArguments(paging)
            .Resolve(c => c.LoadComputedConnection("CoauthorNetworkEdge.sharedPapers", c.Source,
                StoreLookups.Papers<Indexed<NetworkEdge>, RankedPaper>(c,
                    e => e.Value.SharedPapers.Select(e.Snapshot.Index.Papers.KeyOf), (_, rank, paper) => new RankedPaper(rank, paper)),
                NewestFirst));
    }

    /// <summary>Shared papers newest first (papers without a date last), then by id.</summary>
    internal static readonly KeysetOrdering<RankedPaper> NewestFirst = KeysetOrdering<RankedPaper>.Named("SharedPaper:newest")
        .ThenByDescending(p => p.Paper.PublicationDate).ThenBy(p => p.Paper.Id);
}

/// <summary><c>SharedPapersConnection</c>: a page of the papers two authors share.</summary>
public sealed class SharedPapersConnectionType : ConnectionGraphType<PaperType>
{
    /// <summary>Defines the connection.</summary>
    public SharedPapersConnectionType() : base("SharedPapers", "a paper both authors are on")
    {
    }

    /// <inheritdoc />
    protected override object? NodeOf(IEdge edge) => ((RankedPaper)edge.Node!).Paper;
}
