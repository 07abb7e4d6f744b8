using System.Security.Cryptography;
using System.Text;

namespace ScholarGraph.Server.Hosting.Security;

/// <summary>Who sent a request, as the rate limiter counts it and the read routing remembers writers.</summary>
public static class CallerKeys
{
    /// <summary>
    /// An authenticated caller's key (by credential type and holder, so two keys never share one), else its remote address's. A
    /// credential that fails counts as the address, so inventing keys makes no new caller. Behind a reverse proxy the address is
    /// the proxy's unless forwarded headers are applied first.
    /// </summary>
    public static string Of(HttpContext context) =>
        context.User.IsAuthenticated() && context.User.Identity is { } identity
            ? $"caller:{identity.AuthenticationType}:{identity.Name}"
            : $"address:{context.Connection.RemoteIpAddress}";

    /// <summary>
    /// A fingerprint of <see cref="Of"/> (the first 128 bits of its SHA-256, in hex) that names the caller without showing its
    /// key name or address, for what is stored or shared between instances (the change log's writer).
    /// </summary>
    public static string FingerprintOf(HttpContext context) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Of(context))).AsSpan(0, 16));
}
