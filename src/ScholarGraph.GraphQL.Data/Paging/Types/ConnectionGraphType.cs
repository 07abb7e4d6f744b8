using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Execution;

namespace ScholarGraph.GraphQL.Data.Paging.Types;

/// <summary>
/// A Relay connection type named as Hot Chocolate names it, after the field that returns it (<c>authors</c> gives
/// <c>AuthorsConnection</c> and <c>AuthorsEdge</c>). Derive one small class per name, because GraphQL.NET builds one instance of
/// each graph type class. Resolves over <see cref="IConnection"/>.
/// </summary>
/// <typeparam name="TNodeGraphType">The graph type of the nodes.</typeparam>
public abstract class ConnectionGraphType<TNodeGraphType> : ObjectGraphType<IConnection>
    where TNodeGraphType : IGraphType
{
    /// <summary>Defines the connection and its edge type, <c>{name}Connection</c> and <c>{name}Edge</c>.</summary>
    /// <param name="name">The PascalCase name of the field the connection belongs to, for example <c>Authors</c>.</param>
    /// <param name="nodeDescription">What one node is, in a few words (for example "an author"), for the descriptions.</param>
    protected ConnectionGraphType(string name, string nodeDescription)
    {
        Name = name + "Connection";
        Description = "A connection to a list of items.";
        Edge = new ObjectGraphType<IEdge> { Name = name + "Edge", Description = "An edge in a connection." };
        // Cursors, nodes, edges and the page's information are read from the edge or connection alone (member resolvers, read
        // without a resolve context); the total count is a loader result, resolved as any field's.
        Edge.Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("A cursor for use in pagination.")
            .FieldType.Resolver = new MemberResolver<IEdge, string>(e => e.Cursor);
        Edge.Field<NonNullGraphType<TNodeGraphType>>("node")
            .Description($"The item at the end of the edge: {nodeDescription}.")
            .FieldType.Resolver = new MemberResolver<IEdge, object?>(NodeOf);

        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo")
            .Description("Information to aid in pagination.")
            .FieldType.Resolver = new MemberResolver<IConnection, PageInfo>(c => c.PageInfo);
        Field("edges", new ListGraphType(new NonNullGraphType(Edge)))
            .Description("A list of edges.")
            .FieldType.Resolver = new MemberResolver<IConnection, IReadOnlyList<IEdge>>(c => c.Edges);
        Field<ListGraphType<NonNullGraphType<TNodeGraphType>>>("nodes")
            .Description("A flattened list of the nodes.")
            .FieldType.Resolver = new MemberResolver<IConnection, object?[]>(c => NodesOf(c.Edges));
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("Identifies the total count of items in the connection. Counted only when selected.")
            .Resolve(c => c.Source.TotalCount());
    }

    /// <summary>
    /// The node an edge points at. By default the edge's own node; a connection whose edges carry data about the relationship
    /// (such as a coauthorship's weight) stores that record as the edge's node and returns the far end here.
    /// </summary>
    protected virtual object? NodeOf(IEdge edge) => edge.Node;

    // An array, which execution walks by index, rather than a query over the edges.
    private object?[] NodesOf(IReadOnlyList<IEdge> edges)
    {
        var nodes = new object?[edges.Count];
        for (var i = 0; i < nodes.Length; i++)
            nodes[i] = NodeOf(edges[i]);
        return nodes;
    }

    /// <summary>The edge type; derived connections may add fields that describe the relationship the edge stands for.</summary>
    protected ObjectGraphType<IEdge> Edge { get; }
}
