using ScholarGraph.GraphQL.AspNetCore.Execution;
using System.Runtime.CompilerServices;
using GraphQLParser.AST;
using GraphQL.Validation;

namespace ScholarGraph.GraphQL.AspNetCore.Limits;

/// <summary>
/// Refuses an operation whose depth, aliases or directives are over their limits, or whose document or variables hold a string
/// longer than <see cref="GraphQLLimitsOptions.MaxStringLength"/>. It measures the document directly, before the other rules'
/// visitors walk it, and it runs for cached documents too (the variables are new on every request). What it measures of the
/// document itself (its shape and longest literal) is kept with the operation's parsed node, so a cached or trusted document is
/// measured once and later requests only compare those figures with the limits and read their variables.
/// </summary>
internal sealed class OperationShapeRule(GraphQLLimitsOptions limits) : ValidationRuleBase, IVisitorFreeRule
{
    // Keyed by the parsed operation, which lives as long as its document (in the document cache or the trusted documents).
    private static readonly ConditionalWeakTable<GraphQLOperationDefinition, Measured> MeasuredOperations = new();

    private sealed record Measured(OperationShape Shape, GraphQLStringValue? LongestLiteral);

    public override async ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var source = context.Document.Source;
        var operation = context.Operation;
        if (!MeasuredOperations.TryGetValue(operation, out var measured))
        {
            measured = new Measured(OperationShape.Of(context.Document, operation),
                await LongestString.InDocumentAsync(context.Document, context.CancellationToken).ConfigureAwait(false));
            MeasuredOperations.AddOrUpdate(operation, measured);
        }
        var shape = measured.Shape;
        if (shape.Depth > limits.MaxDepth)
            context.ReportError(QueryLimitError.Depth(source, shape.Depth, limits.MaxDepth, operation));
        if (shape.Aliases > limits.MaxAliases)
            context.ReportError(QueryLimitError.Aliases(source, shape.Aliases, limits.MaxAliases, operation));
        if (shape.Directives > limits.MaxDirectives)
            context.ReportError(QueryLimitError.Directives(source, shape.Directives, limits.MaxDirectives, operation));

        if (measured.LongestLiteral is { } literal && literal.Value.Length > limits.MaxStringLength)
            context.ReportError(QueryLimitError.StringLiteral(source, literal.Value.Length, limits.MaxStringLength, literal));
        if (LongestString.InVariables(context.Variables) is { } variable && variable.Length > limits.MaxStringLength)
            context.ReportError(QueryLimitError.StringVariable(source, variable.Length, limits.MaxStringLength, variable.Path));
        return null;
    }
}
