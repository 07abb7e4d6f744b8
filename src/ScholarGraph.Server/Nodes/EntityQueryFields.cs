using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.GraphQL.Data.Paging.Extensions;
using ScholarGraph.GraphQL.Data.Sorting.Extensions;

namespace ScholarGraph.Server.Nodes;

/// <summary>The two root fields every entity room adds in the same shape: a page of all of them, and one by its global id.</summary>
internal static class EntityQueryFields
{
    /// <summary>
    /// Adds root field <paramref name="name"/>: a page of all entities of <typeparamref name="TConnection"/>, with paging, <c>where</c>
    /// (<typeparamref name="TFilter"/>) and <c>order</c> (<typeparamref name="TSort"/>) arguments, loaded by <paramref name="load"/>.
    /// </summary>
    public static void AddConnectionField<TConnection, TFilter, TSort, T>(
        this ObjectGraphType query, string name, string description, PagingOptions paging, Func<IResolveFieldContext, Task<T>> load)
        where TConnection : IGraphType
        where TFilter : IInputObjectGraphType
        where TSort : IInputObjectGraphType =>
        query.Field<TConnection>(name).Description(description).WithPagingArguments(paging)
            .WithWhereAndOrderArguments(typeof(TFilter), typeof(TSort))
            .ResolveAsync(async c => await load(c));

    /// <summary>
    /// Adds root field <paramref name="name"/><c>(id: ID!)</c>: the entity of node type <paramref name="typeName"/> with that global id,
    /// or null when there is none; an id of another type gets an <c>INVALID_ID</c> error.
    /// </summary>
    public static void AddLookupField<TGraphType, T>(
        this ObjectGraphType query, string name, string typeName, Func<IResolveFieldContext, string, IDataLoaderResult<T?>> load)
        where TGraphType : IGraphType =>
        query.Field<TGraphType>(name).Description($"The {name} with the given id, or null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", $"The {name}'s global id.")
            .Resolve(c => load(c, NodeIds.KeyOf(c, typeName)));
}
