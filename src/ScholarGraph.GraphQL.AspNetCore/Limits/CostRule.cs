using ScholarGraph.GraphQL.AspNetCore.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ScholarGraph.GraphQL.AspNetCore.Limits;

/// <summary>
/// Measures the operation's cost (<see cref="CostAnalyzer"/>) once its variables and arguments are parsed, refuses it over
/// <see cref="GraphQLLimitsOptions.MaxFieldCost"/> or <see cref="GraphQLLimitsOptions.MaxTypeCost"/> (or over the
/// <see cref="CostBudget"/> that <paramref name="budgetOf"/> gives its document), and hands the measure to the request's
/// <see cref="CostReportRequest"/> when the client asked for one. It depends on the variables, so it runs for every request,
/// cached documents included.
/// </summary>
internal sealed class CostRule(GraphQLLimitsOptions limits, Func<GraphQLDocument, CostBudget?> budgetOf) : ValidationRuleBase, IVisitorFreeRule
{
    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        var (cost, errors) = CostAnalyzer.Analyze(context);
        foreach (var error in errors)
            context.ReportError(error);
        var source = context.Document.Source;
        var budget = budgetOf(context.Document);
        if (cost.FieldCost > (budget?.MaxFieldCost ?? limits.MaxFieldCost))
            context.ReportError(QueryLimitError.FieldCost(source, cost.FieldCost, limits.MaxFieldCost, budget, context.Operation));
        if (cost.TypeCost > (budget?.MaxTypeCost ?? limits.MaxTypeCost))
            context.ReportError(QueryLimitError.TypeCost(source, cost.TypeCost, limits.MaxTypeCost, budget, context.Operation));

        if (CostReportRequest.Of(context.UserContext) is { } report)
        {
            report.Cost = cost;
            // Asked to validate only: an error no client sees stops execution; the limits then take it out of the result.
            if (report.ValidateOnly)
                context.ReportError(new CostReportRequest.ValidatedOnly(source));
        }
        return default;
    }
}
