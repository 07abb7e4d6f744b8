using GraphQLParser.AST;

namespace ScholarGraph.GraphQL.AspNetCore.Documents;

/// <summary>A registered document: its SHA-256 (lower-case hex), its text, and the text parsed once when it was loaded.</summary>
internal sealed record TrustedDocument(string Hash, string Text, GraphQLDocument Document);
