using GraphQL.Types;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Mutations;
using ScholarGraph.Server.Writes;
using ScholarGraph.GraphQL.Data.Mutations.Types;

namespace ScholarGraph.Server.Papers;

/// <summary>No paper has the given id.</summary>
/// <param name="id">The global id the client gave.</param>
/// <param name="path">Where in the input it was given.</param>
public sealed class PaperNotFoundError(string id, IReadOnlyList<string> path) : EntityNotFoundError("Paper", id, path);

/// <summary>A paper with the same DOI, arXiv id or OpenAlex id exists.</summary>
/// <param name="field">The input field whose value is taken.</param>
/// <param name="value">The value.</param>
/// <param name="existing">The paper that already has it.</param>
public sealed class DuplicatePaperError(string field, string value, Paper existing) : DuplicateEntityError("paper", field, value, existing);

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

/// <summary>The <c>PaperNotFoundError</c> type.</summary>
public sealed class PaperNotFoundErrorType() : EntityNotFoundErrorType<PaperNotFoundError>("paper");

/// <summary>The <c>DuplicatePaperError</c> type.</summary>
public sealed class DuplicatePaperErrorType()
    : DuplicateEntityErrorType<DuplicatePaperError>("paper", "existingPaper", typeof(PaperType), "DOI, arXiv id and OpenAlex id");

/// <summary>The <c>DuplicateCitationError</c> type.</summary>
public sealed class DuplicateCitationErrorType() : ErrorGraphType<DuplicateCitationError>("The citation exists already.");

/// <summary>The <c>CitationNotFoundError</c> type.</summary>
public sealed class CitationNotFoundErrorType() : ErrorGraphType<CitationNotFoundError>("The citation to remove does not exist.");
