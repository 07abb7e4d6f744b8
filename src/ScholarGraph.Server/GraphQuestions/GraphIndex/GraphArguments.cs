using GraphQL;
using ScholarGraph.GraphQL.Data.Errors;

namespace ScholarGraph.Server.GraphQuestions.GraphIndex;

/// <summary>Reads and checks the arguments of the graph fields; a value out of range is an error naming the argument and the range.</summary>
internal static class GraphArguments
{
    /// <summary>Error code for an argument outside its allowed range.</summary>
    public const string OutOfRangeCode = "GRAPH_ARGUMENT_OUT_OF_RANGE";

    /// <summary>The integer argument <paramref name="name"/>, which must lie in <c>min..max</c>.</summary>
    public static int Int(IResolveFieldContext context, string name, int min, int max)
    {
        // An explicit null (a literal, or a variable sent as null) replaces the default, as the spec says: name it, not as 0.
        var value = context.GetArgument<int?>(name)
            ?? throw OutOfRange(context, name, $"must be between {min} and {max}; got null (leave the argument out for its default)");
        if (value < min || value > max)
            throw OutOfRange(context, name, $"must be between {min} and {max}; got {value}");
        return value;
    }

    /// <summary>
    /// The float argument <paramref name="name"/>, which must be above <paramref name="min"/> (or at least it, when
    /// <paramref name="minIncluded"/>) and at most <paramref name="max"/>.
    /// </summary>
    public static double Float(IResolveFieldContext context, string name, double min, double max, bool minIncluded = false)
    {
        var bound = $"must be {(minIncluded ? "at least" : "greater than")} {min} and at most {max}";
        var value = context.GetArgument<double?>(name)
            ?? throw OutOfRange(context, name, $"{bound}; got null (leave the argument out for its default)");
        if (!((minIncluded ? value >= min : value > min) && value <= max))
            throw OutOfRange(context, name, $"{bound}; got {value}");
        return value;
    }

    /// <summary>An <see cref="OutOfRangeCode"/> error at the field's path that names the argument and what is allowed.</summary>
    public static ExecutionError OutOfRange(IResolveFieldContext context, string name, string rule) =>
        new($"{context.FieldPath()}: argument '{name}' {rule}.") { Code = OutOfRangeCode };

    /// <summary>
    /// The current graph snapshot of the request's server, for a graph question about to start its work; once the execution is
    /// cancelled (the client left, or <c>GraphQLLimits:ExecutionTimeout</c> passed) no more graph work starts.
    /// </summary>
    public static GraphSnapshot GraphSnapshot(this IResolveFieldContext context)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        return context.RequestServices!.GetRequiredService<GraphIndexHolder>().Current;
    }
}
