using ScholarGraph.GraphQL.Data.Paging.Types;

namespace ScholarGraph.Server.Papers;

/// <summary><c>PapersConnection</c>: a page of papers.</summary>
public sealed class PapersConnectionType() : ConnectionGraphType<PaperType>("Papers", "a paper");

/// <summary><c>CitesConnection</c>: a page of the papers a paper cites.</summary>
public sealed class CitesConnectionType() : ConnectionGraphType<PaperType>("Cites", "a cited paper");

/// <summary><c>CitedByConnection</c>: a page of the papers that cite a paper.</summary>
public sealed class CitedByConnectionType() : ConnectionGraphType<PaperType>("CitedBy", "a citing paper");
