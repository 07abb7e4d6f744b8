using System.Text.Json;

namespace ScholarGraph.Server.Writes.Changes.Instances;

/// <summary>The JSON form of one write's changes in the change log: an array of changes, each with its <c>kind</c>.</summary>
public static class GraphChangeJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The changes as JSON text.</summary>
    public static string Serialize(IReadOnlyList<GraphChange> changes) => JsonSerializer.Serialize(changes, Options);

    /// <summary>
    /// The changes <paramref name="json"/> holds. A kind this version does not know (written by a newer instance) or text it cannot
    /// read becomes one <see cref="BulkChange"/>, so the graph index rebuilds from the store rather than miss the write.
    /// </summary>
    public static IReadOnlyList<GraphChange> Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<GraphChange>>(json, Options) is { } changes && changes.All(c => c is not null)
                ? changes
                : [new BulkChange("a change another instance logged could not be read")];
        }
        catch (JsonException)
        {
            return [new BulkChange("a change another instance logged could not be read")];
        }
    }
}
