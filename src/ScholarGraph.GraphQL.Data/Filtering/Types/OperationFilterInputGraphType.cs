using System.Collections;
using System.Linq.Expressions;
using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Errors;
using ScholarGraph.GraphQL.Data.Filtering.Expressions;
using ScholarGraph.GraphQL.Data.Filtering.Expressions.Handlers;

namespace ScholarGraph.GraphQL.Data.Filtering.Types;

/// <summary>
/// An operation filter input such as <c>StringOperationFilterInput</c>: one field per operator, each translated by its own
/// <see cref="OperationHandler"/>. Several operators in one object are ANDed.
/// </summary>
public abstract class OperationFilterInputGraphType : InputObjectGraphType
{
    private readonly Dictionary<string, (OperationHandler Handler, bool AcceptsNull, bool IsList)> _operations = new(StringComparer.Ordinal);

    /// <summary>Names and describes the input type.</summary>
    protected OperationFilterInputGraphType(string name, string description)
    {
        Name = name;
        Description = description;
    }

    /// <summary>Adds the operator <paramref name="name"/> of GraphQL type <paramref name="type"/>.</summary>
    /// <param name="name">The operator's field name, such as <c>eq</c>.</param>
    /// <param name="type">The operand's graph type.</param>
    /// <param name="description">What the operator keeps.</param>
    /// <param name="handler">Translates the operator.</param>
    /// <param name="acceptsNull">Whether <c>null</c> is a meaningful operand (only <c>eq</c> and <c>neq</c>). Default: false.</param>
    protected void Operation(string name, Type type, string description, OperationHandler handler, bool acceptsNull = false)
    {
        Field(name, type).Description(description);
        _operations[name] = (handler, acceptsNull, typeof(ListGraphType).IsAssignableFrom(type));
    }

    /// <summary>Adds <c>eq neq in nin</c> over values of graph type <paramref name="scalar"/>.</summary>
    protected void EqualityOperations(Type scalar)
    {
        Operation("eq", scalar, "Keeps values equal to the operand; `null` keeps null values.", EqualityHandlers.Eq, acceptsNull: true);
        Operation("neq", scalar, "Keeps values not equal to the operand; `null` keeps non-null values.", EqualityHandlers.Neq, acceptsNull: true);
        var list = typeof(ListGraphType<>).MakeGenericType(scalar);
        Operation("in", list, "Keeps values equal to one of the operands.", EqualityHandlers.In);
        Operation("nin", list, "Keeps values equal to none of the operands.", EqualityHandlers.Nin);
    }

    /// <summary>
    /// Translates <paramref name="operations"/> applied to <paramref name="member"/>; <c>null</c> when it sets no operator.
    /// <paramref name="convert"/>, when given, turns each client value into the member's type (for example a global id into a key).
    /// </summary>
    internal virtual Expression? Translate(Expression member, IDictionary<string, object?> operations, string path, Func<object, string, object>? convert)
    {
        Expression? all = null;
        foreach (var (name, value) in operations)
        {
            var operationPath = $"{path}.{name}";
            if (!_operations.TryGetValue(name, out var operation))
                throw DataErrors.FilterUnknownField(operationPath);
            if (value is null && !operation.AcceptsNull)
                throw DataErrors.FilterNullNotAllowed(operationPath);
            var operand = value is null || convert is null ? value
                : operation.IsList ? ((IEnumerable)value).Cast<object?>().Select((v, i) => v is null ? null : convert(v, $"{operationPath}.{i}")).ToList()
                : convert(value, operationPath);
            all = FilterExpressions.And(all, operation.Handler(member, operand, operationPath));
        }
        return all;
    }
}

/// <summary>
/// <c>StringOperationFilterInput</c>: Hot Chocolate's string operators, case-sensitive, plus case-insensitive ones, translated as
/// the registered <see cref="StringMatching"/> says (default <see cref="StringMatching.Functions"/>).
/// </summary>
public sealed class StringOperationFilterInputGraphType : OperationFilterInputGraphType
{
    private const string IgnoringCase = " ignoring case (the operand is lower-cased; on SQLite and PostgreSQL only the ASCII letters of the stored value are).";

    /// <summary>Defines the operators, translated by <paramref name="matching"/> (default: <see cref="StringMatching.Functions"/>).</summary>
    public StringOperationFilterInputGraphType(StringMatching? matching = null)
        : base("StringOperationFilterInput", "Filters a string. Matching is case-sensitive; the `i`-prefixed operators ignore case.")
    {
        matching ??= StringMatching.Functions;
        Field<ListGraphType<NonNullGraphType<StringOperationFilterInputGraphType>>>("and").Description("Keeps values matching every filter.");
        Field<ListGraphType<NonNullGraphType<StringOperationFilterInputGraphType>>>("or").Description("Keeps values matching at least one filter.");
        EqualityOperations(typeof(StringGraphType));
        var (contains, startsWith, endsWith, ieq, icontains, istartsWith, iendsWith) = matching.CaseSensitiveLike is { } like && matching.IgnoringCaseLike is { } ilike
            ? (StringHandlers.Like(like, true, true), StringHandlers.Like(like, false, true), StringHandlers.Like(like, true, false),
               StringHandlers.Like(ilike, false, false, lowerOperand: true), StringHandlers.Like(ilike, true, true, lowerOperand: true),
               StringHandlers.Like(ilike, false, true, lowerOperand: true), StringHandlers.Like(ilike, true, false, lowerOperand: true))
            : ((OperationHandler)StringHandlers.Contains, (OperationHandler)StringHandlers.StartsWith, (OperationHandler)StringHandlers.EndsWith,
               StringHandlers.IgnoringCase(EqualityHandlers.Eq), StringHandlers.IgnoringCase(StringHandlers.Contains),
               StringHandlers.IgnoringCase(StringHandlers.StartsWith), StringHandlers.IgnoringCase(StringHandlers.EndsWith));
        var text = typeof(StringGraphType);
        Operation("contains", text, "Keeps values containing the operand.", contains);
        Operation("ncontains", text, "Keeps values not containing the operand (and null values).", ComparableHandlers.Not(contains));
        Operation("startsWith", text, "Keeps values starting with the operand.", startsWith);
        Operation("nstartsWith", text, "Keeps values not starting with the operand (and null values).", ComparableHandlers.Not(startsWith));
        Operation("endsWith", text, "Keeps values ending with the operand.", endsWith);
        Operation("nendsWith", text, "Keeps values not ending with the operand (and null values).", ComparableHandlers.Not(endsWith));
        Operation("ieq", text, "Keeps values equal to the operand" + IgnoringCase, ieq);
        Operation("icontains", text, "Keeps values containing the operand" + IgnoringCase, icontains);
        Operation("istartsWith", text, "Keeps values starting with the operand" + IgnoringCase, istartsWith);
        Operation("iendsWith", text, "Keeps values ending with the operand" + IgnoringCase, iendsWith);
    }

    internal override Expression? Translate(Expression member, IDictionary<string, object?> operations, string path, Func<object, string, object>? convert)
    {
        var own = operations.Where(o => o.Key is not ("and" or "or")).ToDictionary(o => o.Key, o => o.Value);
        var all = base.Translate(member, own, path, convert);
        foreach (var (combinator, value) in operations.Where(o => o.Key is "and" or "or"))
        {
            all = FilterExpressions.And(all, FilterExpressions.Combine(combinator, value, $"{path}.{combinator}",
                (item, itemPath) => Translate(member, item, itemPath, convert)));
        }
        return all;
    }
}

/// <summary>The operators of ordered values: <c>eq neq in nin gt ngt gte ngte lt nlt lte nlte</c>.</summary>
public abstract class ComparableOperationFilterInputGraphType : OperationFilterInputGraphType
{
    /// <summary>Defines the operators over values of graph type <paramref name="scalar"/>.</summary>
    protected ComparableOperationFilterInputGraphType(string name, string description, Type scalar) : base(name, description)
    {
        EqualityOperations(scalar);
        Operation("gt", scalar, "Keeps values greater than the operand.", ComparableHandlers.Gt);
        Operation("ngt", scalar, "Keeps values not greater than the operand.", ComparableHandlers.Not(ComparableHandlers.Gt));
        Operation("gte", scalar, "Keeps values greater than or equal to the operand.", ComparableHandlers.Gte);
        Operation("ngte", scalar, "Keeps values not greater than or equal to the operand.", ComparableHandlers.Not(ComparableHandlers.Gte));
        Operation("lt", scalar, "Keeps values less than the operand.", ComparableHandlers.Lt);
        Operation("nlt", scalar, "Keeps values not less than the operand.", ComparableHandlers.Not(ComparableHandlers.Lt));
        Operation("lte", scalar, "Keeps values less than or equal to the operand.", ComparableHandlers.Lte);
        Operation("nlte", scalar, "Keeps values not less than or equal to the operand.", ComparableHandlers.Not(ComparableHandlers.Lte));
    }
}

/// <summary><c>IntOperationFilterInput</c>.</summary>
public sealed class IntOperationFilterInputGraphType()
    : ComparableOperationFilterInputGraphType("IntOperationFilterInput", "Filters an integer.", typeof(IntGraphType));

/// <summary><c>FloatOperationFilterInput</c>.</summary>
public sealed class FloatOperationFilterInputGraphType()
    : ComparableOperationFilterInputGraphType("FloatOperationFilterInput", "Filters a floating-point number.", typeof(FloatGraphType));

/// <summary>
/// <c>DateOperationFilterInput</c>, over the scalar the schema maps <see cref="DateOnly"/> to (Hot Chocolate's <c>Date</c>).
/// </summary>
public sealed class DateOperationFilterInputGraphType()
    : ComparableOperationFilterInputGraphType("DateOperationFilterInput", "Filters a calendar date.", typeof(GraphQLClrInputTypeReference<DateOnly>));

/// <summary><c>BooleanOperationFilterInput</c>: <c>eq neq</c>.</summary>
public sealed class BooleanOperationFilterInputGraphType : OperationFilterInputGraphType
{
    /// <summary>Defines the operators.</summary>
    public BooleanOperationFilterInputGraphType() : base("BooleanOperationFilterInput", "Filters a boolean.")
    {
        Operation("eq", typeof(BooleanGraphType), "Keeps values equal to the operand; `null` keeps null values.", EqualityHandlers.Eq, acceptsNull: true);
        Operation("neq", typeof(BooleanGraphType), "Keeps values not equal to the operand; `null` keeps non-null values.", EqualityHandlers.Neq, acceptsNull: true);
    }
}

/// <summary>
/// <c>IdOperationFilterInput</c>: <c>eq neq in nin</c> over global ids, which the filtered field decodes into keys (a malformed
/// id, or the id of another type, is a <see cref="DataErrorCodes.FilterInvalidValue"/> error).
/// </summary>
public sealed class IdOperationFilterInputGraphType : OperationFilterInputGraphType
{
    /// <summary>Defines the operators.</summary>
    public IdOperationFilterInputGraphType() : base("IdOperationFilterInput", "Filters a global id.") =>
        EqualityOperations(typeof(IdGraphType));
}
