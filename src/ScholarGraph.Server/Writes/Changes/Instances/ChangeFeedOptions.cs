using System.ComponentModel.DataAnnotations;

namespace ScholarGraph.Server.Writes.Changes.Instances;

/// <summary>
/// How an instance on PostgreSQL follows the writes of the others (<see cref="ChangeFeed"/>); bound from the section
/// <see cref="SectionName"/>. Not used on SQLite or InMemory, whose store one instance serves.
/// </summary>
public sealed class ChangeFeedOptions : IValidatableObject
{
    /// <summary>The configuration section these options bind from: <c>ChangeFeed</c>.</summary>
    public const string SectionName = "ChangeFeed";

    /// <summary>How long the feed waits before its first attempt to reconnect after losing its connection; each failed attempt doubles it. Default: 0.5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "must be between 00:00:00.010 and 00:10:00")]
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>The longest wait between two attempts to reconnect. Default: 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "must be between 00:00:00.010 and 01:00:00")]
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the change log keeps a write (older rows are deleted). An instance disconnected for longer cannot replay what it
    /// missed and rebuilds its graph index from the store instead. Default: one day.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00", ErrorMessage = "must be between 00:01:00 and 365.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(1);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxReconnectDelay < ReconnectDelay)
            yield return new ValidationResult($"({MaxReconnectDelay}) must not be shorter than ReconnectDelay ({ReconnectDelay})", [nameof(MaxReconnectDelay)]);
    }
}
