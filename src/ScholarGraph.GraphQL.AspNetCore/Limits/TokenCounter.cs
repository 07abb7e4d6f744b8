using GraphQLParser;
using GraphQLParser.Exceptions;

namespace ScholarGraph.GraphQL.AspNetCore.Limits;

/// <summary>
/// Counts a document's tokens with GraphQLParser's lexer alone, which builds no syntax tree: GraphQLParser's
/// <see cref="ParserOptions"/> limits only the parser's recursion depth (<c>MaxDepth</c>, 128 by default), not the tokens.
/// </summary>
internal static class TokenCounter
{
    /// <summary>
    /// The number of tokens in <paramref name="source"/>, comments and the end of the text not counted, or <see langword="null"/>
    /// when the lexer meets a character no token can hold (the parser then reports the syntax error as it always does).
    /// </summary>
    public static int? Count(ROM source)
    {
        var count = 0;
        var position = 0;
        try
        {
            while (true)
            {
                var token = Lexer.Lex(source, position);
                if (token.Kind == TokenKind.EOF || token.End <= position)
                    return count;
                if (token.Kind != TokenKind.COMMENT)
                    count++;
                position = token.End;
            }
        }
        catch (GraphQLSyntaxErrorException)
        {
            return null;
        }
    }
}
