using ScholarGraph.GraphQL.Data.Paging.Types;

namespace ScholarGraph.Server.Authors;

/// <summary><c>AuthorsConnection</c>: a page of authors.</summary>
public sealed class AuthorsConnectionType() : ConnectionGraphType<AuthorType>("Authors", "an author");
