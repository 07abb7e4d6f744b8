using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Mutations.Types;
using ScholarGraph.Server.Authors;
using ScholarGraph.Server.Institutions;
using ScholarGraph.Server.Papers;
using ScholarGraph.Server.Topics;

namespace ScholarGraph.Server.Writes;

/// <summary>The type of an <see cref="EntityNotFoundError"/>: the id that names nothing, and where it was given.</summary>
/// <typeparam name="TError">The error class.</typeparam>
public abstract class EntityNotFoundErrorType<TError> : ErrorGraphType<TError>
    where TError : EntityNotFoundError
{
    /// <summary>Defines the fields.</summary>
    /// <param name="kind">The entity's kind in words.</param>
    protected EntityNotFoundErrorType(string kind) : base($"An id in the input names no {kind}.")
    {
        Field<NonNullGraphType<IdGraphType>>("id").Description($"The id that names no {kind}.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("path")
            .Description("Where in the input the id was given, from the argument down.").Resolve(c => c.Source.Path);
    }
}

/// <summary>The <c>AuthorNotFoundError</c> type.</summary>
public sealed class AuthorNotFoundErrorType() : EntityNotFoundErrorType<AuthorNotFoundError>("author");

/// <summary>The <c>PaperNotFoundError</c> type.</summary>
public sealed class PaperNotFoundErrorType() : EntityNotFoundErrorType<PaperNotFoundError>("paper");

/// <summary>The <c>InstitutionNotFoundError</c> type.</summary>
public sealed class InstitutionNotFoundErrorType() : EntityNotFoundErrorType<InstitutionNotFoundError>("institution");

/// <summary>The <c>TopicNotFoundError</c> type.</summary>
public sealed class TopicNotFoundErrorType() : EntityNotFoundErrorType<TopicNotFoundError>("topic");

/// <summary>The type of a <see cref="DuplicateEntityError"/>: which field's value is taken, and by which entity.</summary>
/// <typeparam name="TError">The error class.</typeparam>
public abstract class DuplicateEntityErrorType<TError> : ErrorGraphType<TError>
    where TError : DuplicateEntityError
{
    /// <summary>Defines the fields.</summary>
    /// <param name="kind">The entity's kind in words.</param>
    /// <param name="existingField">The field holding the existing entity (<c>existingPaper</c>).</param>
    /// <param name="existingType">The entity's graph type.</param>
    /// <param name="unique">The identifiers that must be unique, in words.</param>
    protected DuplicateEntityErrorType(string kind, string existingField, Type existingType, string unique)
        : base($"The {kind} would duplicate an existing one: {unique} must be unique.")
    {
        Field<NonNullGraphType<StringGraphType>>("field").Description("The input field whose value is already taken.").Resolve(c => c.Source.Field);
        Field(existingField, typeof(NonNullGraphType<>).MakeGenericType(existingType)).Description($"The {kind} that already has it.").Resolve(c => c.Source.Existing);
    }
}

/// <summary>The <c>DuplicatePaperError</c> type.</summary>
public sealed class DuplicatePaperErrorType()
    : DuplicateEntityErrorType<DuplicatePaperError>("paper", "existingPaper", typeof(PaperType), "DOI, arXiv id and OpenAlex id");

/// <summary>The <c>DuplicateAuthorError</c> type.</summary>
public sealed class DuplicateAuthorErrorType()
    : DuplicateEntityErrorType<DuplicateAuthorError>("author", "existingAuthor", typeof(AuthorType), "ORCID iD and OpenAlex id");

/// <summary>The <c>DuplicateInstitutionError</c> type.</summary>
public sealed class DuplicateInstitutionErrorType()
    : DuplicateEntityErrorType<DuplicateInstitutionError>("institution", "existingInstitution", typeof(InstitutionType), "ROR id and OpenAlex id");

/// <summary>The <c>DuplicateTopicError</c> type.</summary>
public sealed class DuplicateTopicErrorType()
    : DuplicateEntityErrorType<DuplicateTopicError>("topic", "existingTopic", typeof(TopicType), "name and OpenAlex id");

/// <summary>The <c>DuplicateCitationError</c> type.</summary>
public sealed class DuplicateCitationErrorType() : ErrorGraphType<DuplicateCitationError>("The citation exists already.");

/// <summary>The <c>CitationNotFoundError</c> type.</summary>
public sealed class CitationNotFoundErrorType() : ErrorGraphType<CitationNotFoundError>("The citation to remove does not exist.");
