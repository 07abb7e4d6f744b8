using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ScholarGraph.GraphQL.Data.Tests.Execution;

/// <summary>Executes a parsed document with one execution strategy for queries, as the server's executer does, and serializes the result.</summary>
internal static class StrategyHarness
{
    public static async Task<(string Json, ExecutionResult Result)> ExecuteAsync(IExecutionStrategy strategy, ISchema schema, GraphQLDocument document, string variables)
    {
        var executer = new DocumentExecuter(new GraphQLDocumentBuilder(), new DocumentValidator(),
            new DefaultExecutionStrategySelector([new ExecutionStrategyRegistration(strategy, OperationType.Query)]), Array.Empty<IConfigureExecution>());
        var serializer = new GraphQLSerializer();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = schema,
            Document = document,
            Variables = serializer.Deserialize<Inputs>(variables),
        });
        return (serializer.Serialize(result), result);
    }

    /// <summary>
    /// Executes <paramref name="query"/>, parsed once, with each of <paramref name="variableSets"/> in turn through
    /// GraphQL.NET's parallel strategy and through <paramref name="strategy"/>, and asserts the two answers equal byte for byte.
    /// </summary>
    public static async Task AssertAnswersAsParallelStrategyAsync(IExecutionStrategy strategy, ISchema schema, string query, IEnumerable<string> variableSets)
    {
        var document = GraphQLParser.Parser.Parse(query);
        foreach (var variables in variableSets)
        {
            var (expected, _) = await ExecuteAsync(new ParallelExecutionStrategy(), schema, document, variables);
            var (actual, _) = await ExecuteAsync(strategy, schema, document, variables);
            Assert.Equal(expected, actual);
        }
    }
}
