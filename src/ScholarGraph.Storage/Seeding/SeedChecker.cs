using ScholarGraph.Domain;
using ScholarGraph.Storage.Validation;

namespace ScholarGraph.Storage.Seeding;

/// <summary>
/// The rules of the seed format, applied one item at a time by <see cref="SeedPasses"/>, which both the in-memory reader and
/// the bulk loader use. Use in two passes: <c>Declare</c> every item of every
/// file first (references may point into other files and forward within a file), then <c>Check</c> every item, which reports each
/// problem with its file and JSON path and hands the rows it builds to an <see cref="ISeedRowSink"/>. Rows are built even for items
/// with problems; whoever writes them must stop once <see cref="HasProblems"/> is true. The value rules are
/// <see cref="EntityRules"/>, which the mutations apply too.
/// </summary>
internal sealed class SeedChecker(List<SeedProblem> problems)
{
    private readonly record struct Origin(string File, SeedItemPath At);

    private readonly Dictionary<string, Origin> _institutions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Origin> _topicOrigins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SeedTopic> _topics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Origin> _venues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Origin> _authors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Origin> _papers = new(StringComparer.Ordinal);

    /// <summary>Whether any problem has been found so far.</summary>
    public bool HasProblems => problems.Count > 0;

    /// <summary>Declares an institution's id.</summary>
    public void Declare(string file, SeedItemPath at, SeedInstitution item) => Declare(_institutions, item.Id, new Origin(file, at), "institution");

    /// <summary>Declares a topic's id and keeps its keywords, which paper topics without a score are scored from.</summary>
    public void Declare(string file, SeedItemPath at, SeedTopic item)
    {
        if (Declare(_topicOrigins, item.Id, new Origin(file, at), "topic"))
            _topics[item.Id] = item;
    }

    /// <summary>
    /// Declares the id of an item that could not be read (reported already), so that references to it add no problems of their
    /// own; nothing when its id is unknown, or not a valid or a repeated id (the item's own problem covers it).
    /// </summary>
    public void DeclareMalformed(SeedItemPath at, string? id)
    {
        if (id is null)
            return;
        var known = at.Section switch
        {
            SeedSection.Institutions => _institutions,
            SeedSection.Topics => _topicOrigins,
            SeedSection.Venues => _venues,
            SeedSection.Authors => _authors,
            _ => _papers,
        };
        known.TryAdd(id, new Origin("", at));
    }

    /// <summary>Declares a venue's id.</summary>
    public void Declare(string file, SeedItemPath at, SeedVenue item) => Declare(_venues, item.Id, new Origin(file, at), "venue");

    /// <summary>Declares an author's id.</summary>
    public void Declare(string file, SeedItemPath at, SeedAuthor item) => Declare(_authors, item.Id, new Origin(file, at), "author");

    /// <summary>Declares a paper's id.</summary>
    public void Declare(string file, SeedItemPath at, SeedPaper item) => Declare(_papers, item.Id, new Origin(file, at), "paper");

    /// <summary>Checks a file's source.</summary>
    public void Check(string file, SeedSource source)
    {
        if (string.IsNullOrWhiteSpace(source.Id))
            Problem(file, "$.source.id", "must not be empty");
    }

    /// <summary>Checks an institution and builds its row.</summary>
    public void Check(string file, SeedItemPath at, SeedInstitution item, ISeedRowSink rows)
    {
        var path = at.ToString();
        RequireText(file, item.Name, $"{path}.name");
        if (EntityRules.CountryCodeProblem(item.CountryCode) is { } countryProblem)
            Problem(file, $"{path}.countryCode", countryProblem);
        rows.Add(new Institution
        {
            Id = item.Id, Name = item.Name, Ror = item.Ror, OpenAlexId = item.OpenAlexId, CountryCode = EntityRules.CountryCode(item.CountryCode),
        });
    }

    /// <summary>Checks a topic and builds its row.</summary>
    public void Check(string file, SeedItemPath at, SeedTopic item, ISeedRowSink rows)
    {
        var path = at.ToString();
        RequireText(file, item.Name, $"{path}.name");
        for (var k = 0; k < item.Keywords.Count; k++)
            RequireText(file, item.Keywords[k], $"{path}.keywords[{k}]");
        rows.Add(new Topic { Id = item.Id, Name = item.Name, Keywords = [.. item.Keywords], OpenAlexId = item.OpenAlexId });
    }

    /// <summary>Checks a venue and builds its row.</summary>
    public void Check(string file, SeedItemPath at, SeedVenue item, ISeedRowSink rows)
    {
        RequireText(file, item.Name, $"{at}.name");
        rows.Add(new Venue { Id = item.Id, Name = item.Name, OpenAlexId = item.OpenAlexId, IssnL = item.IssnL, Type = item.Type });
    }

    /// <summary>Checks an author, its affiliations and reported metrics, and builds their rows.</summary>
    public void Check(string file, SeedSource source, SeedItemPath at, SeedAuthor item, ISeedRowSink rows)
    {
        var path = at.ToString();
        RequireText(file, item.Name, $"{path}.name");
        rows.Add(new Author
        {
            Id = item.Id, Name = item.Name, Category = item.Category, Orcid = item.Orcid, OpenAlexId = item.OpenAlexId,
        });
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < item.Affiliations.Count; i++)
        {
            var institution = item.Affiliations[i];
            var where = $"{path}.affiliations[{i}]";
            Reference(file, _institutions, institution, "institution", where);
            if (!seen.Add(institution))
                Problem(file, where, $"lists institution '{institution}' twice");
            else
                rows.Add(new Affiliation { AuthorId = item.Id, InstitutionId = institution });
        }
        if (item.ReportedMetrics is { } metrics)
        {
            var where = $"{path}.reportedMetrics";
            RequireNonNegative(file, metrics.HIndex, $"{where}.hIndex");
            RequireNonNegative(file, metrics.CitationCount, $"{where}.citationCount");
            RequireNonNegative(file, metrics.PaperCount, $"{where}.paperCount");
            if (metrics.NoveltyPercent is < 0 or > 100)
                Problem(file, $"{where}.noveltyPercent", $"must be between 0 and 100, not {metrics.NoveltyPercent}");
            rows.Add(new ReportedAuthorMetrics
            {
                AuthorId = item.Id, Source = source.Id, HIndex = metrics.HIndex, CitationCount = metrics.CitationCount,
                PaperCount = metrics.PaperCount, NoveltyPercent = metrics.NoveltyPercent, AiScore = metrics.AiScore,
            });
        }
    }

    /// <summary>Checks a paper (its venue reference too) and its authorships, institutions, topics and citations, and builds their rows.</summary>
    public void Check(string file, SeedSource source, SeedItemPath at, SeedPaper item, ISeedRowSink rows)
    {
        var path = at.ToString();
        RequireText(file, item.Title, $"{path}.title");
        if (item.DateYearInferred)
        {
            if (item.Date is null)
                Problem(file, $"{path}.dateYearInferred", "is true but the paper has no date");
            else if (source.PageYear is not { } year)
                Problem(file, $"{path}.dateYearInferred", "is true but $.source.pageYear does not say which year the page is read as");
            else if (item.Date.Value.Year != year)
                Problem(file, $"{path}.date", $"has year {item.Date.Value.Year}, but its year is inferred from $.source.pageYear ({year})");
        }
        if (EntityRules.CodeUrlProblem(item.CodeUrl) is { } urlProblem)
            Problem(file, $"{path}.codeUrl", urlProblem);
        Reference(file, _venues, item.Venue, "venue", $"{path}.venue");

        rows.Add(new Paper
        {
            Id = item.Id, Title = item.Title, Abstract = item.Abstract, PublicationDate = item.Date,
            DateYearInferred = item.DateYearInferred, Category = item.Category, CodeUrl = item.CodeUrl, Doi = item.Doi,
            ArxivId = item.ArxivId, OpenAlexId = item.OpenAlexId, AuthorListTruncated = item.AuthorListTruncated, VenueId = item.Venue,
        });

        var onPaper = new HashSet<string>(StringComparer.Ordinal);
        var positions = new HashSet<int>();
        for (var i = 0; i < item.Authors.Count; i++)
        {
            var authorship = item.Authors[i];
            var where = $"{path}.authors[{i}]";
            Reference(file, _authors, authorship.Author, "author", $"{where}.author");
            Reference(file, _institutions, authorship.Institution, "institution", $"{where}.institution");
            if (!onPaper.Add(authorship.Author))
                Problem(file, $"{where}.author", $"lists author '{authorship.Author}' twice on the same paper");
            if (authorship.Position is { } position && (position < 1 || !positions.Add(position)))
                Problem(file, $"{where}.position", position < 1 ? "must be 1 or more" : $"repeats position {position}");
            rows.Add(new Authorship
            {
                PaperId = item.Id, AuthorId = authorship.Author, Position = authorship.Position, InstitutionId = authorship.Institution,
            });
        }

        var named = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < item.Institutions.Count; i++)
        {
            var institution = item.Institutions[i];
            Reference(file, _institutions, institution, "institution", $"{path}.institutions[{i}]");
            if (named.Add(institution))
                rows.Add(new PaperInstitution { PaperId = item.Id, InstitutionId = institution, Position = i + 1 });
            else
                Problem(file, $"{path}.institutions[{i}]", $"lists institution '{institution}' twice");
        }

        AddTopics(file, item, path, rows);

        var cited = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < item.Cites.Count; i++)
        {
            var target = item.Cites[i];
            var where = $"{path}.cites[{i}]";
            Reference(file, _papers, target, "paper", where);
            if (target == item.Id)
                Problem(file, where, EntityRules.SelfCitation);
            else if (!cited.Add(target))
                Problem(file, where, $"cites paper '{target}' twice");
            else
                rows.Add(new Citation { CitingPaperId = item.Id, CitedPaperId = target });
        }
    }

    private void AddTopics(string file, SeedPaper paper, string path, ISeedRowSink rows)
    {
        var text = paper.Title + "\n" + paper.Abstract;
        var links = new List<(SeedPaperTopic Link, int Evidence)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < paper.Topics.Count; i++)
        {
            var link = paper.Topics[i];
            var at = $"{path}.topics[{i}]";
            if (!_topics.TryGetValue(link.Topic, out var topic))
            {
                // A topic that could not be read is declared without its keywords; its own problem is reported already.
                if (!_topicOrigins.ContainsKey(link.Topic))
                    Problem(file, $"{at}.topic", $"refers to unknown topic id '{link.Topic}'");
                continue;
            }
            if (!seen.Add(link.Topic))
            {
                Problem(file, $"{at}.topic", $"lists topic '{link.Topic}' twice");
                continue;
            }
            if (link.Score is { } given)
            {
                if (EntityRules.TopicScoreProblem(given) is { } scoreProblem)
                    Problem(file, $"{at}.score", scoreProblem);
                links.Add((link, 0));
                continue;
            }
            var evidence = TopicRelevance.CountOccurrences(text, topic.Keywords);
            if (evidence == 0)
                Problem(file, $"{at}.topic",
                    $"topic '{link.Topic}' has no score, and none of its keywords occurs in the paper's title or abstract to compute one from");
            links.Add((link, evidence));
        }

        var strongest = links.Count == 0 ? 0 : links.Max(l => l.Evidence);
        foreach (var (link, evidence) in links)
        {
            rows.Add(new PaperTopic
            {
                PaperId = paper.Id,
                TopicId = link.Topic,
                Score = link.Score ?? (strongest == 0 ? 0 : Math.Round((double)evidence / strongest, 4)),
                ScoreSource = link.Score is null ? TopicRelevance.ComputedSource : "source",
            });
        }
    }

    private bool Declare(Dictionary<string, Origin> known, string id, Origin origin, string kind)
    {
        if (EntityRules.KeyProblem(id, kind) is { } keyProblem)
        {
            Problem(origin.File, $"{origin.At}.id", keyProblem);
            return false;
        }
        if (known.TryGetValue(id, out var first))
        {
            Problem(origin.File, $"{origin.At}.id", $"duplicate {kind} id '{id}' (first declared in {first.File} at {first.At})");
            return false;
        }
        known[id] = origin;
        return true;
    }

    private void Reference(string file, Dictionary<string, Origin> known, string? key, string kind, string path)
    {
        if (key is not null && !known.ContainsKey(key))
            Problem(file, path, $"refers to unknown {kind} id '{key}'");
    }

    private void Problem(string file, string path, string reason) => problems.Add(new SeedProblem(file, path, reason));

    private void RequireText(string file, string value, string path)
    {
        if (EntityRules.TextProblem(value) is { } reason)
            Problem(file, path, reason);
    }

    private void RequireNonNegative(string file, int? value, string path)
    {
        if (EntityRules.NonNegativeProblem(value) is { } reason)
            Problem(file, path, reason);
    }
}
