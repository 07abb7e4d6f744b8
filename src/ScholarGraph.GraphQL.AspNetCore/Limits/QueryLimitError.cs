using System.Globalization;
using GraphQL;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using ScholarGraph.GraphQL.AspNetCore.Errors;

namespace ScholarGraph.GraphQL.AspNetCore.Limits;

/// <summary>
/// An operation refused for going over one of <see cref="GraphQLLimitsOptions"/>: the message names the setting, its value and
/// the measured value, and so do the extensions beside the code (<c>setting</c>, <c>limit</c>, <c>measured</c>), so a client
/// can act on them without reading the message.
/// </summary>
internal sealed class QueryLimitError : ValidationError
{
    private QueryLimitError(ROM source, string code, string message, string setting, double limit, double measured, ASTNode[] nodes)
        : base(source, number: null, message, nodes)
    {
        Code = code;
        this.AddExtension("setting", setting);
        this.AddExtension("limit", limit);
        this.AddExtension("measured", measured);
    }

    public static QueryLimitError Depth(ROM source, int measured, int limit, GraphQLOperationDefinition operation) =>
        Over(source, GraphQLHttpErrorCodes.MaxDepthExceeded, nameof(GraphQLLimitsOptions.MaxDepth), "The operation's depth is {0}", measured, limit, operation);

    public static QueryLimitError Aliases(ROM source, long measured, int limit, GraphQLOperationDefinition operation) =>
        Over(source, GraphQLHttpErrorCodes.MaxAliasesExceeded, nameof(GraphQLLimitsOptions.MaxAliases), "The operation has {0} aliases", measured, limit, operation);

    public static QueryLimitError Directives(ROM source, long measured, int limit, GraphQLOperationDefinition operation) =>
        Over(source, GraphQLHttpErrorCodes.MaxDirectivesExceeded, nameof(GraphQLLimitsOptions.MaxDirectives), "The operation has {0} directives", measured, limit, operation);

    public static QueryLimitError Tokens(ROM source, int measured, int limit) =>
        Over(source, GraphQLHttpErrorCodes.MaxTokensExceeded, nameof(GraphQLLimitsOptions.MaxTokens), "The document has {0} tokens", measured, limit);

    public static QueryLimitError StringLiteral(ROM source, int measured, int limit, GraphQLStringValue literal) =>
        Over(source, GraphQLHttpErrorCodes.MaxStringLengthExceeded, nameof(GraphQLLimitsOptions.MaxStringLength),
            "A string in the document is {0} characters long", measured, limit, literal);

    public static QueryLimitError StringVariable(ROM source, int measured, int limit, string path) =>
        Over(source, GraphQLHttpErrorCodes.MaxStringLengthExceeded, nameof(GraphQLLimitsOptions.MaxStringLength),
            $"The variable value at '{path.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal)}' is {{0}} characters long",
            measured, limit);

    /// <summary>The field cost over <paramref name="budget"/>'s limit where it sets one, else over the setting's <paramref name="limit"/>.</summary>
    public static QueryLimitError FieldCost(ROM source, double measured, double limit, CostBudget? budget, GraphQLOperationDefinition operation) =>
        budget?.MaxFieldCost is { } budgeted
            ? OverBudget(source, budget, nameof(CostBudget.MaxFieldCost), "The operation's field cost is {0}", measured, budgeted, operation)
            : Over(source, GraphQLHttpErrorCodes.MaxCostExceeded, nameof(GraphQLLimitsOptions.MaxFieldCost), "The operation's field cost is {0}", measured, limit, operation);

    /// <summary>The type cost over <paramref name="budget"/>'s limit where it sets one, else over the setting's <paramref name="limit"/>.</summary>
    public static QueryLimitError TypeCost(ROM source, double measured, double limit, CostBudget? budget, GraphQLOperationDefinition operation) =>
        budget?.MaxTypeCost is { } budgeted
            ? OverBudget(source, budget, nameof(CostBudget.MaxTypeCost), "The operation's type cost is {0}", measured, budgeted, operation)
            : Over(source, GraphQLHttpErrorCodes.MaxCostExceeded, nameof(GraphQLLimitsOptions.MaxTypeCost), "The operation's type cost is {0}", measured, limit, operation);

    /// <summary>
    /// The error for <paramref name="measured"/> over the limit <paramref name="property"/> of <see cref="GraphQLLimitsOptions"/>:
    /// <paramref name="what"/> (with <c>{0}</c> for the measure), then ", more than the limit of L (GraphQLLimits:Property)."
    /// </summary>
    private static QueryLimitError Over(ROM source, string code, string property, string what, double measured, double limit, params ASTNode[] nodes)
    {
        var setting = Setting(property);
        var message = string.Format(CultureInfo.InvariantCulture, what, Format(measured)) + $", more than the limit of {Format(limit)} ({setting}).";
        return new(source, code, message, setting, limit, measured, nodes);
    }

    /// <summary>The error for a cost over a <see cref="CostBudget"/>: as <see cref="Over"/>, naming the budget instead of a setting.</summary>
    private static QueryLimitError OverBudget(ROM source, CostBudget budget, string property, string what, double measured, double limit, params ASTNode[] nodes)
    {
        var setting = $"{budget.Setting}.{property}";
        var message = string.Format(CultureInfo.InvariantCulture, what, Format(measured)) + $", more than the limit of {Format(limit)} ({budget.Description}, {setting}).";
        return new(source, GraphQLHttpErrorCodes.MaxCostExceeded, message, setting, limit, measured, nodes);
    }

    /// <summary>The configuration key of a limit, as a message or the <c>setting</c> extension names it.</summary>
    public static string Setting(string property) => $"{GraphQLLimitsOptions.SectionName}:{property}";

    /// <summary>A measured or configured value as the messages print it: digits grouped, at most two decimals.</summary>
    public static string Format(double value) => value.ToString(value == Math.Floor(value) ? "N0" : "N2", CultureInfo.InvariantCulture);
}

/// <summary>
/// A field whose <c>@listSize</c> requires exactly one slicing argument got none or several, so the size of its list, and the
/// operation's cost, cannot be known.
/// </summary>
internal sealed class SlicingArgumentRequiredError : ValidationError
{
    public SlicingArgumentRequiredError(ROM source, string field, IReadOnlyList<string> slicingArguments, int given, GraphQLField node)
        : base(source, number: null,
            $"The field '{field}' needs exactly one of its slicing arguments ({string.Join(", ", slicingArguments)}) for its cost to be known; it got {given}.",
            node)
    {
        Code = GraphQLHttpErrorCodes.CostSlicingArgumentRequired;
    }
}

/// <summary>Stands in for GraphQL.NET's timeout error, with our code and the setting that stopped the operation.</summary>
internal sealed class ExecutionTimeoutError : ExecutionError
{
    public ExecutionTimeoutError(TimeSpan limit)
        : base($"The operation ran longer than the limit of {limit:c} ({QueryLimitError.Setting(nameof(GraphQLLimitsOptions.ExecutionTimeout))}) and was stopped.")
    {
        Code = GraphQLHttpErrorCodes.ExecutionTimeout;
        this.AddExtension("setting", QueryLimitError.Setting(nameof(GraphQLLimitsOptions.ExecutionTimeout)));
        this.AddExtension("limit", limit.ToString("c", CultureInfo.InvariantCulture));
    }
}
