using ScholarGraph.GraphQL.Data.Mutations;

namespace ScholarGraph.Server.Writes;

/// <summary>An id in the input names no entity of its type.</summary>
/// <param name="typeName">The entity type (<c>Author</c>).</param>
/// <param name="id">The global id the client gave.</param>
/// <param name="path">Where in the input it was given.</param>
public abstract class EntityNotFoundError(string typeName, string id, IReadOnlyList<string> path)
    : MutationError($"There is no {typeName.ToLowerInvariant()} with id '{id}' (at {string.Join('.', path)}).")
{
    /// <summary>The global id the client gave.</summary>
    public string Id { get; } = id;

    /// <summary>Where in the input it was given.</summary>
    public IReadOnlyList<string> Path { get; } = path;
}

/// <summary>No author has the given id.</summary>
/// <param name="id">The global id the client gave.</param>
/// <param name="path">Where in the input it was given.</param>
public sealed class AuthorNotFoundError(string id, IReadOnlyList<string> path) : EntityNotFoundError("Author", id, path);

/// <summary>No paper has the given id.</summary>
/// <param name="id">The global id the client gave.</param>
/// <param name="path">Where in the input it was given.</param>
public sealed class PaperNotFoundError(string id, IReadOnlyList<string> path) : EntityNotFoundError("Paper", id, path);

/// <summary>No institution has the given id.</summary>
/// <param name="id">The global id the client gave.</param>
/// <param name="path">Where in the input it was given.</param>
public sealed class InstitutionNotFoundError(string id, IReadOnlyList<string> path) : EntityNotFoundError("Institution", id, path);

/// <summary>No topic has the given id.</summary>
/// <param name="id">The global id the client gave.</param>
/// <param name="path">Where in the input it was given.</param>
public sealed class TopicNotFoundError(string id, IReadOnlyList<string> path) : EntityNotFoundError("Topic", id, path);

/// <summary>The entity would duplicate one that exists: they share an identifier that must be unique.</summary>
/// <param name="kind">The entity's kind in words (<c>paper</c>).</param>
/// <param name="field">The input field whose value is taken (<c>doi</c>).</param>
/// <param name="value">The value.</param>
/// <param name="existing">The entity that already has it.</param>
public abstract class DuplicateEntityError(string kind, string field, string value, object existing)
    : MutationError($"A {kind} with {field} '{value}' already exists.")
{
    /// <summary>The input field whose value is taken.</summary>
    public string Field { get; } = field;

    /// <summary>The entity that already has it.</summary>
    public object Existing { get; } = existing;
}

/// <summary>A paper with the same DOI, arXiv id or OpenAlex id exists.</summary>
/// <param name="field">The input field whose value is taken.</param>
/// <param name="value">The value.</param>
/// <param name="existing">The paper that already has it.</param>
public sealed class DuplicatePaperError(string field, string value, Domain.Paper existing) : DuplicateEntityError("paper", field, value, existing);

/// <summary>An author with the same ORCID iD or OpenAlex id exists.</summary>
/// <param name="field">The input field whose value is taken.</param>
/// <param name="value">The value.</param>
/// <param name="existing">The author that already has it.</param>
public sealed class DuplicateAuthorError(string field, string value, Domain.Author existing) : DuplicateEntityError("author", field, value, existing);

/// <summary>An institution with the same ROR id or OpenAlex id exists.</summary>
/// <param name="field">The input field whose value is taken.</param>
/// <param name="value">The value.</param>
/// <param name="existing">The institution that already has it.</param>
public sealed class DuplicateInstitutionError(string field, string value, Domain.Institution existing) : DuplicateEntityError("institution", field, value, existing);

/// <summary>A topic with the same name or OpenAlex id exists.</summary>
/// <param name="field">The input field whose value is taken.</param>
/// <param name="value">The value.</param>
/// <param name="existing">The topic that already has it.</param>
public sealed class DuplicateTopicError(string field, string value, Domain.Topic existing) : DuplicateEntityError("topic", field, value, existing);

/// <summary>The citation to add exists already.</summary>
/// <param name="citingId">The citing paper's global id.</param>
/// <param name="citedId">The cited paper's global id.</param>
public sealed class DuplicateCitationError(string citingId, string citedId)
    : MutationError($"Paper '{citingId}' already cites paper '{citedId}'.");

/// <summary>The citation to remove does not exist.</summary>
/// <param name="citingId">The citing paper's global id.</param>
/// <param name="citedId">The cited paper's global id.</param>
public sealed class CitationNotFoundError(string citingId, string citedId)
    : MutationError($"Paper '{citingId}' does not cite paper '{citedId}'.");
