using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ScholarGraph.Server.Hosting.Configuration;

/// <summary>Turns a refused setting into the lines an operator reads: the key, the value and what it must be, without .NET type names.</summary>
public static partial class ConfigurationProblems
{
    /// <summary>
    /// The lines describing <paramref name="exception"/> when it is a settings problem: a value that failed validation, or one
    /// that could not be converted to its type; <c>null</c> for any other exception.
    /// </summary>
    public static IReadOnlyList<string>? Describe(Exception exception)
    {
        switch (exception)
        {
            case OptionsValidationException invalid:
                return [.. invalid.Failures.Select(f => $"Configuration: {f}")];
            case InvalidOperationException when ConversionFailure().Match(exception.Message) is { Success: true } match:
                return [$"Configuration: {match.Groups["key"].Value} is '{match.Groups["value"].Value}', which is not {Expected(match.Groups["type"].Value)}."];
            case AggregateException aggregate when aggregate.InnerExceptions.Select(Describe).ToList() is var inner && inner.All(i => i is not null):
                return [.. inner.SelectMany(i => i!)];
            default:
                return exception.InnerException is { } cause ? Describe(cause) : null;
        }
    }

    private static string Expected(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Double" or "System.Single" or "System.Decimal" => "a number",
        "System.Boolean" => "true or false",
        "System.TimeSpan" => "a duration such as 00:00:30",
        _ when FindType(type) is { IsEnum: true } e => "one of " + string.Join(", ", Enum.GetNames(e)),
        _ => "a value of the expected kind",
    };

    private static Type? FindType(string name) =>
        AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(name)).FirstOrDefault(t => t is not null);

    // The binder's own wording (Microsoft.Extensions.Configuration.Binder): "Failed to convert configuration value 'abc' at
    // 'GraphIndex:MergeThreshold' to type 'System.Int32'."
    [GeneratedRegex(@"Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']*)' to type '(?<type>[^']*)'")]
    private static partial Regex ConversionFailure();
}
