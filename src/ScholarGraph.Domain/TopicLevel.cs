namespace ScholarGraph.Domain;

/// <summary>The levels of OpenAlex's topic hierarchy, broadest first: every topic belongs to a subfield, a field and a domain.</summary>
public enum TopicLevel
{
    /// <summary>A domain, such as Physical Sciences (<c>domains/3</c>).</summary>
    Domain,

    /// <summary>A field of a domain, such as Computer Science (<c>fields/17</c>).</summary>
    Field,

    /// <summary>A subfield of a field, such as Artificial Intelligence (<c>subfields/1702</c>).</summary>
    Subfield,

    /// <summary>A topic of a subfield, such as <c>T11636</c>.</summary>
    Topic,

    /// <summary>
    /// A concept of OpenAlex's older concept tagging (<c>C41008148</c>), which stands in for topics on works that have none; its
    /// own depth is <see cref="Topic.ConceptLevel"/>.
    /// </summary>
    Concept,
}
