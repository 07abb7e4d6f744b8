using GraphQL.Validation;

namespace ScholarGraph.GraphQL.AspNetCore.Limits;

/// <summary>
/// Refuses an operation whose depth, aliases or directives are over their limits, or whose document or variables hold a string
/// longer than <see cref="GraphQLLimitsOptions.MaxStringLength"/>. It measures the document directly, before the other rules'
/// visitors walk it, and it runs for cached documents too (the variables are new on every request).
/// </summary>
internal sealed class OperationShapeRule(GraphQLLimitsOptions limits) : ValidationRuleBase
{
    public override async ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var source = context.Document.Source;
        var operation = context.Operation;
        var shape = OperationShape.Of(context.Document, operation);
        if (shape.Depth > limits.MaxDepth)
            context.ReportError(QueryLimitError.Depth(source, shape.Depth, limits.MaxDepth, operation));
        if (shape.Aliases > limits.MaxAliases)
            context.ReportError(QueryLimitError.Aliases(source, shape.Aliases, limits.MaxAliases, operation));
        if (shape.Directives > limits.MaxDirectives)
            context.ReportError(QueryLimitError.Directives(source, shape.Directives, limits.MaxDirectives, operation));

        if (await LongestString.InDocumentAsync(context.Document, context.CancellationToken).ConfigureAwait(false) is { } literal
            && literal.Value.Length > limits.MaxStringLength)
            context.ReportError(QueryLimitError.StringLiteral(source, literal.Value.Length, limits.MaxStringLength, literal));
        if (LongestString.InVariables(context.Variables) is { } variable && variable.Length > limits.MaxStringLength)
            context.ReportError(QueryLimitError.StringVariable(source, variable.Length, limits.MaxStringLength, variable.Path));
        return null;
    }
}
