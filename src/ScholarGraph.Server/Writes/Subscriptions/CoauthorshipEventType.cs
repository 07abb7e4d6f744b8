using GraphQL.Types;
using ScholarGraph.Server.Authors;
using ScholarGraph.Server.Writes.Changes;
using ScholarGraph.Server.Papers;

namespace ScholarGraph.Server.Writes.Subscriptions;

/// <summary>
/// The <c>CoauthorshipEvent</c> type: a new shared paper between the subscribed author and a coauthor. Its source is the
/// <see cref="CoauthorshipAdded"/> change, turned so that <see cref="CoauthorshipAdded.AuthorId"/> is the subscribed author.
/// </summary>
public sealed class CoauthorshipEventType : ObjectGraphType<CoauthorshipAdded>
{
    /// <summary>Defines the fields.</summary>
    public CoauthorshipEventType()
    {
        Name = "CoauthorshipEvent";
        Description = "Two authors now share a paper: the subscribed author, the coauthor, and the paper that links them.";
        Field<NonNullGraphType<AuthorType>>("author").Description("The author the subscription names.")
            .Resolve(c => c.LoadAuthor(c.Source.AuthorId));
        Field<NonNullGraphType<AuthorType>>("coauthor").Description("The other author of the paper.")
            .Resolve(c => c.LoadAuthor(c.Source.CoauthorId));
        Field<NonNullGraphType<PaperType>>("paper").Description("The paper the two now share.")
            .Resolve(c => c.LoadPaper(c.Source.PaperId));
    }
}
