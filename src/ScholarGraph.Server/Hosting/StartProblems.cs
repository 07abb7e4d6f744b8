using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.Hosting;

/// <summary>
/// Turns what stops a start at the edges (an address the server cannot listen on, a store it cannot open) into the one line an
/// operator reads: what, where, and what to set instead, with no stack trace.
/// </summary>
public static partial class StartProblems
{
    private const string SetUrls = "Set --urls or ASPNETCORE_URLS to another address.";

    /// <summary>
    /// The line describing <paramref name="exception"/> when it is a known start problem, or <c>null</c>.
    /// <paramref name="addresses"/> are the addresses the server was asked to listen on, named when the error itself does not say which.
    /// </summary>
    public static string? Describe(Exception exception, IEnumerable<string> addresses)
    {
        var configured = string.Join(", ", addresses) is { Length: > 0 } list ? list : "the configured address";
        // Kestrel's own wording names the address: "Failed to bind to address http://127.0.0.1:5000: address already in use."
        var address = Chain(exception).Select(e => FailedToBind().Match(e.Message)).FirstOrDefault(m => m.Success)?.Groups["address"].Value ?? configured;
        foreach (var e in Chain(exception))
        {
            switch (e)
            {
                case StoreUnavailableException:
                    return $"{e.Message} Set ConnectionStrings:{DatabaseOptions.ConnectionStringName} to a file this user can read and write.";
                case AddressInUseException:
                case SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }:
                    return $"Cannot listen on {address}: the port is already in use. {SetUrls}";
                case SocketException { SocketErrorCode: SocketError.AccessDenied }:
                    return $"Cannot listen on {address}: permission denied (ports below 1024 need privileges). {SetUrls}";
                case SocketException { SocketErrorCode: SocketError.AddressNotAvailable }:
                    return $"Cannot listen on {address}: that address is not one of this machine's. {SetUrls}";
                case FormatException when InvalidUrl().Match(e.Message) is { Success: true } url:
                    return $"Cannot listen on '{url.Groups["url"].Value}': it is not a URL such as http://localhost:5000. {SetUrls}";
                case ArgumentOutOfRangeException { ParamName: "port" }:
                    return $"Cannot listen on {configured}: a port must be between 0 and 65535. {SetUrls}";
            }
        }
        return null;
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            yield return e;
    }

    [GeneratedRegex(@"Failed to bind to address (?<address>\S+?):? address already in use", RegexOptions.CultureInvariant)]
    private static partial Regex FailedToBind();

    [GeneratedRegex(@"^Invalid url: '(?<url>.*)'", RegexOptions.CultureInvariant)]
    private static partial Regex InvalidUrl();
}
