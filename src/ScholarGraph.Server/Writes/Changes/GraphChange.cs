using System.Text.Json.Serialization;

namespace ScholarGraph.Server.Writes.Changes;

/// <summary>
/// Something a committed write changed in the graph. Writes publish these after their transaction commits, so that the graph
/// index and the subscriptions see every change, and see it only once it is durable.
/// </summary>
/// <remarks>
/// Each kind has a stable name in JSON (<c>"kind"</c>), the form in which the change log carries changes to the server's other
/// instances (<see cref="Instances.GraphChangeJson"/>); rename a kind only with a new name, as instances of two versions may share
/// one database while a deployment rolls.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(PaperAdded), "paperAdded")]
[JsonDerivedType(typeof(PaperUpdated), "paperUpdated")]
[JsonDerivedType(typeof(PaperRemoved), "paperRemoved")]
[JsonDerivedType(typeof(AuthorAdded), "authorAdded")]
[JsonDerivedType(typeof(AuthorUpdated), "authorUpdated")]
[JsonDerivedType(typeof(AuthorRemoved), "authorRemoved")]
[JsonDerivedType(typeof(AuthorsMerged), "authorsMerged")]
[JsonDerivedType(typeof(CoauthorshipAdded), "coauthorshipAdded")]
[JsonDerivedType(typeof(CitationAdded), "citationAdded")]
[JsonDerivedType(typeof(CitationRemoved), "citationRemoved")]
[JsonDerivedType(typeof(InstitutionAdded), "institutionAdded")]
[JsonDerivedType(typeof(TopicAdded), "topicAdded")]
[JsonDerivedType(typeof(BulkChange), "bulkChange")]
public abstract record GraphChange;

/// <summary>A paper was created, with its authors (in printed order) and topics.</summary>
public sealed record PaperAdded(string PaperId, IReadOnlyList<string> AuthorIds, IReadOnlyList<string> TopicIds) : GraphChange;

/// <summary>A paper's fields, authors, topics or institutions changed.</summary>
public sealed record PaperUpdated(string PaperId) : GraphChange;

/// <summary>A paper was deleted, with its authorships, topic links and citations.</summary>
public sealed record PaperRemoved(string PaperId) : GraphChange;

/// <summary>An author was created.</summary>
public sealed record AuthorAdded(string AuthorId) : GraphChange;

/// <summary>An author's fields or affiliations changed.</summary>
public sealed record AuthorUpdated(string AuthorId) : GraphChange;

/// <summary>An author was deleted.</summary>
public sealed record AuthorRemoved(string AuthorId) : GraphChange;

/// <summary>Two records of one person became one: <see cref="RemovedId"/>'s papers and affiliations now belong to <see cref="KeptId"/>.</summary>
public sealed record AuthorsMerged(string KeptId, string RemovedId) : GraphChange;

/// <summary>Two authors now share a paper they did not share before (or share one more paper).</summary>
public sealed record CoauthorshipAdded(string AuthorId, string CoauthorId, string PaperId) : GraphChange;

/// <summary>A citation was added.</summary>
public sealed record CitationAdded(string CitingPaperId, string CitedPaperId) : GraphChange;

/// <summary>A citation was removed.</summary>
public sealed record CitationRemoved(string CitingPaperId, string CitedPaperId) : GraphChange;

/// <summary>An institution was created.</summary>
public sealed record InstitutionAdded(string InstitutionId) : GraphChange;

/// <summary>A topic was created.</summary>
public sealed record TopicAdded(string TopicId) : GraphChange;

/// <summary>Many rows changed at once (an import); listeners should reread what they keep rather than apply single changes.</summary>
public sealed record BulkChange(string Reason) : GraphChange;
