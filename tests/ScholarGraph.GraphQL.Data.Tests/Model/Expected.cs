using System.Globalization;
using System.Text.Json;

namespace ScholarGraph.GraphQL.Data.Tests.Model;

/// <summary>Reading responses, and the model's orders computed in memory (LINQ to Objects), for expected answers.</summary>
public static class Expected
{
    /// <summary>The model's default item order: newest day first, items without a day last, ties by id.</summary>
    public static List<Item> NewestFirst(IEnumerable<Item> items) =>
        items.OrderBy(i => i.Day is null).ThenByDescending(i => i.Day).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();

    /// <summary>Oldest day first, items without a day first (null is the smallest value), ties by id.</summary>
    public static List<Item> OldestFirst(IEnumerable<Item> items) =>
        items.OrderBy(i => i.Day is not null).ThenBy(i => i.Day).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();

    public static List<Owner> ByName(IEnumerable<Owner> owners) =>
        owners.OrderBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.Id, StringComparer.Ordinal).ToList();

    public static List<string> Ids<T>(IEnumerable<T> rows, Func<T, string> id) => rows.Select(id).ToList();

    public static string? Text(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Follows <paramref name="path"/> of property names (or list indexes) from <paramref name="element"/>.</summary>
    public static JsonElement At(this JsonElement element, params string[] path) =>
        path.Aggregate(element, (e, p) => e.ValueKind == JsonValueKind.Array ? e[int.Parse(p, CultureInfo.InvariantCulture)] : e.GetProperty(p));

    /// <summary>The string <paramref name="field"/> of every element of the list <paramref name="list"/>.</summary>
    public static List<string?> Strings(this JsonElement list, string field) =>
        list.EnumerateArray().Select(e => e.GetProperty(field).GetString()).ToList();

    /// <summary>The string <paramref name="field"/> of every node of <paramref name="connection"/>.</summary>
    public static List<string?> Nodes(this JsonElement connection, string field) => connection.GetProperty("nodes").Strings(field);

    public static int Int(this JsonElement element, params string[] path) => element.At(path).GetInt32();

    public static bool Bool(this JsonElement element, params string[] path) => element.At(path).GetBoolean();
}
