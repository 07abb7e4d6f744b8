using GraphQL.Types;
using ScholarGraph.Server.Authors;
using ScholarGraph.Server.Institutions;
using ScholarGraph.Server.Papers;
using ScholarGraph.Server.Topics;

namespace ScholarGraph.Server.Schema;

/// <summary>The root <c>Mutation</c> type; each entity adds its own mutations.</summary>
public sealed class MutationType : ObjectGraphType
{
    /// <summary>Defines the root fields.</summary>
    public MutationType()
    {
        Name = "Mutation";
        Description = "The entry points for changing the scholarly graph. Each mutation is one transaction: on any error nothing is written.";
        this.AddAuthorMutations();
        this.AddPaperMutations();
        this.AddCitationMutations();
        this.AddInstitutionMutations();
        this.AddTopicMutations();
    }
}
