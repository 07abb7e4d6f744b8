using System.Globalization;

namespace ScholarGraph.Storage.Import;

/// <summary>
/// The key scheme of imported rows: an entity with an OpenAlex id is keyed by that id, with <c>/</c> as <c>-</c> (work
/// <c>W2741809807</c>, author <c>A5023888391</c>, institution <c>I136199984</c>, topic <c>T11636</c>, subfield
/// <c>subfields-1702</c>, field <c>fields-17</c>, domain <c>domains-3</c>), so a key names the record it came from and stays the
/// same in every import. Without one: <c>orcid-…</c> for an author with an ORCID iD, <c>ror-…</c> for an institution with a ROR
/// id, <c>issn-…</c> for a venue with an ISSN-L, and <c>WORK-author-N</c> for an author known only by name at position N of a work. A key already held by another row
/// gets the first free <c>-N</c> suffix.
/// </summary>
public static class ImportKeys
{
    /// <summary>The key for a row with the (normalised) OpenAlex id <paramref name="openAlexId"/>.</summary>
    public static string FromOpenAlex(string openAlexId) => openAlexId.Replace('/', '-');

    /// <summary>The key for an author with no OpenAlex id but an ORCID iD.</summary>
    public static string FromOrcid(string orcid) => "orcid-" + orcid;

    /// <summary>The key for an institution with no OpenAlex id but a ROR id.</summary>
    public static string FromRor(string ror) => "ror-" + ror;

    /// <summary>The key for a venue with no OpenAlex id but an ISSN-L.</summary>
    public static string FromIssn(string issnL) => "issn-" + issnL;

    /// <summary>The key for an author known only by name, at 1-based <paramref name="position"/> of the work keyed <paramref name="workKey"/>.</summary>
    public static string FromPosition(string workKey, int position) => string.Create(CultureInfo.InvariantCulture, $"{workKey}-author-{position}");
}
