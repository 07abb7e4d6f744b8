using GraphQL.Types;
using ScholarGraph.Domain;
using ScholarGraph.Server.Writes.Changes;
using ScholarGraph.Server.Writes;
using ScholarGraph.Storage.Validation;

namespace ScholarGraph.Server.Papers;

/// <summary>The citation mutations: add and remove.</summary>
internal static class CitationMutations
{
    public static void AddCitationMutations(this ObjectGraphType mutation)
    {
        mutation.AddWriteMutation("addCitation", "Records that one paper cites another.",
            DefineCitationInput, "paper", typeof(PaperType), "The citing paper.",
            [typeof(PaperNotFoundErrorType), typeof(DuplicateCitationErrorType)],
            async write =>
            {
                var (citing, cited) = await FindPapersAsync(write);
                if (citing is not null && citing == cited)
                    write.Input.Invalid("citedPaperId", EntityRules.SelfCitation);
                write.Input.ThrowIfInvalid();
                if (await write.Db.Citations.FindAsync([citing!.Id, cited!.Id], write.CancellationToken) is not null)
                    write.Input.Add(new DuplicateCitationError(write.Input.Get<string>("citingPaperId")!, write.Input.Get<string>("citedPaperId")!));
                write.Input.ThrowIfInvalid();
                write.Db.Citations.Add(new Citation { CitingPaperId = citing.Id, CitedPaperId = cited.Id });
                write.Changes.Add(new CitationAdded(citing.Id, cited.Id));
                return citing;
            });

        mutation.AddWriteMutation("removeCitation", "Removes the record that one paper cites another.",
            DefineCitationInput, "paper", typeof(PaperType), "The citing paper.",
            [typeof(PaperNotFoundErrorType), typeof(CitationNotFoundErrorType)],
            async write =>
            {
                var (citing, cited) = await FindPapersAsync(write);
                write.Input.ThrowIfInvalid();
                if (await write.Db.Citations.FindAsync([citing!.Id, cited!.Id], write.CancellationToken) is not { } citation)
                {
                    write.Input.Add(new CitationNotFoundError(write.Input.Get<string>("citingPaperId")!, write.Input.Get<string>("citedPaperId")!));
                    write.Input.ThrowIfInvalid();
                    return citing;
                }
                write.Db.Citations.Remove(citation);
                write.Changes.Add(new CitationRemoved(citing.Id, cited.Id));
                return citing;
            });
    }

    private static void DefineCitationInput(InputObjectGraphType input)
    {
        input.RequiredId("citingPaperId", "The paper that cites.");
        input.RequiredId("citedPaperId", "The paper it cites.");
    }

    private static async Task<(Paper? Citing, Paper? Cited)> FindPapersAsync(GraphWrite write) =>
        (await write.FindAsync<Paper>(write.Input, "citingPaperId", PaperType.TypeName, (id, path) => new PaperNotFoundError(id, path)),
         await write.FindAsync<Paper>(write.Input, "citedPaperId", PaperType.TypeName, (id, path) => new PaperNotFoundError(id, path)));
}
