using System.Runtime.CompilerServices;
using GraphQL;
using GraphQLParser.AST;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Batching;
using ScholarGraph.GraphQL.Data.Batching.Extensions;
using ScholarGraph.GraphQL.Data.Errors;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.GraphQL.Data.Paging.Expressions;
using ScholarGraph.GraphQL.Data.Paging.Types;
using ScholarGraph.GraphQL.Data.Projection;
using ScholarGraph.GraphQL.Data.Projection.Extensions;
using ScholarGraph.Server.GraphQuestions.GraphIndex;

namespace ScholarGraph.Server.Authors;

/// <summary>
/// Forward pages of all authors in their default order (<see cref="AuthorLoaders.AuthorsByName"/>: by name, then key) cut from
/// the names beside the graph index (<see cref="GraphSnapshot.AuthorsInNameOrder"/>), when the page's nodes read nothing of an
/// author but its key and name (fields below them that load by the author's key, such as its papers, do not count). The cursors,
/// <c>pageInfo</c> and <c>totalCount</c> are the store path's (the same cursor writer and slicing), so a cursor from one path
/// continues on the other.
/// </summary>
/// <remarks>
/// The store answers wherever the index cannot, or might not, give the same page: with <c>where</c> or <c>order</c>, backward
/// pages, a selection reading other columns, a fragment in the connection's selection, or before the index is built. The names
/// follow every write before the write returns, as the graph questions do.
/// </remarks>
internal static class AuthorPagesFromIndex
{
    private static readonly ConditionalWeakTable<GraphQLField, StrongBox<bool>> Answerable = new();

    /// <summary>The page of authors the field asks for, or <c>null</c> where the store must answer.</summary>
    public static Connection<Author>? TryLoad(IResolveFieldContext context)
    {
        if (!IsAnswerable(context) || context.DataArgumentsKey().Length != 0
            || context.RequestServices!.GetRequiredService<GraphIndexHolder>() is not { IsBuilt: true } holder)
            return null;
        var snapshot = holder.Current;
        var page = PageRequest.From(context, context.RequestServices!.GetRequiredService<PagingOptions>());
        if (!page.Forward || snapshot.AuthorsInNameOrder is not { } order)
            return null;

        var authors = snapshot.Index.Authors;
        var start = 0;
        if (page.Cursor is not null)
        {
            var values = AuthorLoaders.AuthorsByName.ValuesOf(page.Cursor, context.FieldPath() + "(after)");
            start = AuthorsByName.FirstAfter(order, authors, snapshot.Names, (string)values[0]!, (string)values[1]!);
        }
        var rows = new List<Author>(Math.Min(page.Size + 1, order.Length - start));
        for (var i = start; i < order.Length && rows.Count <= page.Size; i++)
        {
            var key = authors.KeyOf(order[i]);
            snapshot.Names.TryGet(key, order[i], out var name);
            rows.Add(new Author { Id = key, Name = name });
        }
        var count = order.Length;
        return QueryablePaging.Slice(rows, AuthorLoaders.AuthorsByName, page, () => new ReadyResult<int>(count));
    }

    // Whether the connection's nodes read only the key and the name and its selection has no fragment (which might select
    // groupCounts, which needs the store); worked out once per parsed field and kept as long as the document is.
    private static bool IsAnswerable(IResolveFieldContext context) =>
        Answerable.GetValue(context.FieldAst, _ =>
        {
            var projection = context.ProjectionFor<Author>(SelectionPaths.ConnectionNodes, AuthorLoaders.AuthorsByName.Members);
            var selections = context.FieldAst.SelectionSet?.Selections ?? [];
            return new StrongBox<bool>(projection is not null
                && selections.All(s => s is GraphQLField field && field.Name.StringValue != "groupCounts")
                && projection.Signature.Split(',').All(m => m is nameof(Author.Id) or nameof(Author.Name)));
        }).Value;
}
