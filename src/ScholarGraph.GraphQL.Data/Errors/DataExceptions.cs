using GraphQL;

namespace ScholarGraph.GraphQL.Data.Errors;

/// <summary>
/// An argument value the client gave passed GraphQL validation but cannot be applied. The message names the argument path (such
/// as <c>papers(where).authors.some.author.id.eq</c>) and what is allowed; <see cref="ExecutionError.Code"/> is one of the
/// <see cref="DataErrorCodes"/>. Raised before anything reaches the database. Built by <see cref="DataErrors"/>.
/// </summary>
public abstract class DataException : ExecutionError
{
    private protected DataException(string message, string code) : base(message) => Code = code;
}

/// <summary>A <c>where</c> value cannot be applied: <see cref="DataErrorCodes.FilterInvalidValue"/>.</summary>
public sealed class FilterException : DataException
{
    internal FilterException(string message, string code) : base(message, code) { }
}

/// <summary>An <c>order</c> value cannot be applied: <see cref="DataErrorCodes.SortInvalidValue"/>.</summary>
public sealed class SortException : DataException
{
    internal SortException(string message, string code) : base(message, code) { }
}

/// <summary>
/// A paging argument is not allowed: <see cref="DataErrorCodes.PagingInvalidCursor"/>, <see cref="DataErrorCodes.PagingInvalidPageSize"/>
/// or <see cref="DataErrorCodes.PagingInvalidArguments"/>.
/// </summary>
public sealed class PagingException : DataException
{
    internal PagingException(string message, string code) : base(message, code) { }
}
