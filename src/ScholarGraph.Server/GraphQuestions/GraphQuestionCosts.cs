namespace ScholarGraph.Server.GraphQuestions;

/// <summary>
/// The cost model of the graph questions, printed in the SDL with the IBM cost directives (<c>@cost</c>, <c>@listSize</c>) and
/// held to <c>GraphQLLimits:MaxFieldCost</c> and <c>MaxTypeCost</c> (5,000 each by default) like every other field.
/// <para>
/// Weights are relative to a paged database load, which weighs <see cref="Schema.PagedFieldCosts.PagedLoadWeight"/> (10) as in
/// Hot Chocolate, and follow the latencies the benchmarks measure at a million papers (<c>bench/README.md</c>): a page of rows
/// takes a few milliseconds; a coauthor network or a collaboration path is about as fast for a typical author but reaches
/// 100–200 ms at the 99th percentile (hubs, long searches); a topic clustering at a new resolution takes about half a second
/// (the last eight resolutions are kept per snapshot). Each question's own work is bounded by the ranges of its arguments
/// (<c>depth</c> 0–3 and <c>maxNodes</c> 1–2,000; <c>maxLength</c> 1–12 and <c>maxPaths</c> 1–20), so its weight is that of
/// the slow case.
/// </para>
/// <para>
/// What a question returns costs by its arguments through <c>@listSize</c>: a network's <c>nodes</c> and <c>edges</c> count
/// <c>maxNodes</c> elements each (200 when not given), a collaboration result's <c>paths</c> <c>maxPaths</c> (1), a path's
/// <c>hops</c> 12 and its <c>authors</c> 13 (the most <c>maxLength</c> allows: the directive sizes the lists of the annotated
/// field's own result, and hops lie two levels below the argument), a clustering's <c>clusters</c> an assumed 100 (85 at a
/// million papers), an author's <c>topicProfile</c> an assumed 10, <c>Topic.related</c> its <c>first</c> (10). Everything selected inside those lists is multiplied by their
/// size, so a network of 2,000 authors whose every author's papers are listed costs far over the limit while the README's
/// examples cost a few hundred to about 2,500.
/// </para>
/// </summary>
internal static class GraphQuestionCosts
{
    /// <summary>The weight of <c>coauthorNetwork</c>: one traversal of the index (p99 about 200 ms around a hub).</summary>
    public const double CoauthorNetwork = 100;

    /// <summary>The weight of <c>collaborationPath</c>: one bidirectional search (p99 about 100 ms).</summary>
    public const double CollaborationPath = 100;

    /// <summary>The weight of <c>topicClusters</c>: association strength and Leiden over the topic graph (about 0.5 s when not kept).</summary>
    public const double TopicClusters = 1000;

    /// <summary>The weight of <c>Author.topicProfile</c>: a lookup, or a whole clustering at a resolution not kept yet.</summary>
    public const double TopicProfile = 100;

    /// <summary>The weight of <c>CoauthorNetworkNode.papersInNetwork</c>: a pass over the author's papers, counted only when asked.</summary>
    public const double PapersInNetwork = 1;

    /// <summary>The assumed number of clusters of a clustering.</summary>
    public const int AssumedClusters = 100;

    /// <summary>The assumed number of clusters an author's papers fall in (<c>Author.topicProfile</c>).</summary>
    public const int AssumedProfileClusters = 10;
}
