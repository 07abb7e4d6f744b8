using ScholarGraph.Domain;

namespace ScholarGraph.Storage.Seeding;

/// <summary>
/// The validated content of a set of seed files as flat lists of domain rows (navigation properties left empty), ready to be
/// upserted into the store.
/// </summary>
public sealed class SeedGraph : ISeedRowSink
{
    /// <summary>Institutions.</summary>
    public List<Institution> Institutions { get; } = [];

    /// <summary>Topics.</summary>
    public List<Topic> Topics { get; } = [];

    /// <summary>Venues.</summary>
    public List<Venue> Venues { get; } = [];

    /// <summary>Authors.</summary>
    public List<Author> Authors { get; } = [];

    /// <summary>Papers.</summary>
    public List<Paper> Papers { get; } = [];

    /// <summary>Author-paper links.</summary>
    public List<Authorship> Authorships { get; } = [];

    /// <summary>Author-institution links.</summary>
    public List<Affiliation> Affiliations { get; } = [];

    /// <summary>Paper-institution links.</summary>
    public List<PaperInstitution> PaperInstitutions { get; } = [];

    /// <summary>Paper-topic links.</summary>
    public List<PaperTopic> PaperTopics { get; } = [];

    /// <summary>Citations.</summary>
    public List<Citation> Citations { get; } = [];

    /// <summary>Reported author metrics.</summary>
    public List<ReportedAuthorMetrics> ReportedMetrics { get; } = [];

    void ISeedRowSink.Add<T>(T row)
    {
        switch (row)
        {
            case Institution r: Institutions.Add(r); break;
            case Topic r: Topics.Add(r); break;
            case Venue r: Venues.Add(r); break;
            case Author r: Authors.Add(r); break;
            case Paper r: Papers.Add(r); break;
            case Authorship r: Authorships.Add(r); break;
            case Affiliation r: Affiliations.Add(r); break;
            case PaperInstitution r: PaperInstitutions.Add(r); break;
            case PaperTopic r: PaperTopics.Add(r); break;
            case Citation r: Citations.Add(r); break;
            case ReportedAuthorMetrics r: ReportedMetrics.Add(r); break;
            default: throw new ArgumentException($"{typeof(T).Name} is not a seed row.", nameof(row));
        }
    }
}
