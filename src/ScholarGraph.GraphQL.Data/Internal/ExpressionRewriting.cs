using System.Linq.Expressions;

namespace ScholarGraph.GraphQL.Data.Internal;

/// <summary>Small expression-tree rewrites shared by the paging code.</summary>
internal static class ExpressionRewriting
{
    /// <summary>Returns <paramref name="body"/> with every use of <paramref name="from"/> replaced by <paramref name="to"/>.</summary>
    public static Expression Replace(Expression body, ParameterExpression from, Expression to) => new Replacer(from, to).Visit(body);

    private sealed class Replacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
