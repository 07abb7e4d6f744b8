using ScholarGraph.Storage.Validation;

namespace ScholarGraph.Storage.Import.OpenAlex;

/// <summary>
/// What a work must satisfy to be written, beyond what <see cref="OpenAlexWorkReader"/> checks of its shape: the rules every writer
/// of the graph applies (<see cref="EntityRules"/>) and what the importer needs to key and name each row. Checked before anything
/// of the work is written, so a refused work leaves no trace.
/// </summary>
internal static class WorkChecks
{
    /// <summary>Why <paramref name="work"/> cannot be written, or null.</summary>
    public static string? Problem(OpenAlexWork work)
    {
        var id = ExternalIds.OpenAlex(work.Id)!;
        if (EntityRules.KeyProblem(ImportKeys.FromOpenAlex(id), "work") is { } keyProblem)
            return $"$.id: {keyProblem}";
        if (work.CitedByCount is { } cited && EntityRules.NonNegativeProblem(cited) is { } countProblem)
            return $"$.cited_by_count {countProblem}";
        var authorships = work.Authorships ?? [];
        for (var i = 0; i < authorships.Count; i++)
        {
            var author = authorships[i].Author!;
            if (EntityRules.TextProblem(author.DisplayName ?? authorships[i].RawAuthorName) is { } nameProblem)
                return $"$.authorships[{i}].author.display_name {nameProblem}";
            if (ExternalIds.OpenAlex(author.Id) is { } authorId && EntityRules.KeyProblem(ImportKeys.FromOpenAlex(authorId), "author") is { } authorKey)
                return $"$.authorships[{i}].author.id: {authorKey}";
            var institutions = authorships[i].Institutions ?? [];
            for (var j = 0; j < institutions.Count; j++)
            {
                if (!OpenAlexWorkReader.IsIdentified(institutions[j]))
                    continue;
                var key = ExternalIds.OpenAlex(institutions[j].Id) is { } institutionId
                    ? ImportKeys.FromOpenAlex(institutionId)
                    : ImportKeys.FromRor(ExternalIds.Ror(institutions[j].Ror)!);
                if (EntityRules.KeyProblem(key, "institution") is { } institutionKey)
                    return $"$.authorships[{i}].institutions[{j}]: {institutionKey}";
                if (EntityRules.CountryCodeProblem(institutions[j].CountryCode) is { } countryProblem)
                    return $"$.authorships[{i}].institutions[{j}].country_code {countryProblem}";
            }
        }
        var topics = work.Topics ?? [];
        for (var i = 0; i < topics.Count; i++)
        {
            if (topics[i].Score is null)
                return $"$.topics[{i}].score is missing: a work's topics are kept with how strongly the work is about them";
            if (EntityRules.TopicScoreProblem(topics[i].Score) is { } scoreProblem)
                return $"$.topics[{i}].score {scoreProblem}";
            foreach (var (name, level) in new[] { ("subfield", topics[i].Subfield), ("field", topics[i].Field), ("domain", topics[i].Domain) })
            {
                if (level is null)
                    continue;
                if (ExternalIds.OpenAlex(level.Id) is not { } levelId || EntityRules.TextProblem(level.DisplayName) is not null)
                    return $"$.topics[{i}].{name} needs an id and a display_name";
                if (EntityRules.KeyProblem(ImportKeys.FromOpenAlex(levelId), name) is { } levelKey)
                    return $"$.topics[{i}].{name}.id: {levelKey}";
            }
            if (EntityRules.KeyProblem(ImportKeys.FromOpenAlex(ExternalIds.OpenAlex(topics[i].Id)!), "topic") is { } topicKey)
                return $"$.topics[{i}].id: {topicKey}";
        }
        if (topics.Count == 0)
        {
            var concepts = work.Concepts ?? [];
            for (var i = 0; i < concepts.Count; i++)
            {
                if (EntityRules.KeyProblem(ImportKeys.FromOpenAlex(ExternalIds.OpenAlex(concepts[i].Id)!), "concept") is { } conceptKey)
                    return $"$.concepts[{i}].id: {conceptKey}";
            }
        }
        var venue = WorkRowWriter.VenueOf(work);
        if (venue is not null && ExternalIds.OpenAlex(venue.Id) is { } venueId && EntityRules.KeyProblem(ImportKeys.FromOpenAlex(venueId), "venue") is { } venueKey)
            return $"$.primary_location.source.id: {venueKey}";
        foreach (var year in work.CountsByYear ?? [])
        {
            if (year.Year is null || year.CitedByCount is null)
                return "$.counts_by_year needs a year and a cited_by_count in every entry";
            if (EntityRules.NonNegativeProblem(year.CitedByCount) is { } yearProblem)
                return $"$.counts_by_year ({year.Year}) cited_by_count {yearProblem}";
        }
        return null;
    }
}
