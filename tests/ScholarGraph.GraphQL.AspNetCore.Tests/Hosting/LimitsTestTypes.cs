using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.GraphQL.AspNetCore.Limits;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;

/// <summary>
/// The fields of the test schema that the query limits are tried on: lists sized by <c>@listSize</c> in each way the directive
/// allows, a union, a self-nesting type for depth, and a resolver that waits until it is cancelled. Every resolver records in
/// <see cref="TestWork"/> that it ran.
/// </summary>
public static class LimitsTestTypes
{
    public static void AddLimitsTestFields(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<BookType>>>>("books")
            .Description("A list sized by `limit`, 5 without it; weighs 10.")
            .Argument<IntGraphType>("limit")
            .Cost(10)
            .ListSize(slicingArguments: ["limit"], slicingArgumentDefaultValue: 5, requireOneSlicingArgument: false)
            .Resolve(c => Record(c, BookType.Books(c.GetArgument<int?>("limit") ?? 5)));
        query.Field<ShelfType>("shelf")
            .Description("A connection-like object whose `books` are sized by `first` or `last` (10 without either); weighs 10.")
            .Argument<IntGraphType>("first")
            .Argument<IntGraphType>("last")
            .Cost(10)
            .ListSize(assumedSize: 50, slicingArguments: ["first", "last"], slicingArgumentDefaultValue: 10, sizedFields: ["books"],
                requireOneSlicingArgument: false)
            .Resolve(c => Record(c, c.GetArgument<int?>("first") ?? c.GetArgument<int?>("last") ?? 10));
        query.Field<ListGraphType<NonNullGraphType<BookType>>>("pick")
            .Description("A list that needs exactly one of `first` and `last`.")
            .Argument<IntGraphType>("first")
            .Argument<IntGraphType>("last")
            .ListSize(slicingArguments: ["first", "last"])
            .Resolve(c => Record(c, BookType.Books(c.GetArgument<int?>("first") ?? c.GetArgument<int?>("last") ?? 0)));
        query.Field<ListGraphType<NonNullGraphType<SearchResultType>>>("search")
            .Description("Books and authors, 4 of them assumed.")
            .ListSize(assumedSize: 4, requireOneSlicingArgument: false)
            .Resolve(c => Record(c, new object[] { BookType.Books(1)[0], new Author("Ann") }));
        query.Field<NestedType>("nested").Description("Nests as deep as asked.").Resolve(c => Record(c, 1));
        query.Field<StringGraphType>("slow")
            .Description("Waits until the execution is cancelled.")
            .ResolveAsync(async c =>
            {
                Record(c, 0);
                try
                {
                    await Task.Delay(Timeout.Infinite, c.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    c.RequestServices!.GetRequiredService<TestWork>().SawCancellation();
                    throw;
                }
                return "never";
            });
    }

    private static T Record<T>(IResolveFieldContext context, T value)
    {
        context.RequestServices!.GetRequiredService<TestWork>().Start(context.FieldDefinition.Name);
        return value;
    }

    public sealed record Book(string Title, Author Author);

    public sealed record Author(string Name);

    public sealed class BookType : ObjectGraphType<Book>
    {
        public BookType()
        {
            Name = "Book";
            IsTypeOf = value => value is Book;
            Field<StringGraphType>("title").Resolve(c => c.Source.Title);
            Field<AuthorType>("author").Resolve(c => c.Source.Author);
            Field<NonNullGraphType<ListGraphType<NonNullGraphType<BookType>>>>("related")
                .Argument<IntGraphType>("first", a => a.DefaultValue = 3)
                .ListSize(slicingArguments: ["first"], requireOneSlicingArgument: false)
                .Resolve(c => Books(c.GetArgument<int>("first")));
        }

        public static Book[] Books(int count) => [.. Enumerable.Range(1, Math.Max(0, count)).Select(i => new Book($"Book {i}", new Author($"Author {i}")))];
    }

    public sealed class AuthorType : ObjectGraphType<Author>
    {
        public AuthorType()
        {
            Name = "Author";
            IsTypeOf = value => value is Author;
            Field<StringGraphType>("name").Resolve(c => c.Source.Name);
        }
    }

    public sealed class ShelfType : ObjectGraphType<int>
    {
        public ShelfType()
        {
            Name = "Shelf";
            Field<NonNullGraphType<IntGraphType>>("total").Resolve(c => c.Source);
            Field<NonNullGraphType<ListGraphType<NonNullGraphType<BookType>>>>("books").Resolve(c => BookType.Books(c.Source));
        }
    }

    public sealed class SearchResultType : UnionGraphType
    {
        public SearchResultType()
        {
            Name = "SearchResult";
            Type<BookType>();
            Type<AuthorType>();
        }
    }

    public sealed class NestedType : ObjectGraphType<int>
    {
        public NestedType()
        {
            Name = "Nested";
            Field<NonNullGraphType<IntGraphType>>("level").Resolve(c => c.Source);
            Field<NestedType>("child").Resolve(c => c.Source + 1);
        }
    }
}
