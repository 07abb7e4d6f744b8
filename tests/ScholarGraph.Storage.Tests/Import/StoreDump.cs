using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Storage.Tests.Import;

/// <summary>Every row of every table the importer writes, as text, to tell whether an import changed anything.</summary>
internal static class StoreDump
{
    /// <summary>The rows, each serialized to JSON, sorted.</summary>
    public static async Task<List<string>> AllRowsAsync(Func<ScholarGraphDbContext> context)
    {
        await using var db = context();
        var rows = new List<string>();
        async Task Add<T>(IQueryable<T> table) where T : class =>
            rows.AddRange((await table.AsNoTracking().ToListAsync()).Select(row => JsonSerializer.Serialize(row)));
        await Add(db.Papers);
        await Add(db.Authors);
        await Add(db.Institutions);
        await Add(db.Topics);
        await Add(db.Venues);
        await Add(db.Authorships);
        await Add(db.Affiliations);
        await Add(db.PaperInstitutions);
        await Add(db.PaperTopics);
        await Add(db.Citations);
        await Add(db.PendingCitations);
        await Add(db.ReportedCitationsByYear);
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
