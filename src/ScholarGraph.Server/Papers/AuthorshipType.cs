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
    }
}
