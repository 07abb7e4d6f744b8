using GraphQL.Types;

namespace ScholarGraph.Server.Papers;

/// <summary>The <c>PaperAuthorInput</c> type: one author of a new paper, an existing one or a new name.</summary>
public sealed class PaperAuthorInputType : InputObjectGraphType
{
    /// <summary>Defines the fields.</summary>
    public PaperAuthorInputType()
    {
        Name = "PaperAuthorInput";
        Description = "One author of a paper, in printed order: give `authorId` for an existing author or `name` for a new one, not both.";
        Field<IdGraphType>("authorId").Description("An existing author.");
        Field<StringGraphType>("name").Description("The name of a new author, created with the paper.");
        Field<IdGraphType>("institutionId").Description("The institution the paper lists for this author, if any.");
    }
}

/// <summary>The <c>PaperTopicInput</c> type: a topic of a new paper and how strongly it covers it.</summary>
public sealed class PaperTopicInputType : InputObjectGraphType
{
    /// <summary>Defines the fields.</summary>
    public PaperTopicInputType()
    {
        Name = "PaperTopicInput";
        Description = "A topic the paper covers.";
        Field<NonNullGraphType<IdGraphType>>("topicId").Description("The topic.");
        Field<NonNullGraphType<FloatGraphType>>("score").Description("How strongly the paper covers it: greater than 0, at most 1.");
    }
}
