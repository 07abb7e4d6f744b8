using GraphQL.Types;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.Server.Nodes;

namespace ScholarGraph.Server.Authors;

/// <summary>The root fields that read authors: <c>authors</c> (a page) and <c>author(id:)</c>.</summary>
internal static class AuthorQueries
{
    /// <summary>Adds <c>authors</c>: all authors, by name unless <c>order</c> says otherwise.</summary>
    public static void AddAuthorsField(this ObjectGraphType query, PagingOptions paging) =>
        query.AddConnectionField<AuthorsConnectionType, AuthorFilterInputType, AuthorSortInputType, Connection<Author>>(
            "authors", "All authors, by name unless `order` says otherwise.", paging, c => c.LoadAuthorsAsync());

    /// <summary>Adds <c>author(id:)</c>: the author with the given global id, or null.</summary>
    public static void AddAuthorField(this ObjectGraphType query) =>
        query.AddLookupField<AuthorType, Author>("author", AuthorType.TypeName, (c, key) => c.LoadAuthor(key));
}
