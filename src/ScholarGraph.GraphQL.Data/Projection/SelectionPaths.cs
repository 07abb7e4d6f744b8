namespace ScholarGraph.GraphQL.Data.Projection;

/// <summary>Where, below a field, the selections of its entity sit: each path is a chain of field names to follow.</summary>
public sealed class SelectionPaths
{
    private SelectionPaths(params string[][] paths) => Paths = paths;

    /// <summary>The field returns the entity itself (or a list of it, or an interface it implements).</summary>
    public static SelectionPaths Self { get; } = new(Array.Empty<string>());

    /// <summary>A Relay connection: the entity sits under <c>nodes</c> and under <c>edges { node }</c>.</summary>
    public static SelectionPaths ConnectionNodes { get; } = new(["nodes"], ["edges", "node"]);

    /// <summary>An offset collection segment: the entity sits under <c>items</c>.</summary>
    public static SelectionPaths SegmentItems { get; } = new(["items"]);

    /// <summary>The chains of field names.</summary>
    public IReadOnlyList<string[]> Paths { get; }
}
