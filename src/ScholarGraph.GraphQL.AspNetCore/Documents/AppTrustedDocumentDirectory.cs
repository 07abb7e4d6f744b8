namespace ScholarGraph.GraphQL.AspNetCore.Documents;

/// <summary>
/// A folder of trusted documents that the app itself ships (the operations of its own pages, say), for
/// <see cref="TrustedDocumentOptions.AppDirectories"/>: read as <see cref="TrustedDocumentOptions.Directory"/> is and trusted
/// beside it, optionally with a cost budget of its own. Every other limit of <c>GraphQLLimits</c> (depth, aliases, directives,
/// tokens, string length, execution timeout) holds for its operations as for any other.
/// </summary>
/// <param name="Path">The folder; a relative path is relative to the app's content root.</param>
public sealed record AppTrustedDocumentDirectory(string Path)
{
    /// <summary>
    /// The largest field cost an operation of this folder may have, in place of <c>GraphQLLimits:MaxFieldCost</c>, for an app whose
    /// own operations are known to need more (a network drawn at its largest size, say) and are bounded by their arguments; an
    /// operation over it gets <c>MAX_COST_EXCEEDED</c> naming this budget. A document found in several folders runs under the
    /// budget of the last app folder that holds it. Default: <see langword="null"/>, <c>GraphQLLimits:MaxFieldCost</c>; at least 0.
    /// </summary>
    public double? MaxFieldCost { get; init; }

    /// <summary>
    /// The largest type cost an operation of this folder may have, in place of <c>GraphQLLimits:MaxTypeCost</c>, as
    /// <see cref="MaxFieldCost"/> is for the field cost. Default: <see langword="null"/>, <c>GraphQLLimits:MaxTypeCost</c>; at least 0.
    /// </summary>
    public double? MaxTypeCost { get; init; }
}
