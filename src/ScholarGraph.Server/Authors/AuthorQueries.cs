using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.GraphQL.Data.Paging.Types;
using ScholarGraph.Server.Nodes;
using ScholarGraph.GraphQL.Data.Paging.Extensions;
using ScholarGraph.GraphQL.Data.Sorting.Extensions;

namespace ScholarGraph.Server.Authors;

/// <summary>The root fields that read authors: <c>authors</c> (a page) and <c>author(id:)</c>.</summary>
internal static class AuthorQueries
{
    /// <summary>Adds <c>authors</c>: all authors, by name unless <c>order</c> says otherwise.</summary>
    public static void AddAuthorsField(this ObjectGraphType query, PagingOptions paging) =>
        query.Field<AuthorsConnectionType>("authors").Description("All authors, by name unless `order` says otherwise.").WithPagingArguments(paging)
            .WithWhereAndOrderArguments(typeof(AuthorFilterInputType), typeof(AuthorSortInputType))
            .ResolveAsync(async c => await c.LoadAuthorsAsync());

    /// <summary>Adds <c>author(id:)</c>: the author with the given global id, or null.</summary>
    public static void AddAuthorField(this ObjectGraphType query) =>
        query.Field<AuthorType>("author").Description("The author with the given id, or null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The author's global id.")
            .Resolve(c => c.LoadAuthor(NodeIds.KeyOf(c, AuthorType.TypeName)));
}
