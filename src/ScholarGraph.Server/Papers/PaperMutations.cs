using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Mutations;
using ScholarGraph.Server.Authors;
using ScholarGraph.Server.Writes.Changes;
using ScholarGraph.Server.Institutions;
using ScholarGraph.Server.Topics;
using ScholarGraph.Server.Writes;
using ScholarGraph.Storage.Validation;

namespace ScholarGraph.Server.Papers;

/// <summary>The paper mutations: create, update and delete.</summary>
internal static class PaperMutations
{
    /// <summary>Where scores given through mutations come from (<see cref="PaperTopic.ScoreSource"/>).</summary>
    public const string CuratorScoreSource = "curator";

    public static void AddPaperMutations(this ObjectGraphType mutation)
    {
        mutation.AddWriteMutation("createPaper",
            "Creates a paper with its authors in printed order (existing ones by id, new ones by name), institutions, topics and "
            + "citations. New keys are slugs of the title and names, made unique.",
            input =>
            {
                input.RequiredText("title", "The title as printed.");
                DefinePaperFields(input);
                input.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PaperAuthorInputType>>>>("authors")
                    .Description("The authors in printed order; positions are 1, 2, ... in this order. At least one.");
                input.Field<BooleanGraphType>("authorListTruncated").Description("True when the printed author list was cut short (\"et al.\"). Default: false.");
                input.Ids("institutionIds", "The institutions the paper names, in printed order.");
                input.Field<ListGraphType<NonNullGraphType<PaperTopicInputType>>>("topics").Description("The topics the paper covers.");
                input.Ids("citesIds", "The papers it cites.");
            },
            "paper", typeof(PaperType), "The new paper.",
            [typeof(AuthorNotFoundErrorType), typeof(InstitutionNotFoundErrorType), typeof(TopicNotFoundErrorType),
                typeof(PaperNotFoundErrorType), typeof(DuplicatePaperErrorType)],
            CreateAsync);

        mutation.AddWriteMutation("updatePaper",
            "Changes a paper's fields. Fields left out keep their value; a nullable field given as null is cleared. A new "
            + "`publicationDate` is taken as printed in full (`dateYearInferred` becomes false).",
            input =>
            {
                input.RequiredId("id", "The paper to change.");
                input.Text("title", "The new title; cannot be cleared.");
                DefinePaperFields(input);
            },
            "paper", typeof(PaperType), "The changed paper.",
            [typeof(PaperNotFoundErrorType), typeof(DuplicatePaperErrorType)],
            async write =>
            {
                var paper = await write.RequireAsync<Paper>("id", PaperType.TypeName, (id, path) => new PaperNotFoundError(id, path));
                await ApplyAsync(write, paper);
                write.Changes.Add(new PaperUpdated(paper.Id));
                return paper;
            });

        mutation.AddWriteMutation("deletePaper", "Deletes a paper with its authorships, institution and topic links, and its citations both ways.",
            input => input.RequiredId("id", "The paper to delete."),
            "paper", typeof(PaperType), "The deleted paper, as it was.",
            [typeof(PaperNotFoundErrorType)],
            async write =>
            {
                var paper = await write.RequireAsync<Paper>("id", PaperType.TypeName, (id, path) => new PaperNotFoundError(id, path));
                var db = write.Db;
                // Citations of this paper by others are restricted in the schema (a cited paper is not silently dropped
                // from the citing one's list), so they are removed here, explicitly.
                db.Citations.RemoveRange(await db.Citations.Where(c => c.CitedPaperId == paper.Id || c.CitingPaperId == paper.Id).ToListAsync(write.CancellationToken));
                db.Authorships.RemoveRange(await db.Authorships.Where(a => a.PaperId == paper.Id).ToListAsync(write.CancellationToken));
                db.PaperInstitutions.RemoveRange(await db.PaperInstitutions.Where(a => a.PaperId == paper.Id).ToListAsync(write.CancellationToken));
                db.PaperTopics.RemoveRange(await db.PaperTopics.Where(a => a.PaperId == paper.Id).ToListAsync(write.CancellationToken));
                db.Papers.Remove(paper);
                write.Changes.Add(new PaperRemoved(paper.Id));
                return paper;
            });
    }

    private static void DefinePaperFields(InputObjectGraphType input)
    {
        input.Text("abstract", "The abstract as printed.");
        input.Field<DateGraphType>("publicationDate").Description("The publication date.");
        input.Text("category", "The subject category (for example `LG`).");
        input.Text("codeUrl", "A link to the paper's code: an absolute http(s) URL.");
        input.Text("doi", "The DOI, stored bare and lower-cased (a `https://doi.org/` or `doi:` prefix is dropped); no other paper may have it.");
        input.Text("arxivId", "The arXiv identifier; no other paper may have it.");
        input.Text("openAlexId", "The OpenAlex work id; no other paper may have it.");
    }

    /// <summary>Copies the given scalar fields onto <paramref name="paper"/> and checks them, and that its external ids are its own.</summary>
    private static async Task ApplyAsync(GraphWrite write, Paper paper)
    {
        var input = write.Input;
        if (input.Has("title"))
        {
            GraphWrite.Check(input, "title", EntityRules.TextProblem(input.Get<string>("title")));
            paper.Title = input.Text("title") ?? paper.Title;
        }
        input.IfGiven("abstract", v => paper.Abstract = v);
        if (input.Has("publicationDate"))
        {
            paper.PublicationDate = input.Get<DateOnly?>("publicationDate");
            paper.DateYearInferred = false;
        }
        input.IfGiven("category", v => paper.Category = v);
        input.IfGiven("codeUrl", v => paper.CodeUrl = v);
        GraphWrite.Check(input, "codeUrl", input.Has("codeUrl") ? EntityRules.CodeUrlProblem(paper.CodeUrl) : null);
        input.IfGiven("doi", v => paper.Doi = ExternalIds.Doi(v));
        input.IfGiven("arxivId", v => paper.ArxivId = v);
        input.IfGiven("openAlexId", v => paper.OpenAlexId = ExternalIds.OpenAlex(v));
        await write.UniqueAsync<Paper>("doi", paper.Doi, p => p.Doi == paper.Doi && p.Id != paper.Id, p => new DuplicatePaperError("doi", p.Doi!, p));
        await write.UniqueAsync<Paper>("arxivId", paper.ArxivId, p => p.ArxivId == paper.ArxivId && p.Id != paper.Id, p => new DuplicatePaperError("arxivId", p.ArxivId!, p));
        await write.UniqueAsync<Paper>("openAlexId", paper.OpenAlexId, p => p.OpenAlexId == paper.OpenAlexId && p.Id != paper.Id,
            p => new DuplicatePaperError("openAlexId", p.OpenAlexId!, p));
    }

    private static async Task<object> CreateAsync(GraphWrite write)
    {
        var input = write.Input;
        var db = write.Db;
        var paper = new Paper { Id = "", Title = "", AuthorListTruncated = input.Get<bool?>("authorListTruncated") ?? false };
        await ApplyAsync(write, paper);

        // Authors: existing by id or new by name, each at most once.
        var authors = new List<(Author Author, bool IsNew, string? InstitutionId)>();
        var entries = input.Objects("authors");
        if (entries.Count == 0)
            input.Invalid("authors", "must list at least one author");
        var onPaper = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var name = entry.Text("name");
            var hasId = entry.Get<string>("authorId") is not null;
            if (hasId == (name is not null))
            {
                entry.Invalid(hasId ? "name" : "authorId", "give either authorId (an existing author) or name (a new author), not both and not neither");
                continue;
            }
            var institution = await write.FindAsync<Institution>(entry, "institutionId", InstitutionType.TypeName, (id, path) => new InstitutionNotFoundError(id, path));
            if (!hasId)
            {
                authors.Add((new Author { Id = "", Name = name! }, true, institution?.Id));
                continue;
            }
            var author = await write.FindAsync<Author>(entry, "authorId", AuthorType.TypeName, (id, path) => new AuthorNotFoundError(id, path));
            if (author is null)
                continue;
            if (onPaper.Add(author.Id))
                authors.Add((author, false, institution?.Id));
            else
                entry.Invalid("authorId", $"lists author '{entry.Get<string>("authorId")}' twice on the same paper");
        }

        var institutions = await write.FindAllAsync<Institution>(input, "institutionIds", InstitutionType.TypeName, i => i.Id,
            (id, path) => new InstitutionNotFoundError(id, path));
        var cited = await write.FindAllAsync<Paper>(input, "citesIds", PaperType.TypeName, p => p.Id, (id, path) => new PaperNotFoundError(id, path));
        var topics = new List<PaperTopic>();
        var topicKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in input.Objects("topics"))
        {
            var score = entry.Get<double>("score");
            GraphWrite.Check(entry, "score", EntityRules.TopicScoreProblem(score));
            var topic = await write.FindAsync<Topic>(entry, "topicId", TopicType.TypeName, (id, path) => new TopicNotFoundError(id, path));
            if (topic is not null && !topicKeys.Add(topic.Id))
                entry.Invalid("topicId", $"lists topic '{entry.Get<string>("topicId")}' twice");
            else if (topic is not null)
                topics.Add(new PaperTopic { PaperId = "", TopicId = topic.Id, Score = score, ScoreSource = CuratorScoreSource });
        }
        input.ThrowIfInvalid();

        paper.Id = await write.NewKeyAsync<Paper>(paper.Title);
        db.Papers.Add(paper);
        var newKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < authors.Count; i++)
        {
            var (author, isNew, institutionId) = authors[i];
            if (isNew)
            {
                author.Id = await write.NewKeyAsync<Author>(author.Name, newKeys);
                db.Authors.Add(author);
                write.Changes.Add(new AuthorAdded(author.Id));
            }
            db.Authorships.Add(new Authorship { PaperId = paper.Id, AuthorId = author.Id, Position = i + 1, InstitutionId = institutionId });
        }
        for (var i = 0; i < institutions.Count; i++)
            db.PaperInstitutions.Add(new PaperInstitution { PaperId = paper.Id, InstitutionId = institutions[i].Id, Position = i + 1 });
        foreach (var topic in topics)
        {
            topic.PaperId = paper.Id;
            db.PaperTopics.Add(topic);
        }
        foreach (var target in cited)
            db.Citations.Add(new Citation { CitingPaperId = paper.Id, CitedPaperId = target.Id });

        var authorIds = authors.Select(a => a.Author.Id).ToList();
        write.Changes.Add(new PaperAdded(paper.Id, authorIds, topics.Select(t => t.TopicId).ToList()));
        for (var i = 0; i < authorIds.Count; i++)
        {
            for (var j = i + 1; j < authorIds.Count; j++)
                write.Changes.Add(new CoauthorshipAdded(authorIds[i], authorIds[j], paper.Id));
        }
        write.Changes.AddRange(cited.Select(c => new CitationAdded(paper.Id, c.Id)));
        return paper;
    }
}
