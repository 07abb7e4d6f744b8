using GraphQL.Types;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Mutations;
using ScholarGraph.Server.Writes;
using ScholarGraph.GraphQL.Data.Mutations.Types;

namespace ScholarGraph.Server.Authors;

/// <summary>No author has the given id.</summary>
/// <param name="id">The global id the client gave.</param>
/// <param name="path">Where in the input it was given.</param>
public sealed class AuthorNotFoundError(string id, IReadOnlyList<string> path) : EntityNotFoundError("Author", id, path);

/// <summary>An author with the same ORCID iD or OpenAlex id exists.</summary>
/// <param name="field">The input field whose value is taken.</param>
/// <param name="value">The value.</param>
/// <param name="existing">The author that already has it.</param>
public sealed class DuplicateAuthorError(string field, string value, Author existing) : DuplicateEntityError("author", field, value, existing);

/// <summary>The <c>AuthorNotFoundError</c> type.</summary>
public sealed class AuthorNotFoundErrorType() : EntityNotFoundErrorType<AuthorNotFoundError>("author");

/// <summary>The <c>DuplicateAuthorError</c> type.</summary>
public sealed class DuplicateAuthorErrorType()
    : DuplicateEntityErrorType<DuplicateAuthorError>("author", "existingAuthor", typeof(AuthorType), "ORCID iD and OpenAlex id");
