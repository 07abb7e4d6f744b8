using System.Collections;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace ScholarGraph.GraphQL.AspNetCore.Limits;

/// <summary>Finds the longest string a request carries, as a literal anywhere in its document or inside a variable's value.</summary>
internal static class LongestString
{
    /// <summary>The longest string literal of <paramref name="document"/> (arguments, directive arguments, defaults), or null when it has none.</summary>
    public static async ValueTask<GraphQLStringValue?> InDocumentAsync(GraphQLDocument document, CancellationToken cancellationToken)
    {
        var context = new LiteralContext(cancellationToken);
        await LiteralVisitor.Instance.VisitAsync(document, context).ConfigureAwait(false);
        return context.Longest;
    }

    /// <summary>
    /// The longest string inside the variables' values, with its path (<c>$where.name.contains</c>, <c>$ids[2]</c>), or null
    /// when they hold none.
    /// </summary>
    public static (int Length, string Path)? InVariables(IReadOnlyDictionary<string, object?>? variables)
    {
        var search = new VariableSearch();
        foreach (var (name, value) in variables ?? new Dictionary<string, object?>())
        {
            search.Path.Add("$" + name);
            search.Visit(value);
            search.Path.RemoveAt(search.Path.Count - 1);
        }
        return search.Longest;
    }

    // The path is kept as segments and joined only for a new longest string, so a long list costs no string per element.
    private sealed class VariableSearch
    {
        public List<object> Path { get; } = [];

        public (int Length, string Path)? Longest { get; private set; }

        public void Visit(object? value)
        {
            switch (value)
            {
                case string text:
                    if (Longest is null || text.Length > Longest.Value.Length)
                        Longest = (text.Length, string.Concat(Path.Select((segment, i) => segment is int index ? $"[{index}]" : i == 0 ? segment : "." + segment)));
                    break;
                case IEnumerable<KeyValuePair<string, object?>> map:
                    foreach (var (key, item) in map)
                        Within(key, item);
                    break;
                case IEnumerable list:
                    var position = 0;
                    foreach (var item in list)
                        Within(position++, item);
                    break;
            }
        }

        private void Within(object segment, object? value)
        {
            Path.Add(segment);
            Visit(value);
            Path.RemoveAt(Path.Count - 1);
        }
    }

    private sealed class LiteralContext(CancellationToken cancellationToken) : IASTVisitorContext
    {
        public CancellationToken CancellationToken { get; } = cancellationToken;

        public GraphQLStringValue? Longest { get; set; }
    }

    private sealed class LiteralVisitor : ASTVisitor<LiteralContext>
    {
        public static readonly LiteralVisitor Instance = new();

        protected override ValueTask VisitStringValueAsync(GraphQLStringValue stringValue, LiteralContext context)
        {
            if (context.Longest is null || stringValue.Value.Length > context.Longest.Value.Length)
                context.Longest = stringValue;
            return default;
        }
    }
}
