namespace ScholarGraph.Server.Ide;

/// <summary>Settings of the Banana Cake Pop IDE served beside the GraphQL endpoint, bound from the section <see cref="SectionName"/>.</summary>
public sealed class GraphQLIdeOptions
{
    /// <summary>The configuration section these options are read from: <c>GraphQLIde</c>.</summary>
    public const string SectionName = "GraphQLIde";

    /// <summary>Whether browsers get the IDE at the endpoint's path. Default: <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The title the IDE shows. Default: <c>ScholarGraph</c>.</summary>
    public string Title { get; set; } = "ScholarGraph";

    /// <summary>
    /// The subscription protocol the IDE speaks: <c>auto</c>, <c>graphql-transport-ws</c>, <c>graphql-ws</c> or
    /// <c>graphql-sse</c>. Default: <c>graphql-transport-ws</c>, the protocol this server's subscriptions use.
    /// </summary>
    public string SubscriptionProtocol { get; set; } = "graphql-transport-ws";

    /// <summary>
    /// The folder holding the IDE's built files. Default: <see langword="null"/>, meaning the <c>ide</c> folder beside
    /// the server's assembly, where the build copies them from the npm package.
    /// </summary>
    public string? FilesPath { get; set; }

    internal string ResolvedFilesPath => FilesPath ?? Path.Combine(AppContext.BaseDirectory, "ide");
}
