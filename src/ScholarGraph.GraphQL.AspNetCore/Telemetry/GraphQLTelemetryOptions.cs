namespace ScholarGraph.GraphQL.AspNetCore.Telemetry;

/// <summary>How operations are reported (see <see cref="GraphQLTelemetry"/>); bound from the configuration section <see cref="SectionName"/>.</summary>
public sealed class GraphQLTelemetryOptions
{
    /// <summary>The configuration section these options are read from: <c>GraphQLTelemetry</c>.</summary>
    public const string SectionName = "GraphQLTelemetry";

    /// <summary>
    /// Whether a span is named <c>{type} {name}</c> (<c>query ProfileQuery</c>) rather than <c>{type}</c> alone (<c>query</c>).
    /// The name is always in the tag <c>graphql.operation.name</c>; OpenTelemetry's conventions leave it out of span names by
    /// default because clients choose names freely, which can make many distinct span names. Default: <see langword="false"/>.
    /// </summary>
    public bool OperationNameInSpanName { get; set; }
}
