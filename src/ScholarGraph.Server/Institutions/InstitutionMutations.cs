using GraphQL.Types;
using ScholarGraph.Domain;
using ScholarGraph.Server.Writes.Changes;
using ScholarGraph.Server.Writes;
using ScholarGraph.Storage.Validation;

namespace ScholarGraph.Server.Institutions;

/// <summary>The institution mutations.</summary>
internal static class InstitutionMutations
{
    public static void AddInstitutionMutations(this ObjectGraphType mutation)
    {
        mutation.AddWriteMutation("createInstitution", "Creates an institution. Its key is a slug of the name, made unique.",
            input =>
            {
                input.RequiredText("name", "The name as printed.");
                input.Text("ror", "The ROR id; no other institution may have it.");
                input.Text("openAlexId", "The OpenAlex institution id; no other institution may have it.");
                input.Text("countryCode", "The ISO 3166-1 alpha-2 country code: two letters, stored upper-case.");
            },
            "institution", typeof(InstitutionType), "The new institution.",
            [typeof(DuplicateInstitutionErrorType)],
            async write =>
            {
                var input = write.Input;
                GraphWrite.Check(input, "name", EntityRules.TextProblem(input.Get<string>("name")));
                GraphWrite.Check(input, "countryCode", EntityRules.CountryCodeProblem(input.Text("countryCode")));
                var institution = new Institution
                {
                    Id = "", Name = input.Text("name") ?? "", Ror = ExternalIds.Ror(input.Text("ror")), OpenAlexId = ExternalIds.OpenAlex(input.Text("openAlexId")),
                    CountryCode = EntityRules.CountryCode(input.Text("countryCode")),
                };
                await write.UniqueAsync<Institution>("ror", institution.Ror, i => i.Ror == institution.Ror, i => new DuplicateInstitutionError("ror", i.Ror!, i));
                await write.UniqueAsync<Institution>("openAlexId", institution.OpenAlexId, i => i.OpenAlexId == institution.OpenAlexId,
                    i => new DuplicateInstitutionError("openAlexId", i.OpenAlexId!, i));
                input.ThrowIfInvalid();
                institution.Id = await write.NewKeyAsync<Institution>(institution.Name);
                write.Db.Institutions.Add(institution);
                write.Changes.Add(new InstitutionAdded(institution.Id));
                return institution;
            });
    }
}
