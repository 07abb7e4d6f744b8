using GraphQL;
using GraphQL.DataLoader;
using ScholarGraph.GraphQL.Data.Relay;
using ScholarGraph.Server.Authors;
using ScholarGraph.Server.Institutions;
using ScholarGraph.Server.Nodes;
using ScholarGraph.Server.Papers;
using ScholarGraph.Server.Topics;
using ScholarGraph.Storage.Search;

namespace ScholarGraph.Server.Search;

/// <summary>The node type of each searched kind, and the entity of a hit loaded by key (batched with every other of the level).</summary>
internal static class SearchEntities
{
    /// <summary>The node type name of <paramref name="kind"/>.</summary>
    public static string TypeNameOf(SearchKind kind) => kind switch
    {
        SearchKind.Paper => PaperType.TypeName,
        SearchKind.Author => AuthorType.TypeName,
        SearchKind.Institution => InstitutionType.TypeName,
        _ => TopicType.TypeName,
    };

    /// <summary>The global id of the entity of <paramref name="kind"/> with <paramref name="key"/>.</summary>
    public static string GlobalIdOf(SearchKind kind, string key) => GlobalId.Encode(TypeNameOf(kind), key);

    /// <summary>The entity, through the node loaders.</summary>
    public static IDataLoaderResult<object?> Load(IResolveFieldContext context, SearchKind kind, string key) =>
        NodeFields.LoadNode(context, TypeNameOf(kind), key);
}
