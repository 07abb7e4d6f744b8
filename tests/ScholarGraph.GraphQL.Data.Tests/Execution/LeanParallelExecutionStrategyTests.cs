using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using ScholarGraph.GraphQL.Data.Execution;
using ScholarGraph.GraphQL.Data.Projection.Extensions;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace ScholarGraph.GraphQL.Data.Tests.Execution;

/// <summary>
/// <see cref="LeanParallelExecutionStrategy"/> answers every document as GraphQL.NET's <see cref="ParallelExecutionStrategy"/>
/// does (data and errors byte for byte, request after request of one parsed document), while collecting a selection set's
/// fields once instead of once per object and reading member fields without a resolver call.
/// </summary>
public sealed class LeanParallelExecutionStrategyTests
{
    public enum Kind { Small, Large }

    public sealed class Item
    {
        public required string Name { get; init; }

        public string? Note { get; init; }

        public int Rank { get; init; }

        public Kind Kind { get; init; }

        public string Broken => throw new InvalidOperationException("the member cannot be read");

        public List<Item> Children { get; init; } = [];
    }

    private sealed class ItemType : ObjectGraphType<Item>
    {
        public ItemType()
        {
            Name = "Item";
            Field<NonNullGraphType<StringGraphType>>("name").ResolveMember(i => i.Name);
            Field<NonNullGraphType<StringGraphType>>("note").ResolveMember(i => i.Note);
            Field<IntGraphType>("rank").ResolveMember(i => i.Rank);
            Field<EnumerationGraphType<Kind>>("kind").ResolveMember(i => i.Kind);
            Field<StringGraphType>("broken").ResolveMember(i => i.Broken);
            Field<StringGraphType>("shout").Argument<StringGraphType>("suffix").Resolve(c => c.Source.Name + c.GetArgument<string>("suffix"));
            Field<ListGraphType<ItemType>>("children").Resolve(c => c.Source.Children);
        }
    }

    private static readonly List<Item> Items = [.. Enumerable.Range(0, 50).Select(i => new Item
    {
        Name = $"item {i}",
        Note = i % 7 == 3 ? null : $"note {i}",
        Rank = i * 3,
        Kind = i % 2 == 0 ? Kind.Small : Kind.Large,
        Children = [.. Enumerable.Range(0, i % 4).Select(j => new Item { Name = $"child {i}.{j}", Note = "n", Rank = j })],
    })];

    private static readonly ISchema Schema = BuildSchema();

    private static ISchema BuildSchema()
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field<ListGraphType<ItemType>>("items").Resolve(_ => Items);
        query.Field<ItemType>("first").Resolve(_ => Items[0]);
        var schema = new Schema { Query = query };
        schema.Initialize();
        return schema;
    }

    public static TheoryData<string, string[]> Documents => new()
    {
        { "{ items { name rank kind children { name rank } } }", ["{}"] },
        { "{ items { ...F children { ...F } } } fragment F on Item { name kind }", ["{}"] },
        { "{ items { ... on Item { name } rank a: rank name } first { name shout(suffix: \"!\") } }", ["{}"] },
        // The fields depend on the request: collected per object, per request, as GraphQL.NET does.
        { "query($f: Boolean!) { items { name rank @include(if: $f) children { name @skip(if: $f) } } }", ["""{"f":true}""", """{"f":false}""", """{"f":true}"""] },
        { "query($f: Boolean!) { items { ...F @include(if: $f) kind } } fragment F on Item { name }", ["""{"f":false}""", """{"f":true}"""] },
        // Null for a non-null member, and a member that throws: GraphQL.NET's errors and null propagation.
        { "{ items { name note } }", ["{}"] },
        { "{ first { name broken } items { broken } }", ["{}"] },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public Task Each_request_of_one_parsed_document_is_answered_as_GraphQL_NETs_parallel_strategy_answers_it(string query, string[] variableSets) =>
        StrategyHarness.AssertAnswersAsParallelStrategyAsync(new LeanParallelExecutionStrategy(), Schema, query, variableSets);

    [Fact]
    public async Task A_selection_set_is_collected_once_per_object_type_not_once_per_object()
    {
        var document = GraphQLParser.Parser.Parse("{ items { name children { name } } }");
        var lean = new CountingLean();
        var parallel = new CountingParallel();

        await ExecuteAsync(lean, document, "{}");
        await ExecuteAsync(lean, document, "{}");
        await ExecuteAsync(parallel, document, "{}");

        // The root, `items { ... }` and `children { ... }` once each for the document, whatever the number of objects and
        // requests: the direct run keeps its plans with the parsed document.
        Assert.Equal(3, lean.Collections);
        Assert.True(parallel.Collections > Items.Count, $"GraphQL.NET's strategy collects per object: {parallel.Collections}");
    }

    [Fact]
    public async Task A_member_field_is_read_without_its_resolver_being_called_and_other_strategies_still_call_it()
    {
        var calls = 0;
        var type = new ObjectGraphType<Item> { Name = "Counted" };
        type.Field<StringGraphType>("name").ResolveMember(i => i.Name);
        var resolver = (IMemberResolver)type.GetField("name")!.Resolver!;
        type.GetField("name")!.Resolver = new CountingMemberResolver(resolver, () => calls++);
        var query = new ObjectGraphType { Name = "Query" };
        query.Field<ListGraphType<ObjectGraphType<Item>>>("items").Resolve(_ => Items);
        query.GetField("items")!.ResolvedType = new ListGraphType(type);
        var schema = new Schema { Query = query };
        schema.Initialize();
        var document = GraphQLParser.Parser.Parse("{ items { name } }");

        var lean = await ExecuteAsync(new LeanParallelExecutionStrategy(), document, "{}", schema);
        Assert.Equal(0, calls);
        var parallel = await ExecuteAsync(new ParallelExecutionStrategy(), document, "{}", schema);
        Assert.Equal(Items.Count, calls);
        Assert.Equal(parallel, lean);
    }

    private static async Task<string> ExecuteAsync(IExecutionStrategy strategy, GraphQLDocument document, string variables, ISchema? schema = null) =>
        (await StrategyHarness.ExecuteAsync(strategy, schema ?? Schema, document, variables)).Json;

    private sealed class CountingLean : LeanParallelExecutionStrategy
    {
        public int Collections;

        protected override Dictionary<string, (GraphQLField field, FieldType fieldType)> CollectFieldsFrom(ExecutionContext context, IGraphType specificType,
            GraphQLSelectionSet selectionSet, Dictionary<string, (GraphQLField field, FieldType fieldType)>? fields)
        {
            Interlocked.Increment(ref Collections);
            return base.CollectFieldsFrom(context, specificType, selectionSet, fields);
        }
    }

    private sealed class CountingParallel : ParallelExecutionStrategy
    {
        public int Collections;

        protected override Dictionary<string, (GraphQLField field, FieldType fieldType)> CollectFieldsFrom(ExecutionContext context, IGraphType specificType,
            GraphQLSelectionSet selectionSet, Dictionary<string, (GraphQLField field, FieldType fieldType)>? fields)
        {
            Interlocked.Increment(ref Collections);
            return base.CollectFieldsFrom(context, specificType, selectionSet, fields);
        }
    }

    private sealed class CountingMemberResolver(IMemberResolver inner, Action called) : IMemberResolver
    {
        public object? Read(object? source) => inner.Read(source);

        public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
        {
            called();
            return inner.ResolveAsync(context);
        }
    }
}
