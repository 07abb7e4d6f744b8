using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Projection.Extensions;
using ScholarGraph.Domain;
using ScholarGraph.Server.Authors;
using ScholarGraph.Server.Institutions;

namespace ScholarGraph.Server.Papers;

/// <summary>The <c>Authorship</c> type.</summary>
public sealed class AuthorshipType : ObjectGraphType<Authorship>
{
    /// <summary>Defines the fields.</summary>
    public AuthorshipType()
    {
        Name = "Authorship";
        Description = "An author's place on a paper.";
        Field<NonNullGraphType<AuthorType>>("author").Description("The author.")
            .Resolve(c => c.LoadAuthor(c.Source.AuthorId));
        Field<IntGraphType>("position")
            .Description("The author's 1-based position in the author list the source prints, or null when the author is known to be "
                + "on the paper but the printed list, cut short, does not show where.")
            .ResolveMember(e => e.Position);
        Field<InstitutionType>("institution").Description("The institution the paper lists for this author, or null when the source does not say.")
            .Resolve(c => c.Source.InstitutionId is { } id ? c.LoadInstitution(id) : null);
        Field<StringGraphType>("rawAuthorName")
            .Description("The author's name exactly as the paper prints it (OpenAlex's `raw_author_name`), or null when the source does not give it.")
            .ResolveMember(e => e.RawAuthorName);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("rawAffiliations")
            .Description("The author's affiliations exactly as the paper prints them (OpenAlex's `raw_affiliation_strings`, plus the names of "
                + "institutions the source lists without an OpenAlex id or ROR id); empty when it prints none.")
            .ResolveMember(e => e.RawAffiliations);
        Field<BooleanGraphType>("isCorresponding")
            .Description("Whether the author is a corresponding author of the paper (OpenAlex's `is_corresponding`), or null when the source does not say.")
            .ResolveMember(e => e.IsCorresponding);
    }
}
