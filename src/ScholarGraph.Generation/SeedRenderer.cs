using System.Globalization;
using System.Text;
using ScholarGraph.Storage.Seeding;

namespace ScholarGraph.Generation;

/// <summary>
/// Turns rows of a <see cref="SyntheticGraph"/> into seed-format objects. Text for an entity is drawn from a random stream of its
/// own, so the output does not depend on the order or chunking in which entities are rendered.
/// </summary>
internal sealed class SeedRenderer(SyntheticGraph graph)
{
    private const double DoiShare = 0.3;
    private const double AuthorshipInstitutionShare = 0.9;
    private const double MiddleInitialShare = 0.4;

    public const string DoiPrefix = "10.5555/sg.";

    private readonly long _seed = graph.Options.Seed;

    public static string PaperId(int paper) => Id("paper", paper);

    public static string AuthorId(int author) => Id("author", author);

    public static string InstitutionId(int institution) => Id("institution", institution);

    public static string CommunityId(int community) => Id("community", community);

    public static string VenueId(int venue) => Id("venue", venue);

    /// <summary>The index behind an id of the form <c>prefix:(index+1)</c>, or -1.</summary>
    public static int IndexOf(string id, string prefix)
    {
        if (!id.StartsWith(prefix + ":", StringComparison.Ordinal)
            || !int.TryParse(id.AsSpan(prefix.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number < 1)
            return -1;
        return number - 1;
    }

    private static string Id(string prefix, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}:{index + 1}");

    public SeedSource Source(int fileIndex)
    {
        var options = graph.Options;
        var source = new SeedSource
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"generator:seed-{options.Seed}"),
            Description = string.Create(CultureInfo.InvariantCulture,
                $"A synthetic scholarly graph made by ScholarGraph's seed generator ({options.Papers} papers, seed {options.Seed}); every name, title, date and link in it is invented."),
        };
        if (fileIndex == 0)
        {
            source.Notes.AddRange(
            [
                "Each venue belongs to one field; a community publishes mostly in two venues of its field, and a tenth of the papers name no venue.",
                "Topic ids encode the hierarchy field > subfield > topic (topic:f3.s2.t7 is topic 7 of subfield 2 of field 3) and names spell it out; papers link to these leaf topics only.",
                "Every paper topic has an explicit score in (0, 1], the primary topic's highest; each topic's keyword is its own name in lower case.",
                "Authors belong to research communities, each working on a few topics at one to three institutions; most coauthors share a community.",
                "Papers are numbered in publication order, and a paper cites only papers dated strictly before it.",
                "DOIs use the 10.5555 prefix, reserved for tests, and resolve nowhere.",
            ]);
        }
        return source;
    }

    public SeedInstitution Institution(int institution)
    {
        var row = graph.Institutions[institution];
        return new SeedInstitution { Id = InstitutionId(institution), Name = row.Name, CountryCode = row.CountryCode };
    }

    public SeedTopic Topic(int topic)
    {
        var row = graph.Topics[topic];
        return new SeedTopic { Id = row.Id, Name = row.Name, Keywords = [row.Keyword] };
    }

    public SeedVenue Venue(int venue)
    {
        var row = graph.Venues[venue];
        return new SeedVenue { Id = VenueId(venue), Name = row.Name, Type = row.Type };
    }

    public SeedAuthor Author(int author)
    {
        var random = GeneratorRandom.For(_seed, GeneratorStream.AuthorName, author);
        var first = random.Pick(Vocabulary.FirstNames);
        var last = random.Pick(Vocabulary.LastNames);
        var name = random.Chance(MiddleInitialShare) ? $"{first} {(char)('A' + random.Next(26))}. {last}" : $"{first} {last}";
        var seedAuthor = new SeedAuthor { Id = AuthorId(author), Name = name };
        if (graph.AuthorPrimaryAffiliation[author] is var primary and >= 0)
            seedAuthor.Affiliations.Add(InstitutionId(primary));
        if (graph.AuthorSecondaryAffiliation[author] is var secondary and >= 0)
            seedAuthor.Affiliations.Add(InstitutionId(secondary));
        return seedAuthor;
    }

    public SeedPaper Paper(int paper)
    {
        var random = GeneratorRandom.For(_seed, GeneratorStream.PaperText, paper);
        int topicsFrom = graph.TopicLinkStart[paper], topicsTo = graph.TopicLinkStart[paper + 1];
        var keyword = graph.Topics[graph.TopicLinkTopic[topicsFrom]].Keyword;
        var otherKeyword = topicsTo - topicsFrom > 1
            ? graph.Topics[graph.TopicLinkTopic[topicsFrom + 1]].Keyword
            : $"{random.Pick(Vocabulary.Modifiers)} {random.Pick(Vocabulary.Subjects)}";

        var seedPaper = new SeedPaper
        {
            Id = PaperId(paper),
            Title = Title(random, keyword, otherKeyword),
            Abstract = Abstract(random, keyword, otherKeyword),
            Date = graph.Epoch.AddDays(graph.PaperDay[paper]),
            Doi = random.Chance(DoiShare) ? string.Create(CultureInfo.InvariantCulture, $"{DoiPrefix}{paper + 1}") : null,
            Venue = graph.PaperVenue[paper] is var venue and >= 0 ? VenueId(venue) : null,
        };

        for (int i = graph.AuthorshipStart[paper], position = 1; i < graph.AuthorshipStart[paper + 1]; i++, position++)
        {
            var author = graph.AuthorshipAuthor[i];
            var affiliation = graph.AuthorPrimaryAffiliation[author];
            var institution = affiliation >= 0 && random.Chance(AuthorshipInstitutionShare) ? InstitutionId(affiliation) : null;
            seedPaper.Authors.Add(new SeedAuthorship { Author = AuthorId(author), Position = position, Institution = institution });
            if (institution is not null && !seedPaper.Institutions.Contains(institution))
                seedPaper.Institutions.Add(institution);
        }
        for (var i = topicsFrom; i < topicsTo; i++)
            seedPaper.Topics.Add(new SeedPaperTopic { Topic = graph.Topics[graph.TopicLinkTopic[i]].Id, Score = graph.TopicLinkScore[i] });
        for (var i = graph.CitationStart[paper]; i < graph.CitationStart[paper + 1]; i++)
            seedPaper.Cites.Add(PaperId(graph.CitationTarget[i]));
        return seedPaper;
    }

    private static string Title(GeneratorRandom random, string keyword, string otherKeyword)
    {
        var quality = random.Pick(Vocabulary.ApproachQualities);
        var kind = random.Pick(Vocabulary.ApproachKinds);
        var title = random.Next(8) switch
        {
            0 => $"{quality} {kind} for {keyword}",
            1 => $"towards {quality} {keyword} with {otherKeyword}",
            2 => $"on the {random.Pick(Vocabulary.Properties)} of {keyword}",
            3 => $"{keyword} meets {otherKeyword}: {Article(quality)} {quality} {kind}",
            4 => $"revisiting {keyword} through {otherKeyword}",
            5 => $"{keyword} under {random.Pick(Vocabulary.Conditions)}",
            6 => $"scaling {keyword} to {random.Pick(Vocabulary.Scales)}",
            _ => $"{Article(quality)} {quality} {kind} for {keyword} and {otherKeyword}",
        };
        return char.ToUpperInvariant(title[0]) + title[1..];
    }

    private static string Abstract(GeneratorRandom random, string keyword, string otherKeyword)
    {
        var quality = random.Pick(Vocabulary.ApproachQualities);
        var text = new StringBuilder(280);
        text.Append("We study ").Append(keyword);
        text.Append(random.Chance(0.5) ? $" in the context of {otherKeyword}. " : $" under {random.Pick(Vocabulary.Conditions)}. ");
        text.Append("We introduce ").Append(Article(quality)).Append(' ').Append(quality).Append(' ')
            .Append(random.Pick(Vocabulary.ApproachKinds)).Append(" that ")
            .Append(string.Format(CultureInfo.InvariantCulture, random.Pick(Vocabulary.Contributions), otherKeyword)).Append(". ");
        text.Append(CultureInfo.InvariantCulture, $"Across {2 + random.Next(11)} {random.Pick(Vocabulary.EvaluationSettings)}, it improves ")
            .Append(random.Pick(Vocabulary.Metrics))
            .Append(CultureInfo.InvariantCulture, $" by {1 + random.Next(30)}% over {random.Pick(Vocabulary.Baselines)}.");
        return text.ToString();
    }

    private static string Article(string word) => "aeiou".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";
}
