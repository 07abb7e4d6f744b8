using ScholarGraph.Storage.Seeding;

namespace ScholarGraph.Generation;

/// <summary>What <see cref="SeedGenerator.WriteAsync(string, IProgress{GenerationProgress}?, CancellationToken)"/> wrote.</summary>
/// <param name="Files">The files written, as full paths in name order; the first holds every institution, topic, venue and author.</param>
/// <param name="Bytes">The total size of <paramref name="Files"/>.</param>
/// <param name="Counts">How many of each thing the files hold.</param>
public sealed record GenerationSummary(IReadOnlyList<string> Files, long Bytes, GeneratedCounts Counts);

/// <summary>How many of each thing a generated graph holds.</summary>
/// <param name="Papers">Papers.</param>
/// <param name="Authors">Authors (each on at least one paper).</param>
/// <param name="Institutions">Institutions.</param>
/// <param name="Topics">Leaf topics.</param>
/// <param name="Communities">Research communities (not written to the files; see <see cref="SeedGenerator.Communities"/>).</param>
/// <param name="Authorships">Author-paper links.</param>
/// <param name="PaperTopics">Paper-topic links.</param>
/// <param name="Citations">Citations.</param>
/// <param name="Venues">Venues.</param>
public sealed record GeneratedCounts(
    int Papers, int Authors, int Institutions, int Topics, int Communities, long Authorships, long PaperTopics, long Citations, int Venues);

/// <summary>How far generation has got; reported every few thousand papers and after each file.</summary>
/// <param name="Stage">What is being done.</param>
/// <param name="Papers">Papers done in this stage so far.</param>
/// <param name="TotalPapers">Papers in all.</param>
public readonly record struct GenerationProgress(GenerationStage Stage, int Papers, int TotalPapers);

/// <summary>The stages of generation, in order.</summary>
public enum GenerationStage
{
    /// <summary>Building the graph's structure in memory: communities, authors, topics and citations.</summary>
    Building,

    /// <summary>Rendering text and writing the files.</summary>
    Writing,
}

/// <summary>One generated seed file in memory.</summary>
/// <param name="FileName">The name <see cref="SeedGenerator.WriteAsync(string, IProgress{GenerationProgress}?, CancellationToken)"/> gives it, such as <c>generated-0001.json</c>.</param>
/// <param name="Document">Its content.</param>
public sealed record GeneratedSeedFile(string FileName, SeedDocument Document);

/// <summary>
/// A research community of a generated graph: the topics it works on and the institutions its members sit at. The seed format has
/// no place for communities, so they are known only from the generator; tests and benchmarks use them as the expected clusters.
/// </summary>
/// <param name="Id">Its id, <c>community:N</c>.</param>
/// <param name="TopicIds">Its core topics, most worked-on first.</param>
/// <param name="InstitutionIds">Its institutions.</param>
/// <param name="Authors">How many authors belong to it.</param>
/// <param name="Papers">How many papers it published.</param>
public sealed record GeneratedCommunity(string Id, IReadOnlyList<string> TopicIds, IReadOnlyList<string> InstitutionIds, int Authors, int Papers);
