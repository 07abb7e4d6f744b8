using GraphQL.Types;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Mutations;
using ScholarGraph.Server.Writes;
using ScholarGraph.GraphQL.Data.Mutations.Types;

namespace ScholarGraph.Server.Institutions;

/// <summary>No institution has the given id.</summary>
/// <param name="id">The global id the client gave.</param>
/// <param name="path">Where in the input it was given.</param>
public sealed class InstitutionNotFoundError(string id, IReadOnlyList<string> path) : EntityNotFoundError("Institution", id, path);

/// <summary>An institution with the same ROR id or OpenAlex id exists.</summary>
/// <param name="field">The input field whose value is taken.</param>
/// <param name="value">The value.</param>
/// <param name="existing">The institution that already has it.</param>
public sealed class DuplicateInstitutionError(string field, string value, Institution existing) : DuplicateEntityError("institution", field, value, existing);

/// <summary>The <c>InstitutionNotFoundError</c> type.</summary>
public sealed class InstitutionNotFoundErrorType() : EntityNotFoundErrorType<InstitutionNotFoundError>("institution");

/// <summary>The <c>DuplicateInstitutionError</c> type.</summary>
public sealed class DuplicateInstitutionErrorType()
    : DuplicateEntityErrorType<DuplicateInstitutionError>("institution", "existingInstitution", typeof(InstitutionType), "ROR id and OpenAlex id");
