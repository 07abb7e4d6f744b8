namespace ScholarGraph.GraphQL.Data.Paging;

/// <summary>Page sizes of cursor connections, as Hot Chocolate's defaults.</summary>
public sealed class PagingOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Paging";

    /// <summary>Items in a page when the client gives neither <c>first</c> nor <c>last</c>. Default: 10.</summary>
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>The largest <c>first</c> or <c>last</c> a client may ask for. Default: 50.</summary>
    public int MaxPageSize { get; set; } = 50;
}
