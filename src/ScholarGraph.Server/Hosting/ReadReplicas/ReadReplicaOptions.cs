using System.ComponentModel.DataAnnotations;

namespace ScholarGraph.Server.Hosting.ReadReplicas;

/// <summary>
/// How queries use the read replica (<c>ConnectionStrings:ScholarGraphReplica</c>); bound from the section <see cref="SectionName"/>
/// and used only when a replica is configured. A query reads the replica unless its caller wrote within
/// <see cref="ReadYourWritesWindow"/>, or the replica was last found more than <see cref="MaxLag"/> behind the primary or
/// unreachable (it is measured every <see cref="ProbeInterval"/>); then it reads the primary.
/// </summary>
public sealed class ReadReplicaOptions : IValidatableObject
{
    /// <summary>The configuration section these options bind from: <c>ReadReplica</c>.</summary>
    public const string SectionName = "ReadReplica";

    /// <summary>
    /// How long after a caller's mutation its queries read the primary, so it reads its own writes. Default: 5 seconds. It must be
    /// at least <see cref="MaxLag"/> plus two <see cref="ProbeInterval"/>s, the longest a replica in use may lack a write.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "must be between 00:00:00 and 01:00:00")]
    public TimeSpan ReadYourWritesWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How far the replica may be behind the primary (the time since the primary first held a WAL position the replica has not
    /// replayed) and still take reads. Default: 2 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "must be between 00:00:00 and 00:10:00")]
    public TimeSpan MaxLag { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the replica's lag and reachability are measured. Default: 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00", ErrorMessage = "must be between 00:00:00.050 and 00:01:00")]
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReadYourWritesWindow < MaxLag + 2 * ProbeInterval)
            yield return new ValidationResult(
                $"({ReadYourWritesWindow}) must be at least MaxLag plus two ProbeIntervals ({MaxLag + 2 * ProbeInterval}), or a caller may not read its own write",
                [nameof(ReadYourWritesWindow)]);
    }
}
