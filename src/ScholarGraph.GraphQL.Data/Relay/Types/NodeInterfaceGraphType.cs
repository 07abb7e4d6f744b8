using GraphQL.Types;

namespace ScholarGraph.GraphQL.Data.Relay.Types;

/// <summary>The Relay <c>Node</c> interface: objects with a global id that <c>node(id:)</c> can refetch.</summary>
public sealed class NodeInterfaceGraphType : InterfaceGraphType
{
    /// <summary>Defines the interface.</summary>
    public NodeInterfaceGraphType()
    {
        Name = "Node";
        Description = "The node interface is implemented by entities that have a global unique identifier.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The global, opaque identifier of the object.");
    }
}
