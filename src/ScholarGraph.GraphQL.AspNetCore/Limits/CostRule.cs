using System.Runtime.CompilerServices;
using GraphQL.Types;
using ScholarGraph.GraphQL.AspNetCore.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ScholarGraph.GraphQL.AspNetCore.Limits;

/// <summary>
/// Measures the operation's cost (<see cref="CostAnalyzer"/>) once its variables and arguments are parsed, refuses it over
/// <see cref="GraphQLLimitsOptions.MaxFieldCost"/> or <see cref="GraphQLLimitsOptions.MaxTypeCost"/> (or over the
/// <see cref="CostBudget"/> that <paramref name="budgetOf"/> gives its document), and hands the measure to the request's
/// <see cref="CostReportRequest"/> when the client asked for one. It may depend on the variables, so it runs for every request,
/// cached documents included; an operation whose cost read no variable (no slicing argument given as one) keeps its cost, which
/// later requests read instead of measuring it again.
/// </summary>
internal sealed class CostRule(GraphQLLimitsOptions limits, Func<GraphQLDocument, CostBudget?> budgetOf) : ValidationRuleBase, IVisitorFreeRule
{
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, DocumentCost> _costs = new();

    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        var cost = CostOf(context);
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

    private OperationCost CostOf(ValidationContext context)
    {
        if (_costs.TryGetValue(context.Operation, out var known) && ReferenceEquals(known.Schema, context.Schema))
            return known.Cost;
        var (cost, errors, readVariables) = CostAnalyzer.Analyze(context);
        foreach (var error in errors)
            context.ReportError(error);
        if (!readVariables && errors.Count == 0)
            _costs.AddOrUpdate(context.Operation, new DocumentCost(context.Schema, cost));
        return cost;
    }

    /// <summary>The cost of an operation that depends on its document alone, against the schema it was measured with.</summary>
    private sealed record DocumentCost(ISchema Schema, OperationCost Cost);
}
