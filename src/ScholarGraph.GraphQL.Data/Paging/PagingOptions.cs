using System.ComponentModel.DataAnnotations;

namespace ScholarGraph.GraphQL.Data.Paging;

/// <summary>Page sizes of cursor connections, as Hot Chocolate's defaults.</summary>
public sealed class PagingOptions : IValidatableObject
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Paging";

    /// <summary>Items in a page when the client gives neither <c>first</c> nor <c>last</c>. Default: 10; at least 1.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be at least 1")]
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>The largest <c>first</c> or <c>last</c> a client may ask for. Default: 50; at least 1.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be at least 1")]
    public int MaxPageSize { get; set; } = 50;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DefaultPageSize > MaxPageSize)
            yield return new ValidationResult($"({DefaultPageSize}) must not exceed MaxPageSize ({MaxPageSize})", [nameof(DefaultPageSize)]);
    }
}
