using GraphQL;
using GraphQL.Resolvers;

namespace ScholarGraph.GraphQL.Data.Execution;

/// <summary>
/// A field resolver that reads one member of the source and nothing else: no arguments, no services, no context. Because of
/// that, <see cref="LeanParallelExecutionStrategy"/> reads it straight from the parent's result without building a resolve
/// context; through any other strategy it resolves as a plain resolver does.
/// </summary>
public interface IMemberResolver : IFieldResolver
{
    /// <summary>The member's value on <paramref name="source"/> (the parent's result).</summary>
    object? Read(object? source);
}

/// <summary>The <see cref="IMemberResolver"/> of a member read by <paramref name="read"/>.</summary>
/// <typeparam name="TSource">The source type.</typeparam>
/// <typeparam name="TMember">The member's type.</typeparam>
public sealed class MemberResolver<TSource, TMember>(Func<TSource, TMember> read) : IMemberResolver
{
    /// <inheritdoc />
    public object? Read(object? source) => read((TSource)source!);

    /// <inheritdoc />
    public ValueTask<object?> ResolveAsync(IResolveFieldContext context) => new(read((TSource)context.Source!));
}
