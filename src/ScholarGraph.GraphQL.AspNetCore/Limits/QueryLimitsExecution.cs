using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser;
using Microsoft.Extensions.Options;
using ScholarGraph.GraphQL.AspNetCore.Documents;

namespace ScholarGraph.GraphQL.AspNetCore.Limits;

/// <summary>
/// Holds every execution of the schema to <see cref="GraphQLLimitsOptions"/>, whichever transport (or none) started it: counts
/// the document's tokens before it is parsed, adds the limit rules to the validation rules of new and cached documents alike,
/// bounds the execution by <see cref="GraphQLLimitsOptions.ExecutionTimeout"/>, and puts a requested cost report into the result.
/// A trusted document from an app's own folder runs under that folder's cost budget (<see cref="AppTrustedDocumentDirectory"/>)
/// in place of the cost limits; every other limit holds for it too.
/// </summary>
internal sealed class QueryLimitsExecution : IConfigureExecution
{
    private readonly GraphQLLimitsOptions _limits;
    private readonly IValidationRule[] _rules;

    // The lists given are the transports' own, the same few for every request: each is extended once, not per request.
    private readonly ConditionalWeakTable<IEnumerable<IValidationRule>, IValidationRule[]> _extended = new();

    public QueryLimitsExecution(IOptions<GraphQLLimitsOptions> options, TrustedDocumentStore trusted)
    {
        _limits = options.Value;
        // The cost rule last: it measures what every other rule has let through.
        _rules = [new OperationShapeRule(_limits), new CostRule(_limits, trusted.BudgetOf)];
    }

    /// <summary>
    /// After the option configurations (100), read authorization (150) and read routing (160); before the persisted documents
    /// (180), so the tokens counted are the text the caller sent, not a trusted document's text looked up by its id; and before
    /// the document cache (200): a cached document is held to the limits too.
    /// </summary>
    public float SortOrder => 170;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        ROM? source = options.Query is { } query ? query : options.Document?.Source;
        // Every token takes at least one character, so a text no longer than the limit is not lexed (nearly every request).
        if (source is { } text && text.Length > _limits.MaxTokens && TokenCounter.Count(text) is { } tokens && tokens > _limits.MaxTokens)
            return new ExecutionResult(QueryLimitError.Tokens(text, tokens, _limits.MaxTokens)) { Executed = false };

        options.ValidationRules = WithLimitRules(options.ValidationRules ?? DocumentValidator.CoreRules);
        options.CachedDocumentValidationRules = WithLimitRules(options.CachedDocumentValidationRules ?? []);
        if (options.Timeout == Timeout.InfiniteTimeSpan)
        {
            options.Timeout = _limits.ExecutionTimeout;
            options.TimeoutAction = TimeoutAction.ReturnTimeoutError;
        }

        var result = await next(options).ConfigureAwait(false);
        if (result.Errors is { } errors && errors.Any(e => e is TimeoutError))
        {
            var replaced = new ExecutionErrors();
            replaced.AddRange(errors.Select(e => e is TimeoutError ? new ExecutionTimeoutError(options.Timeout) : e));
            result.Errors = replaced;
        }
        CostReportRequest.Of(options.UserContext)?.Complete(result);
        return result;
    }

    private IValidationRule[] WithLimitRules(IEnumerable<IValidationRule> rules) =>
        _extended.GetValue(rules, given => [.. given, .. _rules]);
}
