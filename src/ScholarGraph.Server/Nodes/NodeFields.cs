using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Batching;
using ScholarGraph.GraphQL.Data.Batching.Extensions;
using ScholarGraph.GraphQL.Data.Relay.Types;
using ScholarGraph.Server.Authors;
using ScholarGraph.Server.Institutions;
using ScholarGraph.Server.Papers;
using ScholarGraph.Server.Topics;
using ScholarGraph.Server.Venues;

namespace ScholarGraph.Server.Nodes;

/// <summary>The Relay root fields <c>node(id:)</c> and <c>nodes(ids:)</c>.</summary>
internal static class NodeFields
{
    private static readonly Dictionary<string, Func<IResolveFieldContext, string, IDataLoaderResult<object?>>> LoadersByType = new()
    {
        [AuthorType.TypeName] = (c, key) => c.LoadAuthor(key).Then(o => (object?)o),
        [PaperType.TypeName] = (c, key) => c.LoadPaper(key).Then(o => (object?)o),
        [InstitutionType.TypeName] = (c, key) => c.LoadInstitution(key).Then(o => (object?)o),
        [TopicType.TypeName] = (c, key) => c.LoadTopic(key).Then(o => (object?)o),
        [VenueType.TypeName] = (c, key) => c.LoadVenue(key).Then(o => (object?)o),
    };

    public static void AddNodeFields(this ObjectGraphType query)
    {
        query.Field<NodeInterfaceGraphType>("node")
            .Description("Fetches an object given its global id, or null when no such object exists.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The global id of the object.")
            .Resolve(c => Load(c, c.GetArgument<string>("id"), "id"));
        query.Field<NonNullGraphType<ListGraphType<NodeInterfaceGraphType>>>("nodes")
            .Description("Fetches objects given their global ids, in the order given; null for each id with no object.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "The global ids of the objects.")
            .Resolve(c =>
            {
                var ids = c.GetArgument<List<string>>("ids");
                var pending = ids.Select((id, i) => Load(c, id, $"ids[{i}]")).ToList();
                return new DeferredResult<object?[]>(async ct =>
                {
                    var values = new object?[pending.Count];
                    for (var i = 0; i < pending.Count; i++)
                        values[i] = await pending[i].GetResultAsync(ct);
                    return values;
                });
            });
    }

    /// <summary>The node of type <paramref name="typeName"/> (one of the node types) with <paramref name="key"/>, batched by type.</summary>
    public static IDataLoaderResult<object?> LoadNode(IResolveFieldContext context, string typeName, string key) => LoadersByType[typeName](context, key);

    private static IDataLoaderResult<object?> Load(IResolveFieldContext context, string id, string argument)
    {
        var (type, key) = NodeIds.Decode(context, id, argument);
        if (!LoadersByType.TryGetValue(type, out var load))
            throw NodeIds.InvalidId(context, argument, $"'{id}' names type '{type}', which has no nodes; "
                + $"node types are {string.Join(", ", LoadersByType.Keys)}");
        return load(context, key);
    }
}
