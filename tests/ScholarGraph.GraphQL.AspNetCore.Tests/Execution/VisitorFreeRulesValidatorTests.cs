using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using ScholarGraph.GraphQL.AspNetCore.Execution;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Execution;

/// <summary>
/// The validator used for cached documents: rules that need no visitor run without GraphQL.NET's walk of the document, and still
/// see the parsed arguments after the variables are coerced; any other rule list goes to GraphQL.NET's validator.
/// </summary>
public sealed class VisitorFreeRulesValidatorTests
{
    private static readonly ISchema Schema = global::GraphQL.Types.Schema.For("type Query { hello(n: Int!): String }");

    private static ValidationOptions Options(string query, object? n, params IValidationRule[] rules)
    {
        var document = GraphQLParser.Parser.Parse(query);
        return new ValidationOptions
        {
            Schema = Schema,
            Document = document,
            Operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single(),
            Rules = rules,
            UserContext = new Dictionary<string, object?>(),
            Metrics = global::GraphQL.Instrumentation.Metrics.None,
            Variables = new Inputs(new Dictionary<string, object?> { ["n"] = n }),
            Extensions = Inputs.Empty,
        };
    }

    [Fact]
    public async Task Visitor_free_rules_run_without_the_walk_and_see_the_arguments_parsed_from_the_variables()
    {
        var rule = new RecordingRule();
        var result = await new VisitorFreeRulesValidator().ValidateAsync(Options("query($n: Int!) { hello(n: $n) }", 3, rule));

        Assert.True(result.IsValid);
        // GraphQL.NET's walk sets up its type tracker before any rule runs; without the walk there is none.
        Assert.True(rule.SawNoTypeTracker);
        Assert.Equal(3, rule.ArgumentSeenAfter);
        Assert.Equal(3, result.ArgumentValues!.Values.Single()["n"].Value);
    }

    [Fact]
    public async Task An_error_of_a_pre_check_stops_validation_before_the_variables_are_read()
    {
        var result = await new VisitorFreeRulesValidator().ValidateAsync(
            Options("query($n: Int!) { hello(n: $n) }", "not a number", new RecordingRule { Refuse = true }));

        Assert.False(result.IsValid);
        // Only the rule's error: the variable, which could not be coerced, was never read.
        Assert.Equal("refused by the test rule", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task A_bad_variable_is_still_reported_and_the_post_checks_do_not_run()
    {
        var rule = new RecordingRule();
        var result = await new VisitorFreeRulesValidator().ValidateAsync(Options("query($n: Int!) { hello(n: $n) }", "not a number", rule));

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, error => error.Message.Contains("$n", StringComparison.Ordinal));
        Assert.Null(rule.ArgumentSeenAfter);
    }

    [Fact]
    public async Task A_list_with_any_other_rule_is_validated_by_GraphQL_NETs_validator_with_its_walk()
    {
        var rule = new RecordingRule();
        var result = await new VisitorFreeRulesValidator().ValidateAsync(
            Options("query($n: Int!) { hello(n: $n) }", 3, rule, global::GraphQL.Validation.Rules.ScalarLeafs.Instance));

        Assert.True(result.IsValid);
        Assert.False(rule.SawNoTypeTracker);
    }

    [Fact]
    public async Task A_rule_marked_visitor_free_that_returns_a_visitor_is_a_programming_error()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new VisitorFreeRulesValidator().ValidateAsync(Options("query($n: Int!) { hello(n: $n) }", 3, new VisitingRule())));
        Assert.Contains(nameof(VisitingRule), error.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingRule : ValidationRuleBase, IVisitorFreeRule
    {
        public bool Refuse { get; init; }

        public bool SawNoTypeTracker { get; private set; }

        public object? ArgumentSeenAfter { get; private set; }

        public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
        {
            SawNoTypeTracker = context.TypeInfo is null;
            if (Refuse)
                context.ReportError(new ValidationError("refused by the test rule"));
            return default;
        }

        public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
        {
            ArgumentSeenAfter = context.ArgumentValues?.Values.Single()["n"].Value;
            return default;
        }
    }

    private sealed class VisitingRule : ValidationRuleBase, IVisitorFreeRule
    {
        public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
            new(new MatchingNodeVisitor<GraphQLField>((_, _) => { }));
    }
}
