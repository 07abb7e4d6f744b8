using GraphQL.Types;
using ScholarGraph.Domain;
using ScholarGraph.Server.Writes.Changes;
using ScholarGraph.Server.Writes;
using ScholarGraph.Storage.Validation;

namespace ScholarGraph.Server.Topics;

/// <summary>The topic mutations.</summary>
internal static class TopicMutations
{
    public static void AddTopicMutations(this ObjectGraphType mutation)
    {
        mutation.AddWriteMutation("createTopic", "Creates a topic. Its key is a slug of the name, made unique.",
            input =>
            {
                input.RequiredText("name", "The topic's name; no other topic may have it (ignoring case).");
                input.Field<ListGraphType<NonNullGraphType<StringGraphType>>>("keywords")
                    .Description("Phrases whose occurrence in a paper's title or abstract shows the paper covers the topic.");
                input.Text("openAlexId", "The OpenAlex topic id; no other topic may have it.");
            },
            "topic", typeof(TopicType), "The new topic.",
            [typeof(DuplicateTopicErrorType)],
            async write =>
            {
                var input = write.Input;
                GraphWrite.Check(input, "name", EntityRules.TextProblem(input.Get<string>("name")));
                var keywords = input.List<string>("keywords");
                for (var i = 0; i < keywords.Count; i++)
                {
                    if (EntityRules.TextProblem(keywords[i]) is { } problem)
                        input.Invalid("keywords", problem, i);
                }
                var topic = new Topic
                {
                    Id = "", Name = input.Text("name") ?? "", Keywords = [.. keywords.Select(k => k.Trim())], OpenAlexId = ExternalIds.OpenAlex(input.Text("openAlexId")),
                };
                var lowerName = topic.Name.ToLower();
#pragma warning disable CA1862, CA1304, CA1311 // ToLower() is what EF Core translates to SQL's lower(); both sides are folded alike.
                await write.UniqueAsync<Topic>("name", topic.Name, t => t.Name.ToLower() == lowerName, t => new DuplicateTopicError("name", t.Name, t));
#pragma warning restore CA1862, CA1304, CA1311
                await write.UniqueAsync<Topic>("openAlexId", topic.OpenAlexId, t => t.OpenAlexId == topic.OpenAlexId,
                    t => new DuplicateTopicError("openAlexId", t.OpenAlexId!, t));
                input.ThrowIfInvalid();
                topic.Id = await write.NewKeyAsync<Topic>(topic.Name);
                write.Db.Topics.Add(topic);
                write.Changes.Add(new TopicAdded(topic.Id));
                return topic;
            });
    }
}
