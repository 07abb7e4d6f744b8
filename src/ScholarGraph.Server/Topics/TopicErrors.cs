using GraphQL.Types;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Mutations;
using ScholarGraph.Server.Writes;
using ScholarGraph.GraphQL.Data.Mutations.Types;

namespace ScholarGraph.Server.Topics;

/// <summary>No topic has the given id.</summary>
/// <param name="id">The global id the client gave.</param>
/// <param name="path">Where in the input it was given.</param>
public sealed class TopicNotFoundError(string id, IReadOnlyList<string> path) : EntityNotFoundError("Topic", id, path);

/// <summary>A topic with the same name or OpenAlex id exists.</summary>
/// <param name="field">The input field whose value is taken.</param>
/// <param name="value">The value.</param>
/// <param name="existing">The topic that already has it.</param>
public sealed class DuplicateTopicError(string field, string value, Topic existing) : DuplicateEntityError("topic", field, value, existing);

/// <summary>The <c>TopicNotFoundError</c> type.</summary>
public sealed class TopicNotFoundErrorType() : EntityNotFoundErrorType<TopicNotFoundError>("topic");

/// <summary>The <c>DuplicateTopicError</c> type.</summary>
public sealed class DuplicateTopicErrorType()
    : DuplicateEntityErrorType<DuplicateTopicError>("topic", "existingTopic", typeof(TopicType), "name and OpenAlex id");
