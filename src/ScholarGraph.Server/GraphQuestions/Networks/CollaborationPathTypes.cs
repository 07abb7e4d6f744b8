using GraphQL.Types;
using ScholarGraph.GraphQL.AspNetCore.Limits;
using ScholarGraph.Graph.Scholarly;
using ScholarGraph.Server.Authors;
using ScholarGraph.Server.GraphQuestions.GraphIndex;
using ScholarGraph.Server.Papers;

namespace ScholarGraph.Server.GraphQuestions.Networks;

/// <summary>Why <c>collaborationPath</c> found no path.</summary>
public enum NoPathReason
{
    /// <summary>No chain of at most <c>maxLength</c> coauthorships joins the two authors.</summary>
    NotConnectedWithinMaxLength,

    /// <summary>One of the ids names no author.</summary>
    UnknownAuthor,
}

/// <summary>The answer of <c>collaborationPath</c>.</summary>
/// <param name="Snapshot">The snapshot the paths were found on.</param>
/// <param name="Paths">The shortest paths found; empty when there is none.</param>
/// <param name="Reason">Why there is none, or <c>null</c> when there are paths.</param>
public sealed record CollaborationPathResult(GraphSnapshot Snapshot, IReadOnlyList<CollaborationPath> Paths, NoPathReason? Reason);

/// <summary>The <c>NoPathReason</c> enum.</summary>
public sealed class NoPathReasonType : EnumerationGraphType<NoPathReason>
{
    /// <summary>Defines the values.</summary>
    public NoPathReasonType()
    {
        Name = "NoPathReason";
        Description = "Why no collaboration path was returned.";
        Values["NOT_CONNECTED_WITHIN_MAX_LENGTH"]!.Description = "No chain of at most `maxLength` coauthorships joins the two authors.";
        Values["UNKNOWN_AUTHOR"]!.Description = "One of the ids names no author.";
    }
}

/// <summary>The <c>CollaborationPathResult</c> type.</summary>
public sealed class CollaborationPathResultType : ObjectGraphType<CollaborationPathResult>
{
    /// <summary>Defines the fields.</summary>
    public CollaborationPathResultType()
    {
        Name = "CollaborationPathResult";
        Description = "The shortest chains of coauthors between two authors, or why there is none.";
        Field<CollaborationPathType>("path")
            .Description("A shortest path (the first of `paths`), or null when there is none; `reason` then says why.")
            .Resolve(c => c.Source.Paths.Count == 0 ? null : new Indexed<CollaborationPath>(c.Source.Snapshot, c.Source.Paths[0]));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CollaborationPathType>>>>("paths")
            .Description("Every shortest path up to `maxPaths`, all of the same length, in a fixed order; empty when there is none.")
            .Resolve(c => c.Source.Paths.Select(p => new Indexed<CollaborationPath>(c.Source.Snapshot, p)));
        Field<NoPathReasonType>("reason").Description("Why there is no path, or null when there is one.")
            .Resolve(c => c.Source.Reason);
    }
}

/// <summary>The <c>CollaborationPath</c> type.</summary>
public sealed class CollaborationPathType : ObjectGraphType<Indexed<CollaborationPath>>
{
    /// <summary>Defines the fields.</summary>
    public CollaborationPathType()
    {
        Name = "CollaborationPath";
        Description = "A chain of coauthors from one author to another.";
        Field<NonNullGraphType<IntGraphType>>("length").Description("Number of hops; 0 when both ends are the same author.")
            .Resolve(c => c.Source.Value.Hops.Length);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuthorType>>>>("authors")
            .Description("The authors from the first to the last.")
            .ListSize(assumedSize: NetworkQueries.MaxPathLength + 1, requireOneSlicingArgument: false)
            .Resolve(c => c.Source.Value.Authors.Select(a => c.LoadAuthor(c.Source.Snapshot, a)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CollaborationHopType>>>>("hops")
            .Description("One hop per pair of consecutive authors, with the papers that join them.")
            .ListSize(assumedSize: NetworkQueries.MaxPathLength, requireOneSlicingArgument: false)
            .Resolve(c => c.Source.Value.Hops.Select(h => new Indexed<CollaborationHop>(c.Source.Snapshot, h)));
    }
}

/// <summary>The <c>CollaborationHop</c> type.</summary>
public sealed class CollaborationHopType : ObjectGraphType<Indexed<CollaborationHop>>
{
    /// <summary>Defines the fields.</summary>
    public CollaborationHopType()
    {
        Name = "CollaborationHop";
        Description = "One step of a collaboration path: two authors who share papers.";
        Field<NonNullGraphType<AuthorType>>("from").Description("The author the hop leaves.")
            .Resolve(c => c.LoadAuthor(c.Source.Snapshot, c.Source.Value.From));
        Field<NonNullGraphType<AuthorType>>("to").Description("The author the hop reaches.")
            .Resolve(c => c.LoadAuthor(c.Source.Snapshot, c.Source.Value.To));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PaperType>>>>("papers")
            .Description("The papers both are on, in the index's order.")
            .Resolve(c => c.Source.Value.Papers.Select(p => c.LoadPaper(c.Source.Snapshot, p)));
    }
}
