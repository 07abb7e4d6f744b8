using GraphQL;
using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Mutations.Types;

namespace ScholarGraph.GraphQL.Data.Mutations.Extensions;

/// <summary>
/// Defines mutations in Hot Chocolate's mutation conventions: <c>name(input: NameInput!): NamePayload!</c>, where the payload
/// holds the changed object and <c>errors: [NameError!]</c>, a union of the error types the mutation can report.
/// </summary>
public static class MutationFieldExtensions
{
    /// <summary>The mutation's single argument.</summary>
    public const string InputArgument = "input";

    /// <summary>The payload field that lists the errors.</summary>
    public const string ErrorsField = "errors";

    /// <summary>
    /// Adds mutation <paramref name="name"/> to <paramref name="mutation"/>, with its input, payload and error union types.
    /// The payload's object field is <paramref name="resultField"/> of type <paramref name="resultType"/>. The resolver gets the
    /// input as a <see cref="MutationInput"/>; a <see cref="MutationErrorsException"/> it throws becomes the payload's errors.
    /// </summary>
    /// <param name="mutation">The root mutation type.</param>
    /// <param name="name">The field's name, camelCase (<c>createAuthor</c>); the types are named after it (<c>CreateAuthorInput</c>).</param>
    /// <param name="description">What the mutation does.</param>
    /// <param name="defineInput">Adds the input type's fields.</param>
    /// <param name="resultField">The payload field holding the changed object (<c>author</c>).</param>
    /// <param name="resultType">The graph type of that object.</param>
    /// <param name="resultDescription">What that field holds.</param>
    /// <param name="errorTypes">The error graph types (subclasses of <see cref="ErrorGraphType{TError}"/>) the mutation can report.</param>
    /// <param name="resolve">Does the write and returns the changed object.</param>
    public static FieldType AddMutation(
        this ObjectGraphType mutation, string name, string description, Action<InputObjectGraphType> defineInput,
        string resultField, Type resultType, string resultDescription, IReadOnlyList<Type> errorTypes,
        Func<IResolveFieldContext, MutationInput, Task<object?>> resolve)
    {
        var typeName = char.ToUpperInvariant(name[0]) + name[1..];
        var input = new InputObjectGraphType { Name = typeName + "Input", Description = $"The input of `{name}`." };
        defineInput(input);

        var errors = new UnionGraphType { Name = typeName + "Error", Description = $"The errors `{name}` can report." };
        foreach (var errorType in errorTypes)
            errors.Type(errorType);

        var payload = new ObjectGraphType { Name = typeName + "Payload", Description = $"The result of `{name}`." };
        payload.Field(resultField, resultType).Description(resultDescription + " Null when `errors` is not.")
            .Resolve(c => ((MutationPayload)c.Source!).Value);
        payload.Field(ErrorsField, new ListGraphType(new NonNullGraphType(errors)))
            .Description("Why the change was not made; null when it was. Nothing is written when there are errors.")
            .Resolve(c => ((MutationPayload)c.Source!).Errors);

        return mutation.Field(name, new NonNullGraphType(payload)).Description(description)
            .Argument(new NonNullGraphType(input), InputArgument, a => a.Description = $"What `{name}` needs.")
            .ResolveAsync(async context =>
            {
                var fields = context.GetArgument<Dictionary<string, object?>>(InputArgument);
                try
                {
                    return new MutationPayload(await resolve(context, new MutationInput(InputArgument, fields)).ConfigureAwait(false), null);
                }
                catch (MutationErrorsException e)
                {
                    return new MutationPayload(null, e.Errors);
                }
            })
            .FieldType;
    }
}
