using GraphQL.DI;
using ScholarGraph.GraphQL.Data.Filtering.Types;

namespace ScholarGraph.GraphQL.Data.Filtering.Extensions;

/// <summary>Registers what filtering needs with GraphQL.NET.</summary>
public static class FilteringGraphQLBuilderExtensions
{
    /// <summary>
    /// Registers the generic <c>ListFilterInputTypeOf&lt;X&gt;FilterInput</c> type, which assembly scanning cannot register because
    /// it is an open generic. The other filter and sort types are plain classes that <c>AddGraphTypes</c> finds.
    /// </summary>
    public static IGraphQLBuilder AddFilteringTypes(this IGraphQLBuilder builder)
    {
        builder.Services.TryRegister(typeof(ListFilterInputGraphType<,>), typeof(ListFilterInputGraphType<,>), ServiceLifetime.Transient);
        return builder;
    }
}
