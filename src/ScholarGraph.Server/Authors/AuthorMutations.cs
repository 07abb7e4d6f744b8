using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Domain;
using ScholarGraph.Server.Writes.Changes;
using ScholarGraph.Server.Institutions;
using ScholarGraph.Server.Writes;
using ScholarGraph.Storage.Validation;

namespace ScholarGraph.Server.Authors;

/// <summary>The author mutations: create, update, merge and delete.</summary>
internal static class AuthorMutations
{
    public static void AddAuthorMutations(this ObjectGraphType mutation)
    {
        mutation.AddWriteMutation("createAuthor", "Creates an author. Its key is a slug of the name (`Ada Lovelace` → `ada-lovelace`), made unique.",
            input =>
            {
                input.RequiredText("name", "The author's name as printed.");
                DefineAuthorFields(input);
            },
            "author", typeof(AuthorType), "The new author.",
            [typeof(DuplicateAuthorErrorType), typeof(InstitutionNotFoundErrorType)],
            async write =>
            {
                var author = new Author { Id = "", Name = "" };
                var institutions = await ApplyAsync(write, author);
                write.Input.ThrowIfInvalid();
                author.Id = await write.NewKeyAsync<Author>(author.Name);
                write.Db.Authors.Add(author);
                foreach (var institution in institutions ?? [])
                    write.Db.Affiliations.Add(new Affiliation { AuthorId = author.Id, InstitutionId = institution.Id });
                write.Changes.Add(new AuthorAdded(author.Id));
                return author;
            });

        mutation.AddWriteMutation("updateAuthor",
            "Changes an author. Fields left out keep their value; a nullable field given as null is cleared; `institutionIds`, when given, replaces the affiliations.",
            input =>
            {
                input.RequiredId("id", "The author to change.");
                input.Text("name", "The new name; cannot be cleared.");
                DefineAuthorFields(input);
            },
            "author", typeof(AuthorType), "The changed author.",
            [typeof(AuthorNotFoundErrorType), typeof(DuplicateAuthorErrorType), typeof(InstitutionNotFoundErrorType)],
            async write =>
            {
                var author = await write.RequireAsync<Author>("id", AuthorType.TypeName, (id, path) => new AuthorNotFoundError(id, path));
                var institutions = await ApplyAsync(write, author);
                write.Input.ThrowIfInvalid();
                if (institutions is not null)
                {
                    write.Db.Affiliations.RemoveRange(await write.Db.Affiliations.Where(a => a.AuthorId == author.Id).ToListAsync(write.CancellationToken));
                    write.Db.Affiliations.AddRange(institutions.Select(i => new Affiliation { AuthorId = author.Id, InstitutionId = i.Id }));
                }
                write.Changes.Add(new AuthorUpdated(author.Id));
                return author;
            });

        mutation.AddWriteMutation("mergeAuthors",
            "Makes two records of one person one: the papers, affiliations and reported metrics of `removeId` move to `keepId`, "
            + "whose empty fields take `removeId`'s values, and `removeId` is deleted. A paper both are on keeps one authorship.",
            input =>
            {
                input.RequiredId("keepId", "The author that remains.");
                input.RequiredId("removeId", "The author merged into it and deleted.");
            },
            "author", typeof(AuthorType), "The remaining author.",
            [typeof(AuthorNotFoundErrorType)],
            async write =>
            {
                var keep = await write.FindAsync<Author>(write.Input, "keepId", AuthorType.TypeName, (id, path) => new AuthorNotFoundError(id, path));
                var remove = await write.FindAsync<Author>(write.Input, "removeId", AuthorType.TypeName, (id, path) => new AuthorNotFoundError(id, path));
                if (keep is not null && keep == remove)
                    write.Input.Invalid("removeId", "must name another author than keepId");
                write.Input.ThrowIfInvalid();
                await MergeAsync(write, keep!, remove!);
                return keep!;
            });

        mutation.AddWriteMutation("deleteAuthor", "Deletes an author with their authorships, affiliations and reported metrics; their papers remain.",
            input => input.RequiredId("id", "The author to delete."),
            "author", typeof(AuthorType), "The deleted author, as it was.",
            [typeof(AuthorNotFoundErrorType)],
            async write =>
            {
                var author = await write.RequireAsync<Author>("id", AuthorType.TypeName, (id, path) => new AuthorNotFoundError(id, path));
                await write.Db.Entry(author).Collection(a => a.Authorships).LoadAsync(write.CancellationToken);
                await write.Db.Entry(author).Collection(a => a.Affiliations).LoadAsync(write.CancellationToken);
                await write.Db.Entry(author).Collection(a => a.ReportedMetrics).LoadAsync(write.CancellationToken);
                write.Db.Authors.Remove(author);
                write.Changes.Add(new AuthorRemoved(author.Id));
                return author;
            });
    }

    private static void DefineAuthorFields(InputObjectGraphType input)
    {
        input.Text("category", "The primary subject category (for example `LG`).");
        input.Text("orcid", "The ORCID iD, stored bare (a `https://orcid.org/` prefix is dropped); no other author may have it.");
        input.Text("openAlexId", "The OpenAlex author id; no other author may have it.");
        input.Ids("institutionIds", "The institutions the author is affiliated with.");
    }

    /// <summary>Copies the given fields onto <paramref name="author"/>; returns the institutions to affiliate, or null when not given.</summary>
    private static async Task<List<Institution>?> ApplyAsync(GraphWrite write, Author author)
    {
        var input = write.Input;
        if (input.Has("name"))
        {
            GraphWrite.Check(input, "name", EntityRules.TextProblem(input.Get<string>("name")));
            author.Name = input.Text("name") ?? author.Name;
        }
        input.IfGiven("category", v => author.Category = v);
        input.IfGiven("orcid", v => author.Orcid = ExternalIds.Orcid(v));
        input.IfGiven("openAlexId", v => author.OpenAlexId = ExternalIds.OpenAlex(v));
        await write.UniqueAsync<Author>("orcid", author.Orcid, a => a.Orcid == author.Orcid && a.Id != author.Id, a => new DuplicateAuthorError("orcid", a.Orcid!, a));
        await write.UniqueAsync<Author>("openAlexId", author.OpenAlexId, a => a.OpenAlexId == author.OpenAlexId && a.Id != author.Id,
            a => new DuplicateAuthorError("openAlexId", a.OpenAlexId!, a));
        return input.Has("institutionIds")
            ? await write.FindAllAsync<Institution>(input, "institutionIds", InstitutionType.TypeName, i => i.Id, (id, path) => new InstitutionNotFoundError(id, path))
            : null;
    }

    private static async Task MergeAsync(GraphWrite write, Author keep, Author remove)
    {
        var db = write.Db;
        var ct = write.CancellationToken;
        keep.Category ??= remove.Category;
        keep.Orcid ??= remove.Orcid;
        keep.OpenAlexId ??= remove.OpenAlexId;

        var kept = await db.Authorships.Where(a => a.AuthorId == keep.Id).ToDictionaryAsync(a => a.PaperId, ct);
        var moved = await db.Authorships.Where(a => a.AuthorId == remove.Id).ToListAsync(ct);
        var newPapers = new List<string>();
        foreach (var authorship in moved)
        {
            db.Authorships.Remove(authorship);
            if (kept.TryGetValue(authorship.PaperId, out var both))
            {
                // The paper lists the person once: keep what either record knew of the position and institution.
                both.Position ??= authorship.Position;
                both.InstitutionId ??= authorship.InstitutionId;
                continue;
            }
            db.Authorships.Add(new Authorship
            {
                PaperId = authorship.PaperId, AuthorId = keep.Id, Position = authorship.Position, InstitutionId = authorship.InstitutionId,
            });
            newPapers.Add(authorship.PaperId);
        }

        var affiliated = await db.Affiliations.Where(a => a.AuthorId == keep.Id).Select(a => a.InstitutionId).ToListAsync(ct);
        foreach (var affiliation in await db.Affiliations.Where(a => a.AuthorId == remove.Id).ToListAsync(ct))
        {
            db.Affiliations.Remove(affiliation);
            if (!affiliated.Contains(affiliation.InstitutionId))
                db.Affiliations.Add(new Affiliation { AuthorId = keep.Id, InstitutionId = affiliation.InstitutionId });
        }

        var sources = await db.ReportedAuthorMetrics.Where(m => m.AuthorId == keep.Id).Select(m => m.Source).ToListAsync(ct);
        foreach (var metrics in await db.ReportedAuthorMetrics.Where(m => m.AuthorId == remove.Id).ToListAsync(ct))
        {
            db.ReportedAuthorMetrics.Remove(metrics);
            if (!sources.Contains(metrics.Source))
            {
                db.ReportedAuthorMetrics.Add(new ReportedAuthorMetrics
                {
                    AuthorId = keep.Id, Source = metrics.Source, HIndex = metrics.HIndex, CitationCount = metrics.CitationCount,
                    PaperCount = metrics.PaperCount, NoveltyPercent = metrics.NoveltyPercent, AiScore = metrics.AiScore,
                });
            }
        }
        db.Authors.Remove(remove);

        write.Changes.Add(new AuthorsMerged(keep.Id, remove.Id));
        var coauthors = await db.Authorships.Where(a => newPapers.Contains(a.PaperId) && a.AuthorId != remove.Id && a.AuthorId != keep.Id)
            .Select(a => new { a.PaperId, a.AuthorId }).ToListAsync(ct);
        write.Changes.AddRange(coauthors.Select(c => new CoauthorshipAdded(keep.Id, c.AuthorId, c.PaperId)));
    }
}
