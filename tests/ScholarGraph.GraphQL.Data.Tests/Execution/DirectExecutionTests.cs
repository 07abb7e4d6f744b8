using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using ScholarGraph.GraphQL.Data.Batching;
using ScholarGraph.GraphQL.Data.Execution;
using ScholarGraph.GraphQL.Data.Projection.Extensions;

namespace ScholarGraph.GraphQL.Data.Tests.Execution;

/// <summary>
/// The direct run of <see cref="LeanParallelExecutionStrategy"/> (a query without directives executed with no execution node
/// per field) answers as GraphQL.NET's <see cref="ParallelExecutionStrategy"/> does, byte for byte, for async resolvers, data
/// loaders, abstract types, aliases and merged fields, lists of lists and what resolvers read of their context; where it meets
/// an error it gives way to GraphQL.NET's execution, whose errors the response carries once.
/// </summary>
public sealed class DirectExecutionTests
{
    public sealed class Person
    {
        public required string Id { get; init; }

        public required string Name { get; init; }

        public string? Nickname { get; init; }

        public List<string> Tags { get; init; } = [];

        public List<List<int?>> Matrix { get; init; } = [];

        public List<string> FriendIds { get; init; } = [];

        public required string GroupId { get; init; }
    }

    public sealed class Group
    {
        public required string Id { get; init; }

        public required string Name { get; init; }

        public int Size { get; init; }
    }

    private static readonly List<Person> People = [.. Enumerable.Range(0, 12).Select(i => new Person
    {
        Id = $"p{i}",
        Name = $"person {i}",
        Nickname = i % 3 == 0 ? null : $"nick {i}",
        Tags = [.. Enumerable.Range(0, i % 3).Select(t => $"tag {t}")],
        Matrix = [[i, null], [], [i * 2]],
        FriendIds = [.. Enumerable.Range(1, i % 4).Select(f => $"p{(i + f) % 12}")],
        GroupId = $"g{i % 3}",
    })];

    private static readonly List<Group> Groups = [.. Enumerable.Range(0, 3).Select(i => new Group { Id = $"g{i}", Name = $"group {i}", Size = i * 10 })];

    /// <summary>Batches of the group loader dispatched so far, by every strategy.</summary>
    private static int _groupBatches;

    public sealed class NamedType : InterfaceGraphType
    {
        public NamedType()
        {
            Name = "Named";
            Field<NonNullGraphType<StringGraphType>>("name");
            ResolveType = value => value switch { Person => new GraphQLTypeReference("Person"), Group => new GraphQLTypeReference("Group"), _ => null };
        }
    }

    // Without ResolveType: each value's type is found by the possible types' IsTypeOf.
    public sealed class MemberType : UnionGraphType
    {
        public MemberType()
        {
            Name = "Member";
            Type<PersonType>();
            Type<GroupType>();
        }
    }

    public sealed class GroupType : ObjectGraphType<Group>
    {
        public GroupType()
        {
            Name = "Group";
            Field<NonNullGraphType<StringGraphType>>("name").ResolveMember(g => g.Name);
            Field<IntGraphType>("size").Resolve(c => c.Source.Size);
            Interface<NamedType>();
        }
    }

    public sealed class PersonType : ObjectGraphType<Person>
    {
        public PersonType()
        {
            Name = "Person";
            Interface<NamedType>();
            Field<NonNullGraphType<IdGraphType>>("id").ResolveMember(p => p.Id);
            Field<NonNullGraphType<StringGraphType>>("name").ResolveMember(p => p.Name);
            Field<StringGraphType>("nickname").ResolveMember(p => p.Nickname);
            Field<NonNullGraphType<StringGraphType>>("nicknameOrFail").ResolveMember(p => p.Nickname);
            Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags").ResolveMember(p => p.Tags);
            Field<ListGraphType<ListGraphType<IntGraphType>>>("matrix").ResolveMember(p => p.Matrix);
            Field<ListGraphType<PersonType>>("friends").ResolveAsync(async c =>
            {
                await Task.Yield();
                return c.Source.FriendIds.Select(id => People.Single(p => p.Id == id)).ToList();
            });
            Field<GroupType>("group").Resolve(c => LoadGroup(c.Source.GroupId));
            Field<StringGraphType>("where").Argument<StringGraphType>("note").Resolve(c => string.Join(" | ",
                string.Join("/", c.ResponsePath), string.Join("/", c.Path), c.Parent?.FieldDefinition.Name ?? "-",
                c.ParentType.Name, c.GetArgument<string>("note") ?? "-"));
            Field<StringGraphType>("warn").Resolve(c =>
            {
                c.Errors.Add(new ExecutionError($"warned about {c.Source.Name}"));
                return "warned";
            });
            Field<StringGraphType>("fails").ResolveAsync(async c =>
            {
                await Task.Yield();
                // One failure only: GraphQL.NET adds concurrent failures' errors in the order they happen to end.
                return c.Source.Id == "p5" ? throw new InvalidOperationException("the resolver failed") : "fine";
            });
        }
    }

    // A loader that dispatches every key asked for before its first result is awaited, as one batch.
    private static readonly Lock BatchGate = new();
    private static List<string> _queued = [];
    private static Task<Dictionary<string, Group>>? _batch;

    private static IDataLoaderResult<Group?> LoadGroup(string id)
    {
        lock (BatchGate)
        {
            _queued.Add(id);
            return new GroupLoad(id);
        }
    }

    private sealed class GroupLoad(string id) : IDataLoaderResult<Group?>
    {
        public async Task<Group?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            Task<Dictionary<string, Group>> batch;
            lock (BatchGate)
            {
                if (_queued.Count > 0)
                {
                    var keys = _queued;
                    _queued = [];
                    Interlocked.Increment(ref _groupBatches);
                    _batch = Task.FromResult(Groups.Where(g => keys.Contains(g.Id)).ToDictionary(g => g.Id));
                }
                batch = _batch!;
            }
            return (await batch).GetValueOrDefault(id);
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }

    private static readonly ISchema Schema = BuildSchema();

    private static ISchema BuildSchema()
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonType>>>>("people").Resolve(_ => People);
        query.Field<ListGraphType<MemberType>>("members").Resolve(_ => People.Take(3).Cast<object>().Concat(Groups).ToList());
        query.Field<NamedType>("named").Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => (object?)People.FirstOrDefault(p => p.Id == c.GetArgument<string>("id")) ?? Groups.FirstOrDefault(g => g.Id == c.GetArgument<string>("id")));
        // A person already known, as a page cut from memory is: a loader result GraphQL.NET awaits with the level's loads.
        query.Field<PersonType>("ready").Resolve(_ => new ReadyResult<Person?>(People[4]));
        // A person whose name lists the sub-fields its resolver saw.
        query.Field<PersonType>("peek").Resolve(c => new Person { Id = "peek", Name = string.Join(",", c.SubFields!.Keys), GroupId = "g0" });
        var schema = new Schema { Query = query };
        schema.RegisterType<GroupType>();
        schema.Initialize();
        return schema;
    }

    public static TheoryData<string, string[]> Documents => new()
    {
        { "{ people { id name nickname tags matrix where(note: \"n\") friends { name where friends { name } } group { name size } } }", ["{}"] },
        // Aliases, one response key asked twice with other sub-fields (merged), fragments on the object and on the interface.
        { "{ people { a: name a: name friends { name } friends { id where } ...P ... on Named { name } } } fragment P on Person { tags group { name } }", ["{}"] },
        // A resolver's response path has the aliases, its path the field names.
        { "{ crowd: people { pals: friends { here: where } } }", ["{}"] },
        // Abstract types: a union list and an interface field, with __typename.
        { "{ members { __typename ... on Person { name group { size } } ... on Group { name size } } named(id: \"g1\") { __typename name ... on Group { size } } }", ["{}"] },
        // One parsed document, requests with other variables: the plan is kept, the arguments are each request's.
        { "query($id: ID!, $note: String) { named(id: $id) { __typename name ... on Person { where(note: $note) } } }",
            ["""{"id":"p1","note":"one"}""", """{"id":"g2"}""", """{"id":"nobody"}""", """{"id":"p4","note":"four"}"""] },
        { "{ peek { name tags group { name } } }", ["{}"] },
        { "{ ready { name group { name } friends { name } } people { name group { size } } }", ["{}"] },
        // Errors: a resolver adding one, one throwing, a null in a non-null place (propagated up to the list).
        { "{ people { name warn } }", ["{}"] },
        { "{ people { name fails } }", ["{}"] },
        { "{ people { name nicknameOrFail } }", ["{}"] },
        // With a directive: GraphQL.NET's execution throughout.
        { "query($f: Boolean!) { people { name @include(if: $f) group { name } } }", ["""{"f":true}""", """{"f":false}"""] },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public Task Each_request_of_one_parsed_document_is_answered_as_GraphQL_NETs_parallel_strategy_answers_it(string query, string[] variableSets) =>
        StrategyHarness.AssertAnswersAsParallelStrategyAsync(new LeanParallelExecutionStrategy(), Schema, query, variableSets);

    [Fact]
    public async Task A_query_without_directives_or_errors_is_executed_without_execution_nodes_and_others_with_them()
    {
        var lean = new LeanParallelExecutionStrategy();

        var (_, direct) = await ExecuteAsync(lean, GraphQLParser.Parser.Parse("{ people { name friends { name } group { name } } }"), "{}");
        var (_, failed) = await ExecuteAsync(lean, GraphQLParser.Parser.Parse("{ people { name fails } }"), "{}");
        var (_, directive) = await ExecuteAsync(lean, GraphQLParser.Parser.Parse("{ people { name @skip(if: false) } }"), "{}");

        Assert.NotNull(direct.Data);
        Assert.IsNotAssignableFrom<ExecutionNode>(direct.Data);
        Assert.IsAssignableFrom<ExecutionNode>(failed.Data);
        Assert.IsAssignableFrom<ExecutionNode>(directive.Data);
    }

    [Fact]
    public async Task The_loads_of_a_level_go_as_one_batch_as_on_GraphQL_NETs_path()
    {
        var document = GraphQLParser.Parser.Parse("{ people { group { name } friends { group { size } } } }");
        var lean = new LeanParallelExecutionStrategy();

        var before = _groupBatches;
        await ExecuteAsync(new ParallelExecutionStrategy(), document, "{}");
        var parallelBatches = _groupBatches - before;
        before = _groupBatches;
        await ExecuteAsync(lean, document, "{}");
        var directBatches = _groupBatches - before;

        // Loads are awaited only when nothing else can be resolved: the friends (an async resolver) come first, and their
        // groups go in the one batch with the people's.
        Assert.Equal(1, parallelBatches);
        Assert.Equal(parallelBatches, directBatches);
    }

    [Fact]
    public async Task A_value_already_known_is_completed_at_once_so_the_loads_beneath_it_join_the_levels_batch()
    {
        var document = GraphQLParser.Parser.Parse("{ ready { group { name } } people { group { name } } }");

        var before = _groupBatches;
        await ExecuteAsync(new ParallelExecutionStrategy(), document, "{}");
        var parallelBatches = _groupBatches - before;
        before = _groupBatches;
        await ExecuteAsync(new LeanParallelExecutionStrategy(), document, "{}");
        var directBatches = _groupBatches - before;

        // GraphQL.NET awaits the ready person with the people's group loads, so its group is loaded a batch later.
        Assert.Equal(2, parallelBatches);
        Assert.Equal(1, directBatches);
    }

    [Fact]
    public async Task Errors_a_resolver_adds_in_a_run_given_up_are_not_reported_twice()
    {
        var (json, result) = await ExecuteAsync(new LeanParallelExecutionStrategy(), GraphQLParser.Parser.Parse("{ people { name warn } }"), "{}");

        Assert.Equal(People.Count, result.Errors!.Count);
        Assert.Contains("warned about person 0", json);
    }

    private static Task<(string Json, ExecutionResult Result)> ExecuteAsync(IExecutionStrategy strategy, GraphQLDocument document, string variables) =>
        StrategyHarness.ExecuteAsync(strategy, Schema, document, variables);
}
