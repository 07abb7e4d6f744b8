using GraphQLParser.AST;
using ScholarGraph.GraphQL.AspNetCore.Limits;

namespace ScholarGraph.GraphQL.AspNetCore.Documents;

/// <summary>
/// A registered document: its SHA-256 (lower-case hex), its text, the text parsed once when it was loaded, and the cost budget
/// it runs under when its folder gives one (else null: <c>GraphQLLimits</c>' costs).
/// </summary>
internal sealed record TrustedDocument(string Hash, string Text, GraphQLDocument Document, CostBudget? Budget = null);
