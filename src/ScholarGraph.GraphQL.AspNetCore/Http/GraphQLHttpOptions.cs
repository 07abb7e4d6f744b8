using System.ComponentModel.DataAnnotations;

namespace ScholarGraph.GraphQL.AspNetCore.Http;

/// <summary>Settings of the GraphQL-over-HTTP transport, bound from the configuration section <see cref="SectionName"/>.</summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>The configuration section these options are read from: <c>GraphQLHttp</c>.</summary>
    public const string SectionName = "GraphQLHttp";

    /// <summary>
    /// Whether parsed and validated documents are cached by query text, so a repeated query skips both steps.
    /// Default: <see langword="true"/>.
    /// </summary>
    public bool EnableDocumentCache { get; set; } = true;

    /// <summary>
    /// The most query text, in characters summed over all cached documents, that the document cache holds before it evicts.
    /// A parsed document takes roughly ten times its text in memory. Default: 1,000,000.
    /// </summary>
    [Range(1, long.MaxValue, ErrorMessage = "must be at least 1")]
    public long DocumentCacheSizeLimit { get; set; } = 1_000_000;
}
