using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Relay;
using ScholarGraph.GraphQL.Data.Relay.Types;

namespace ScholarGraph.Server.Nodes;

/// <summary>Makes an entity type a Relay node: the <c>Node</c> interface, its type check, and the global <c>id</c> field.</summary>
internal static class NodeTypeExtensions
{
    public static void ImplementNode<T>(this ObjectGraphType<T> type, string typeName, string noun, Func<T, string> keyOf)
    {
        type.Name = typeName;
        type.Interface<NodeInterfaceGraphType>();
        type.IsTypeOf = o => o is T;
        type.Field<NonNullGraphType<IdGraphType>>("id").Description($"The global, opaque identifier of the {noun}.")
            .Resolve(c => GlobalId.Encode(typeName, keyOf(c.Source)));
    }
}
