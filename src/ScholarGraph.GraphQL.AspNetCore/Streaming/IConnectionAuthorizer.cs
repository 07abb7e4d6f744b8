using System.Security.Claims;

namespace ScholarGraph.GraphQL.AspNetCore.Streaming;

/// <summary>
/// Decides whether a streaming connection may run operations: a graphql-transport-ws socket when its
/// <c>connection_init</c> arrives (with that message's payload), or a GraphQL-over-SSE request before its stream starts
/// (no payload; read the request's headers). Register one implementation as a singleton; the default allows everyone
/// and keeps the request's own user.
/// </summary>
public interface IConnectionAuthorizer
{
    /// <summary>Authorizes the connection of <paramref name="context"/>.</summary>
    /// <param name="context">The HTTP request that opened the socket or the event stream.</param>
    /// <param name="payload">The <c>connection_init</c> payload, or <see langword="null"/> when none was sent (and always for SSE).</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <returns>The user the connection's operations run as, or a refusal (WebSocket close 4403, HTTP 401).</returns>
    ValueTask<ConnectionAuthorization> AuthorizeAsync(HttpContext context, IReadOnlyDictionary<string, object?>? payload, CancellationToken cancellationToken);
}

/// <summary>The answer of an <see cref="IConnectionAuthorizer"/>: a user to run as, or a refusal with a reason.</summary>
public sealed record ConnectionAuthorization
{
    private ConnectionAuthorization(ClaimsPrincipal? user, string? refusal)
    {
        User = user;
        Refusal = refusal;
    }

    /// <summary>The user the connection's operations run as; <see langword="null"/> when refused.</summary>
    public ClaimsPrincipal? User { get; }

    /// <summary>Why the connection was refused, safe to show the client (never a secret); <see langword="null"/> when allowed.</summary>
    public string? Refusal { get; }

    /// <summary>Whether the connection was allowed.</summary>
    public bool IsAllowed => User is not null;

    /// <summary>Allows the connection; its operations run as <paramref name="user"/>.</summary>
    public static ConnectionAuthorization Allow(ClaimsPrincipal user) => new(user ?? throw new ArgumentNullException(nameof(user)), null);

    /// <summary>Refuses the connection for <paramref name="reason"/>, a message the client may read.</summary>
    public static ConnectionAuthorization Refuse(string reason) => new(null, reason);
}

/// <summary>The default <see cref="IConnectionAuthorizer"/>: reads are open, so every connection runs as its request's user.</summary>
internal sealed class AllowAllConnectionAuthorizer : IConnectionAuthorizer
{
    public ValueTask<ConnectionAuthorization> AuthorizeAsync(HttpContext context, IReadOnlyDictionary<string, object?>? payload, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ConnectionAuthorization.Allow(context.User));
}
