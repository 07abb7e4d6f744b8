using System.Text.Json;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.GraphQL.Data.Errors;

namespace ScholarGraph.GraphQL.Data.Internal;

/// <summary>What every feature's resolver entry points read from a field's context.</summary>
internal static class FieldContext
{
    /// <summary>The request's service <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidOperationException">The request was executed without services.</exception>
    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull =>
        (context.RequestServices ?? throw DataErrors.RequestServicesMissing())
        .GetRequiredService<T>();

    /// <summary>The value the client gave argument <paramref name="name"/>, or <c>null</c> when it gave none.</summary>
    public static object? ArgumentValue(this IResolveFieldContext context, string name) =>
        context.Arguments is { } arguments && arguments.TryGetValue(name, out var argument) ? argument.Value : null;

    /// <summary><paramref name="value"/> as JSON, to tell argument values apart in cache and batch names.</summary>
    public static string Json(object? value) => JsonSerializer.Serialize(value);
}
