namespace ScholarGraph.GraphQL.Data.Mutations;

/// <summary>
/// A failure a mutation reports in its payload's <c>errors</c> (Hot Chocolate's mutation conventions) rather than as a GraphQL
/// error: the input was understood, but the write cannot be done. The GraphQL type of a subclass is named after the class.
/// </summary>
/// <param name="message">What went wrong, in words meant for the client.</param>
public abstract class MutationError(string message)
{
    /// <summary>What went wrong, in words meant for the client.</summary>
    public string Message { get; } = message;
}

/// <summary>An input value breaks a rule; <see cref="Path"/> names the input field, from the argument down.</summary>
/// <param name="path">The input field, for example <c>["input", "authors", "2", "name"]</c>.</param>
/// <param name="message">What is wrong and what is allowed.</param>
public sealed class ValidationError(IReadOnlyList<string> path, string message) : MutationError(message)
{
    /// <summary>The input field, from the argument down; list items by their 0-based index.</summary>
    public IReadOnlyList<string> Path { get; } = path;
}

/// <summary>
/// Thrown by a mutation's handler to stop it with typed errors. Whatever the handler wrote is rolled back, and the errors go
/// to the payload.
/// </summary>
/// <param name="errors">The errors, at least one.</param>
public sealed class MutationErrorsException(IReadOnlyList<MutationError> errors)
    : Exception(string.Join("; ", errors.Select(e => e.Message)))
{
    /// <summary>The errors for the payload.</summary>
    public IReadOnlyList<MutationError> Errors { get; } = errors;
}

/// <summary>What a mutation field returns: the changed object, or the errors that stopped it.</summary>
/// <param name="Value">The changed object; <c>null</c> when <paramref name="Errors"/> is not.</param>
/// <param name="Errors">The errors; <c>null</c> on success.</param>
public sealed record MutationPayload(object? Value, IReadOnlyList<MutationError>? Errors);
