using GraphQL;
using GraphQL.Validation;
using GraphQLParser;

namespace ScholarGraph.GraphQL.AspNetCore.Limits;

/// <summary>
/// A client's request, by the <c>GraphQL-Cost</c> header (Hot Chocolate's convention), to see the operation's measured cost in
/// the response's <c>extensions.operationCost</c> as <c>{ "fieldCost": n, "typeCost": n }</c>: <c>report</c> executes the
/// operation as usual, <c>validate</c> validates it and measures it without executing it. The transport puts it in the
/// execution's user context; the cost rule fills in the measure.
/// </summary>
internal sealed class CostReportRequest
{
    /// <summary>The request header: <c>GraphQL-Cost</c>.</summary>
    public const string HeaderName = "GraphQL-Cost";

    /// <summary>The key of the request in <see cref="ExecutionOptions.UserContext"/>.</summary>
    public const string UserContextKey = "ScholarGraph.GraphQL.AspNetCore.CostReportRequest";

    /// <summary>The key of the measure in the response's <c>extensions</c>: <c>operationCost</c>.</summary>
    public const string ExtensionKey = "operationCost";

    private CostReportRequest(bool validateOnly) => ValidateOnly = validateOnly;

    /// <summary>Whether the operation is only validated and measured, not executed.</summary>
    public bool ValidateOnly { get; }

    /// <summary>The measured cost, once the operation passed validation up to the cost rule.</summary>
    public OperationCost? Cost { get; set; }

    /// <summary>The request a header value asks for (<c>report</c> or <c>validate</c>, in any case), or null for none or another value.</summary>
    public static CostReportRequest? FromHeader(string? value) =>
        string.Equals(value, "report", StringComparison.OrdinalIgnoreCase) ? new(validateOnly: false)
        : string.Equals(value, "validate", StringComparison.OrdinalIgnoreCase) ? new(validateOnly: true)
        : null;

    /// <summary>The request held in <paramref name="userContext"/>, if any.</summary>
    public static CostReportRequest? Of(IDictionary<string, object?>? userContext) =>
        userContext is not null && userContext.TryGetValue(UserContextKey, out var value) ? value as CostReportRequest : null;

    /// <summary>Puts the measure into <paramref name="result"/>'s extensions and takes out the error that stopped a validate-only request.</summary>
    public void Complete(ExecutionResult result)
    {
        if (result.Errors is { } errors && errors.Any(e => e is ValidatedOnly))
        {
            var kept = new ExecutionErrors();
            kept.AddRange(errors.Where(e => e is not ValidatedOnly));
            result.Errors = kept.Count == 0 ? null : kept;
        }
        if (Cost is { } cost)
        {
            (result.Extensions ??= [])[ExtensionKey] = new Dictionary<string, object?>
            {
                ["fieldCost"] = cost.FieldCost,
                ["typeCost"] = cost.TypeCost,
            };
        }
    }

    /// <summary>Stops the execution of a validate-only request; never reaches a client.</summary>
    internal sealed class ValidatedOnly(ROM source) : ValidationError(source, number: null, "Validated and measured only (GraphQL-Cost: validate).");
}
