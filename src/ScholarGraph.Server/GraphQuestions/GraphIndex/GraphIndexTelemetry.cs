using System.Diagnostics;

namespace ScholarGraph.Server.GraphQuestions.GraphIndex;

/// <summary>
/// Spans of the work done on the in-memory graph index: its builds, updates and merges (<c>graph-index build</c>,
/// <c>graph-index update</c>, <c>graph-index merge</c>) and the traversals that answer graph questions (<c>graph
/// coauthorNetwork</c>, <c>graph collaborationPath</c>, <c>graph topicClusters</c>). Inside a GraphQL operation they are children of
/// its span. Nothing is recorded without a listener (an OpenTelemetry SDK with <see cref="ActivitySourceName"/> added).
/// </summary>
public static class GraphIndexTelemetry
{
    /// <summary>The <see cref="ActivitySource"/>'s name: <c>ScholarGraph.GraphIndex</c>.</summary>
    public const string ActivitySourceName = "ScholarGraph.GraphIndex";

    /// <summary>Tag: papers in the index (after a build or update) or papers reread (an update).</summary>
    public const string PapersTag = "scholargraph.graph.papers";

    /// <summary>Tag: authors in a traversal's answer.</summary>
    public const string AuthorsTag = "scholargraph.graph.authors";

    private static readonly ActivitySource Source = new(ActivitySourceName);

    /// <summary>Starts the span <paramref name="name"/>, or returns <c>null</c> when nobody listens.</summary>
    internal static Activity? Start(string name) => Source.StartActivity(name, ActivityKind.Internal);
}
