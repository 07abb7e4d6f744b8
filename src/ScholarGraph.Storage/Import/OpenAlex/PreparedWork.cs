using ScholarGraph.Storage.Validation;

namespace ScholarGraph.Storage.Import.OpenAlex;

/// <summary>
/// A work that <see cref="WorkChecks"/> has passed, with what <see cref="WorkRowWriter"/> derives from the record alone (ids,
/// rebuilt abstract, keywords, dates, references) worked out beforehand, on the reading thread, so that the writing thread
/// only keys and writes rows.
/// </summary>
internal sealed class PreparedWork
{
    /// <summary>Prepares <paramref name="work"/>.</summary>
    public PreparedWork(OpenAlexWork work)
    {
        Work = work;
        OpenAlexId = ExternalIds.OpenAlex(work.Id)!;
        Doi = ExternalIds.Doi(work.Doi ?? work.Ids?.Doi);
        Abstract = AbstractText.FromInvertedIndex(work.AbstractInvertedIndex ?? work.AbstractInvertedIndexV3);
        UpdatedAt = OpenAlexWorkReader.UpdatedAt(work);
        PublicationDate = work.PublicationDate is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd") : null;
        foreach (var keyword in work.Keywords ?? [])
        {
            if ((keyword.DisplayName ?? keyword.Keyword) is { } text && !string.IsNullOrWhiteSpace(text) && !Keywords.Contains(text))
                Keywords.Add(text);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal) { OpenAlexId };
        foreach (var reference in work.ReferencedWorks ?? [])
        {
            if (ExternalIds.OpenAlex(reference) is { } cited && seen.Add(cited))
                References.Add(cited);
        }
    }

    /// <summary>The record.</summary>
    public OpenAlexWork Work { get; }

    /// <summary>The work's OpenAlex id, normalised.</summary>
    public string OpenAlexId { get; }

    /// <summary>The DOI, normalised, or null.</summary>
    public string? Doi { get; }

    /// <summary>The abstract rebuilt from whichever inverted index the record has, or null.</summary>
    public string? Abstract { get; }

    /// <summary>The record's <c>updated_date</c> as UTC, or null.</summary>
    public DateTime? UpdatedAt { get; }

    /// <summary>The publication date, or null.</summary>
    public DateOnly? PublicationDate { get; }

    /// <summary>The keywords, most relevant first, each once.</summary>
    public List<string> Keywords { get; } = [];

    /// <summary>The OpenAlex ids of the works it cites, each once, itself left out.</summary>
    public List<string> References { get; } = [];
}
