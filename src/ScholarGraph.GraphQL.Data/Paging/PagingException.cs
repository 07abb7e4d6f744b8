using GraphQL;

namespace ScholarGraph.GraphQL.Data.Paging;

/// <summary>
/// A paging argument the client gave is not allowed; the message names the field path, the argument and what is allowed, and
/// <see cref="ExecutionError.Code"/> carries one of the stable codes below.
/// </summary>
public sealed class PagingException : ExecutionError
{
    /// <summary>Error code for a malformed, foreign or stale cursor.</summary>
    public const string InvalidCursor = "PAGING_INVALID_CURSOR";

    /// <summary>Error code for a page size below zero or over the maximum.</summary>
    public const string InvalidPageSize = "PAGING_INVALID_PAGE_SIZE";

    /// <summary>Error code for arguments that cannot be used together.</summary>
    public const string InvalidArguments = "PAGING_INVALID_ARGUMENTS";

    /// <summary>Creates the error with its message and stable code.</summary>
    public PagingException(string message, string code) : base(message) => Code = code;
}
