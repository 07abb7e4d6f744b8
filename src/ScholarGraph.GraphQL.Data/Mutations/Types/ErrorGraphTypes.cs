using GraphQL.Types;

namespace ScholarGraph.GraphQL.Data.Mutations.Types;

/// <summary>Hot Chocolate's <c>interface Error { message: String! }</c>, implemented by every error a payload can hold.</summary>
public sealed class ErrorInterfaceGraphType : InterfaceGraphType<MutationError>
{
    /// <summary>Defines the interface.</summary>
    public ErrorInterfaceGraphType()
    {
        Name = "Error";
        Description = "An error a mutation reports in its payload: the request was understood, but the change was not made.";
        Field<NonNullGraphType<StringGraphType>>("message").Description("What went wrong.");
    }
}

/// <summary>
/// The object type of the error <typeparamref name="TError"/>: named after the class, implementing <c>Error</c>. Subclasses add
/// the fields particular to their error.
/// </summary>
/// <typeparam name="TError">The error class.</typeparam>
public abstract class ErrorGraphType<TError> : ObjectGraphType<TError>
    where TError : MutationError
{
    /// <summary>Names the type after <typeparamref name="TError"/> and adds <c>message</c>.</summary>
    /// <param name="description">What the error means.</param>
    protected ErrorGraphType(string description)
    {
        Name = typeof(TError).Name;
        Description = description;
        Interface<ErrorInterfaceGraphType>();
        IsTypeOf = o => o is TError;
        Field<NonNullGraphType<StringGraphType>>("message").Description("What went wrong.").Resolve(c => c.Source.Message);
    }
}

/// <summary>The <c>ValidationError</c> type: an input value breaks a rule, and <c>path</c> says which.</summary>
public sealed class ValidationErrorGraphType : ErrorGraphType<ValidationError>
{
    /// <summary>Defines the fields.</summary>
    public ValidationErrorGraphType() : base("An input value breaks a rule; the message says which rule and what is allowed.")
    {
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("path")
            .Description("The offending input field, from the argument down (for example `[\"input\", \"authors\", \"2\", \"name\"]`); list items by 0-based index.")
            .Resolve(c => c.Source.Path);
    }
}
