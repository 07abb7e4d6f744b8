using ScholarGraph.Domain;
using ScholarGraph.Storage.Validation;

namespace ScholarGraph.Storage.Seeding;

/// <summary>
/// Checks parsed seed documents together (ids unique across files, every reference resolvable, values in range) and turns them
/// into a <see cref="SeedGraph"/>. Every problem is collected, so one run reports them all.
/// </summary>
internal static class SeedValidator
{
    private sealed record Origin(string File, string Path);

    public static SeedGraph Validate(IReadOnlyList<(string Name, SeedDocument Document)> documents, List<SeedProblem> problems)
    {
        var graph = new SeedGraph();
        var institutions = new Dictionary<string, Origin>(StringComparer.Ordinal);
        var topicOrigins = new Dictionary<string, Origin>(StringComparer.Ordinal);
        var topics = new Dictionary<string, SeedTopic>(StringComparer.Ordinal);
        var authors = new Dictionary<string, Origin>(StringComparer.Ordinal);
        var papers = new Dictionary<string, Origin>(StringComparer.Ordinal);

        // Pass 1: declare every id, so that references may point into other files and forward within a file.
        foreach (var (file, doc) in documents)
        {
            ForEach(doc.Institutions, "institutions", (item, path) =>
                Declare(institutions, item.Id, new Origin(file, path), "institution", problems));
            ForEach(doc.Topics, "topics", (item, path) =>
            {
                if (Declare(topicOrigins, item.Id, new Origin(file, path), "topic", problems))
                    topics[item.Id] = item;
            });
            ForEach(doc.Authors, "authors", (item, path) =>
                Declare(authors, item.Id, new Origin(file, path), "author", problems));
            ForEach(doc.Papers, "papers", (item, path) =>
                Declare(papers, item.Id, new Origin(file, path), "paper", problems));
        }

        // Pass 2: check every row and reference, and build the rows.
        foreach (var (file, doc) in documents)
        {
            void Problem(string path, string reason) => problems.Add(new SeedProblem(file, path, reason));
            void Reference<T>(IReadOnlyDictionary<string, T> known, string? key, string kind, string path)
            {
                if (key is not null && !known.ContainsKey(key))
                    Problem(path, $"refers to unknown {kind} id '{key}'");
            }

            if (string.IsNullOrWhiteSpace(doc.Source.Id))
                Problem("$.source.id", "must not be empty");

            ForEach(doc.Institutions, "institutions", (item, path) =>
            {
                RequireText(item.Name, $"{path}.name", Problem);
                graph.Institutions.Add(new Institution
                {
                    Id = item.Id, Name = item.Name, Ror = item.Ror, OpenAlexId = item.OpenAlexId, CountryCode = item.CountryCode,
                });
            });

            ForEach(doc.Topics, "topics", (item, path) =>
            {
                RequireText(item.Name, $"{path}.name", Problem);
                for (var k = 0; k < item.Keywords.Count; k++)
                    RequireText(item.Keywords[k], $"{path}.keywords[{k}]", Problem);
                graph.Topics.Add(new Topic { Id = item.Id, Name = item.Name, Keywords = [.. item.Keywords], OpenAlexId = item.OpenAlexId });
            });

            ForEach(doc.Authors, "authors", (item, path) =>
            {
                RequireText(item.Name, $"{path}.name", Problem);
                graph.Authors.Add(new Author
                {
                    Id = item.Id, Name = item.Name, Category = item.Category, Orcid = item.Orcid, OpenAlexId = item.OpenAlexId,
                });
                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < item.Affiliations.Count; i++)
                {
                    var institution = item.Affiliations[i];
                    var at = $"{path}.affiliations[{i}]";
                    Reference(institutions, institution, "institution", at);
                    if (!seen.Add(institution))
                        Problem(at, $"lists institution '{institution}' twice");
                    else
                        graph.Affiliations.Add(new Affiliation { AuthorId = item.Id, InstitutionId = institution });
                }
                if (item.ReportedMetrics is { } metrics)
                {
                    var at = $"{path}.reportedMetrics";
                    RequireNonNegative(metrics.HIndex, $"{at}.hIndex", Problem);
                    RequireNonNegative(metrics.CitationCount, $"{at}.citationCount", Problem);
                    RequireNonNegative(metrics.PaperCount, $"{at}.paperCount", Problem);
                    if (metrics.NoveltyPercent is < 0 or > 100)
                        Problem($"{at}.noveltyPercent", $"must be between 0 and 100, not {metrics.NoveltyPercent}");
                    graph.ReportedMetrics.Add(new ReportedAuthorMetrics
                    {
                        AuthorId = item.Id, Source = doc.Source.Id, HIndex = metrics.HIndex, CitationCount = metrics.CitationCount,
                        PaperCount = metrics.PaperCount, NoveltyPercent = metrics.NoveltyPercent, AiScore = metrics.AiScore,
                    });
                }
            });

            ForEach(doc.Papers, "papers", (item, path) =>
            {
                RequireText(item.Title, $"{path}.title", Problem);
                if (item.DateYearInferred)
                {
                    if (item.Date is null)
                        Problem($"{path}.dateYearInferred", "is true but the paper has no date");
                    else if (doc.Source.PageYear is not { } year)
                        Problem($"{path}.dateYearInferred", "is true but $.source.pageYear does not say which year the page is read as");
                    else if (item.Date.Value.Year != year)
                        Problem($"{path}.date", $"has year {item.Date.Value.Year}, but its year is inferred from $.source.pageYear ({year})");
                }
                if (EntityRules.CodeUrlProblem(item.CodeUrl) is { } urlProblem)
                    Problem($"{path}.codeUrl", urlProblem);

                graph.Papers.Add(new Paper
                {
                    Id = item.Id, Title = item.Title, Abstract = item.Abstract, PublicationDate = item.Date,
                    DateYearInferred = item.DateYearInferred, Category = item.Category, CodeUrl = item.CodeUrl, Doi = item.Doi,
                    ArxivId = item.ArxivId, OpenAlexId = item.OpenAlexId, AuthorListTruncated = item.AuthorListTruncated,
                });

                var onPaper = new HashSet<string>(StringComparer.Ordinal);
                var positions = new HashSet<int>();
                for (var i = 0; i < item.Authors.Count; i++)
                {
                    var authorship = item.Authors[i];
                    var at = $"{path}.authors[{i}]";
                    Reference(authors, authorship.Author, "author", $"{at}.author");
                    Reference(institutions, authorship.Institution, "institution", $"{at}.institution");
                    if (!onPaper.Add(authorship.Author))
                        Problem($"{at}.author", $"lists author '{authorship.Author}' twice on the same paper");
                    if (authorship.Position is { } position && (position < 1 || !positions.Add(position)))
                        Problem($"{at}.position", position < 1 ? "must be 1 or more" : $"repeats position {position}");
                    graph.Authorships.Add(new Authorship
                    {
                        PaperId = item.Id, AuthorId = authorship.Author, Position = authorship.Position, InstitutionId = authorship.Institution,
                    });
                }

                var named = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < item.Institutions.Count; i++)
                {
                    var institution = item.Institutions[i];
                    Reference(institutions, institution, "institution", $"{path}.institutions[{i}]");
                    if (named.Add(institution))
                        graph.PaperInstitutions.Add(new PaperInstitution { PaperId = item.Id, InstitutionId = institution, Position = i + 1 });
                    else
                        Problem($"{path}.institutions[{i}]", $"lists institution '{institution}' twice");
                }

                AddTopics(item, path, topics, graph, Problem);

                var cited = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < item.Cites.Count; i++)
                {
                    var target = item.Cites[i];
                    var at = $"{path}.cites[{i}]";
                    Reference(papers, target, "paper", at);
                    if (target == item.Id)
                        Problem(at, EntityRules.SelfCitation);
                    else if (!cited.Add(target))
                        Problem(at, $"cites paper '{target}' twice");
                    else
                        graph.Citations.Add(new Citation { CitingPaperId = item.Id, CitedPaperId = target });
                }
            });
        }
        return graph;
    }

    private static void AddTopics(
        SeedPaper paper, string path, Dictionary<string, SeedTopic> topics, SeedGraph graph,
        Action<string, string> problem)
    {
        var text = paper.Title + "\n" + paper.Abstract;
        var links = new List<(SeedPaperTopic Link, int Evidence)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < paper.Topics.Count; i++)
        {
            var link = paper.Topics[i];
            var at = $"{path}.topics[{i}]";
            if (!topics.TryGetValue(link.Topic, out var topic))
            {
                problem($"{at}.topic", $"refers to unknown topic id '{link.Topic}'");
                continue;
            }
            if (!seen.Add(link.Topic))
            {
                problem($"{at}.topic", $"lists topic '{link.Topic}' twice");
                continue;
            }
            if (link.Score is { } given)
            {
                if (EntityRules.TopicScoreProblem(given) is { } scoreProblem)
                    problem($"{at}.score", scoreProblem);
                links.Add((link, 0));
                continue;
            }
            var evidence = TopicRelevance.CountOccurrences(text, topic.Keywords);
            if (evidence == 0)
                problem($"{at}.topic",
                    $"topic '{link.Topic}' has no score, and none of its keywords occurs in the paper's title or abstract to compute one from");
            links.Add((link, evidence));
        }

        var strongest = links.Count == 0 ? 0 : links.Max(l => l.Evidence);
        foreach (var (link, evidence) in links)
        {
            graph.PaperTopics.Add(new PaperTopic
            {
                PaperId = paper.Id,
                TopicId = link.Topic,
                Score = link.Score ?? (strongest == 0 ? 0 : Math.Round((double)evidence / strongest, 4)),
                ScoreSource = link.Score is null ? TopicRelevance.ComputedSource : "source",
            });
        }
    }

    private static bool Declare(Dictionary<string, Origin> known, string id, Origin origin, string kind, List<SeedProblem> problems)
    {
        if (EntityRules.KeyProblem(id, kind) is { } keyProblem)
        {
            problems.Add(new SeedProblem(origin.File, $"{origin.Path}.id", keyProblem));
            return false;
        }
        if (known.TryGetValue(id, out var first))
        {
            problems.Add(new SeedProblem(origin.File, $"{origin.Path}.id",
                $"duplicate {kind} id '{id}' (first declared in {first.File} at {first.Path})"));
            return false;
        }
        known[id] = origin;
        return true;
    }

    private static void ForEach<T>(List<T> items, string name, Action<T, string> action)
    {
        for (var i = 0; i < items.Count; i++)
            action(items[i], $"$.{name}[{i}]");
    }

    private static void RequireText(string value, string path, Action<string, string> problem)
    {
        if (EntityRules.TextProblem(value) is { } reason)
            problem(path, reason);
    }

    private static void RequireNonNegative(int? value, string path, Action<string, string> problem)
    {
        if (EntityRules.NonNegativeProblem(value) is { } reason)
            problem(path, reason);
    }
}
