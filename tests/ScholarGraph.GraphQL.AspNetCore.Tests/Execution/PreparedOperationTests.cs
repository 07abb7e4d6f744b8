using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using ScholarGraph.GraphQL.AspNetCore.Execution;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Execution;

/// <summary>
/// What a cached document's requests get from <see cref="PreparedOperation"/> is what GraphQL.NET's validator parses for them
/// (variables, field arguments, directive arguments), request after request of one parsed document; and where the prepared path
/// does not answer (a bad or missing value, a variable of a list or input type), GraphQL.NET's validator still runs.
/// </summary>
public sealed class PreparedOperationTests
{
    private static readonly ISchema Schema = global::GraphQL.Types.Schema.For("""
        interface Named { name(upper: Boolean = false): String }
        type Person implements Named { name(upper: Boolean = false): String friends(first: Int = 10, after: String): [Person] }
        type Robot implements Named { name(upper: Boolean = false): String model(version: Int): String }
        union Thing = Person | Robot
        input Range { from: Int! to: Int = 5 tags: [String!] }
        type Query {
          person(id: ID!): Person
          people(first: Int, where: Range, ids: [ID!]): [Person]
          things(kind: String = "all"): [Thing]
          named: Named
          hello(n: Int!): String
        }
        """, builder =>
    {
        // Execution would need these; validation only needs the schema to initialize.
        builder.Types.For("Person").IsTypeOfFunc = _ => true;
        builder.Types.For("Robot").IsTypeOfFunc = _ => true;
    });

    public static TheoryData<string, string[]> PreparedRequests => new()
    {
        { "query($id: ID!) { person(id: $id) { name friends(first: 2) { name(upper: true) } } }", ["""{"id":"p1"}""", """{"id":"p2"}""", """{"id":42}"""] },
        { "query($n: Int) { people(first: $n) { name } }", ["""{"n":3}""", """{"n":null}""", "{}", """{"n":4}"""] },
        { "query($n: Int = 7) { people(first: $n) { friends { name } } }", ["{}", """{"n":2}""", "{}", """{"n":null}"""] },
        // A nullable variable in a non-null position: a value is still fine.
        { "query($n: Int) { hello(n: $n) }", ["""{"n":3}""", """{"n":5}"""] },
        { "query($flag: Boolean!) { person(id: \"x\") { name @include(if: $flag) friends @skip(if: false) { name } } }", ["""{"flag":true}""", """{"flag":false}"""] },
        { "query($u: Boolean) { things(kind: \"robots\") { ... on Person { name(upper: $u) } ...R } named { name } } fragment R on Robot { model(version: 2) name(upper: true) }", ["""{"u":true}""", """{"u":false}""", "{}"] },
        { """{ people(where: { from: 1, tags: ["a", "b"] }, ids: ["1", "2"]) { friends(after: "c") { name } } things { __typename } }""", ["{}", "{}"] },
        // A variable deep in an input object literal.
        { "query($from: Int!, $tag: String!) { people(where: { from: $from, tags: [$tag, \"z\"] }) { name } }", ["""{"from":4,"tag":"a"}""", """{"from":9,"tag":"b"}"""] },
    };

    [Theory]
    [MemberData(nameof(PreparedRequests))]
    public async Task Each_request_of_one_document_gets_what_GraphQL_NETs_validator_parses(string query, string[] variableSets)
    {
        var document = GraphQLParser.Parser.Parse(query);
        foreach (var variables in variableSets)
        {
            var options = Options(document, variables);
            var expected = await new DocumentValidator().ValidateAsync(options with { Rules = [] });
            Assert.True(expected.IsValid, variables);

            var prepared = PreparedOperation.TryParse(options);

            Assert.NotNull(prepared);
            Assert.True(prepared.IsValid);
            Assert.Equal(Describe(expected), Describe(prepared));
        }
    }

    public static TheoryData<string, string> RequestsLeftToGraphQLNet => new()
    {
        { "query($n: Int!) { hello(n: $n) }", """{"n":"not a number"}""" },
        { "query($n: Int!) { hello(n: $n) }", """{"n":null}""" },
        { "query($n: Int!) { hello(n: $n) }", "{}" },
        // Null for a nullable variable used where a value is required.
        { "query($n: Int) { hello(n: $n) }", """{"n":null}""" },
        { "query($r: Range) { people(where: $r) { name } }", """{"r":{"from":1}}""" },
        { "query($ids: [ID!]) { people(ids: $ids) { name } }", """{"ids":["1"]}""" },
    };

    [Theory]
    [MemberData(nameof(RequestsLeftToGraphQLNet))]
    public void Requests_the_prepared_path_does_not_cover_are_left_to_GraphQL_NETs_validator(string query, string variables)
    {
        var document = GraphQLParser.Parser.Parse(query);
        // Twice: the second finds the operation prepared, and must still decline.
        Assert.Null(PreparedOperation.TryParse(Options(document, variables)));
        Assert.Null(PreparedOperation.TryParse(Options(document, variables)));
    }

    [Fact]
    public async Task A_bad_value_after_good_ones_is_reported_as_GraphQL_NET_reports_it_by_the_cached_documents_validator()
    {
        var document = GraphQLParser.Parser.Parse("query($n: Int!) { hello(n: $n) }");
        var validator = new VisitorFreeRulesValidator();
        Assert.True((await validator.ValidateAsync(Options(document, """{"n":1}""", [new NoRule()]))).IsValid);

        var refused = await validator.ValidateAsync(Options(document, """{"n":"x"}""", [new NoRule()]));
        var reference = await new DocumentValidator().ValidateAsync(Options(document, """{"n":"x"}""") with { Rules = [] });

        Assert.False(refused.IsValid);
        Assert.Equal(reference.Errors.Select(e => e.Message), refused.Errors.Select(e => e.Message));
        Assert.Contains("$n", Assert.Single(refused.Errors).Message, StringComparison.Ordinal);
    }

    private static ValidationOptions Options(GraphQLDocument document, string variablesJson, IValidationRule[]? rules = null) => new()
    {
        Schema = Schema,
        Document = document,
        Operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single(),
        Rules = rules ?? [],
        UserContext = new Dictionary<string, object?>(),
        Metrics = global::GraphQL.Instrumentation.Metrics.None,
        Variables = new global::GraphQL.SystemTextJson.GraphQLSerializer().Deserialize<Inputs>(variablesJson) ?? Inputs.Empty,
        Extensions = Inputs.Empty,
    };

    // Everything execution reads from a validation result, in document order, as text that compares whole.
    private static string Describe(IValidationResult result)
    {
        var variables = (result.Variables ?? Variables.None)
            .Select(v => $"${v.Name}={Json(v.Value)} specified={v.ValueSpecified} default={v.IsDefault}");
        var arguments = (result.ArgumentValues ?? new Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>())
            .OrderBy(pair => pair.Key.Location.Start)
            .Select(pair => $"{pair.Key.Name.StringValue}@{pair.Key.Location.Start}({Arguments(pair.Value)})");
        var directives = (result.DirectiveValues ?? new Dictionary<ASTNode, IDictionary<string, DirectiveInfo>>())
            .OrderBy(pair => pair.Key.Location.Start)
            .Select(pair => $"@{pair.Key.Location.Start}: " + string.Join(' ', pair.Value.Select(d => $"{d.Key}({Arguments(d.Value.Arguments)})")));
        return string.Join('\n', [.. variables, .. arguments, .. directives]);
    }

    private static string Arguments(IDictionary<string, ArgumentValue> arguments) =>
        string.Join(", ", arguments.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}: {Json(a.Value.Value)} from {a.Value.Source}"));

    private static string Json(object? value) => JsonSerializer.Serialize(value);

    private sealed class NoRule : ValidationRuleBase, IVisitorFreeRule;
}
