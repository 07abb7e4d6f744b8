using System.ComponentModel.DataAnnotations;
using ScholarGraph.GraphQL.AspNetCore.Errors;

namespace ScholarGraph.GraphQL.AspNetCore.Limits;

/// <summary>
/// The limits every operation is held to before it runs, on every transport (HTTP, graphql-transport-ws, SSE) and for cached
/// documents too, bound from the configuration section <see cref="SectionName"/>. The defaults are at least as strict as
/// graphql-armor's. An operation over a limit gets a validation error that names the setting, its value and the operation's
/// measured value (<c>extensions.code</c> from <see cref="GraphQLHttpErrorCodes"/>, with <c>setting</c>, <c>limit</c> and
/// <c>measured</c> beside it) and nothing of it runs.
/// </summary>
public sealed class GraphQLLimitsOptions : IValidatableObject
{
    /// <summary>The configuration section these options are read from: <c>GraphQLLimits</c>.</summary>
    public const string SectionName = "GraphQLLimits";

    /// <summary>
    /// The most fields on one path from the operation's root to a leaf (<c>{ a { b } }</c> is 2), fragments followed and not
    /// counted themselves; the subtrees of the introspection fields <c>__schema</c> and <c>__type</c> are not counted, so an IDE
    /// can read the schema. Error code <c>MAX_DEPTH_EXCEEDED</c>. Default: 6; at least 1.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be at least 1")]
    public int MaxDepth { get; set; } = 6;

    /// <summary>
    /// The most aliases in the operation, counting a fragment's aliases again at every spread of it. Error code
    /// <c>MAX_ALIASES_EXCEEDED</c>. Default: 15; at least 0.
    /// </summary>
    [Range(0, int.MaxValue, ErrorMessage = "must not be negative")]
    public int MaxAliases { get; set; } = 15;

    /// <summary>
    /// The most directives in the operation (on the operation, its variables, fields, fragments and spreads), counting a
    /// fragment's again at every spread of it. Error code <c>MAX_DIRECTIVES_EXCEEDED</c>. Default: 50; at least 0.
    /// </summary>
    [Range(0, int.MaxValue, ErrorMessage = "must not be negative")]
    public int MaxDirectives { get; set; } = 50;

    /// <summary>
    /// The most tokens in the document (names, punctuators, values; comments not counted), counted by the lexer before the
    /// document is parsed, so a document of thousands of repeated fields is refused before any syntax tree is built. Error code
    /// <c>MAX_TOKENS_EXCEEDED</c>. Default: 1,000; at least 1.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be at least 1")]
    public int MaxTokens { get; set; } = 1000;

    /// <summary>
    /// The largest field cost of an operation (the IBM cost directives as Hot Chocolate computes them: the resolver work, list
    /// fields multiplied by their size from <c>@listSize</c>), measured per request with the variables' values. Error code
    /// <c>MAX_COST_EXCEEDED</c>. Default: 5,000; at least 0.
    /// </summary>
    [Range(0, double.MaxValue, ErrorMessage = "must not be negative")]
    public double MaxFieldCost { get; set; } = 5000;

    /// <summary>
    /// The largest type cost of an operation (the objects it would build, list elements multiplied by their size), measured
    /// per request with the variables' values. Error code <c>MAX_COST_EXCEEDED</c>. Default: 5,000; at least 0.
    /// </summary>
    [Range(0, double.MaxValue, ErrorMessage = "must not be negative")]
    public double MaxTypeCost { get; set; } = 5000;

    /// <summary>
    /// The longest string, in characters, that a request may carry as a literal in the document (an argument, a directive
    /// argument, a variable's default) or in a variable's value, however deeply nested. Error code
    /// <c>MAX_STRING_LENGTH_EXCEEDED</c>. Default: 10,000 (a long abstract fits; the request body is limited to 1 MiB anyway by
    /// <c>GraphQLHttp:MaxRequestSize</c>); at least 1.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be at least 1")]
    public int MaxStringLength { get; set; } = 10_000;

    /// <summary>
    /// How long one operation may take from parsing to its result; then the execution's cancellation token is cancelled, so
    /// database commands and batched loads stop, and the result is an error with code <c>EXECUTION_TIMEOUT</c> (HTTP 504 with
    /// <c>application/graphql-response+json</c>). For a subscription it bounds the subscribe step, not the stream. Default:
    /// 30 seconds; longer than zero.
    /// </summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ExecutionTimeout <= TimeSpan.Zero)
            yield return new ValidationResult($"must be longer than zero, not {ExecutionTimeout}", [nameof(ExecutionTimeout)]);
    }
}
