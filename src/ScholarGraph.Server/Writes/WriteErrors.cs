using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Mutations;
using ScholarGraph.GraphQL.Data.Mutations.Types;

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
