using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using System.Text.Json;
using ScholarGraph.GraphQL.Data.Errors;
using ScholarGraph.GraphQL.Data.Internal;

namespace ScholarGraph.GraphQL.Data.Paging.Expressions;

/// <summary>
/// A total order over <typeparamref name="T"/> made of sort keys, the last of which must be unique (an id), so that pages are
/// deterministic and a cursor names exactly one position. Cursors are keyset cursors: they carry the key values of the row they
/// point at, not an offset, so rows inserted before the cursor do not shift the next page. A key may be null (a nullable value
/// or a string): a null sorts as the smallest value, first ascending and last descending, as SQLite and LINQ to Objects both order
/// it, so the database sorts by the plain column (and can use its index) and the cursor predicate handles null explicitly.
/// </summary>
/// <typeparam name="T">The ordered row type.</typeparam>
public sealed class KeysetOrdering<T>
{
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
    private readonly List<(LambdaExpression Key, bool Descending)> _keys = [];
    private readonly string _name;

    private KeysetOrdering(string name) => _name = name;

    /// <summary>
    /// Starts an ordering. <paramref name="name"/> is written into every cursor, so that a cursor from another connection or
    /// order is recognised and refused instead of silently paging from a wrong place.
    /// </summary>
    public static KeysetOrdering<T> Named(string name) => new(name);

    /// <summary>Adds an ascending key; null values sort first.</summary>
    public KeysetOrdering<T> ThenBy<TKey>(Expression<Func<T, TKey>> key) => Add(key, false);

    /// <summary>Adds a descending key; null values sort last.</summary>
    public KeysetOrdering<T> ThenByDescending<TKey>(Expression<Func<T, TKey>> key) => Add(key, true);

    /// <summary>
    /// Adds a key built at run time (for example from a client's <c>order</c>): a lambda over <typeparamref name="T"/>; null values
    /// sort as the smallest.
    /// </summary>
    public KeysetOrdering<T> ThenBy(LambdaExpression key, bool descending)
    {
        if (key.Parameters.Count != 1 || key.Parameters[0].Type != typeof(T))
            throw DataErrors.KeyNotOverRow(typeof(T), nameof(key));
        return Add(key, descending);
    }

    private KeysetOrdering<T> Add(LambdaExpression key, bool descending)
    {
        _keys.Add((key, descending));
        return this;
    }

    /// <summary>The members of <typeparamref name="T"/> the keys read; a projection must keep them, since cursors are written from them.</summary>
    public IEnumerable<MemberInfo> Members => _keys.SelectMany(k => MemberCollector.Collect(k.Key));

    /// <summary>Sorts <paramref name="source"/> by the keys, each reversed when <paramref name="reverse"/> (to read a page backwards).</summary>
    public IQueryable<T> Sort(IQueryable<T> source, bool reverse = false) =>
        source.Provider.CreateQuery<T>(SortExpression(source.Expression, reverse, queryable: true));

    /// <summary>
    /// Sorts rows of another type by the keys of the <typeparamref name="T"/> each row holds (<paramref name="element"/>), for
    /// lists read as rows that carry their parent's key beside the element.
    /// </summary>
    public IQueryable<TRow> SortBy<TRow>(IQueryable<TRow> source, Expression<Func<TRow, T>> element)
    {
        var expression = source.Expression;
        for (var i = 0; i < _keys.Count; i++)
        {
            var (key, descending) = _keys[i];
            var onRow = Expression.Lambda(ExpressionRewriting.Replace(key.Body, key.Parameters[0], element.Body), element.Parameters[0]);
            var method = (i == 0 ? "OrderBy" : "ThenBy") + (descending ? "Descending" : "");
            expression = LinqCalls.Call(typeof(Queryable), method, [typeof(TRow), key.ReturnType], expression, Expression.Quote(onRow));
        }
        return source.Provider.CreateQuery<TRow>(expression);
    }

    /// <summary>The expression of <see cref="Sort"/> over an in-memory sequence, for use inside a larger query (a correlated subquery).</summary>
    public Expression SortExpression(Expression source, bool reverse, bool queryable)
    {
        var host = queryable ? typeof(Queryable) : typeof(Enumerable);
        for (var i = 0; i < _keys.Count; i++)
        {
            var (key, descending) = _keys[i];
            var method = (i == 0 ? "OrderBy" : "ThenBy") + (descending ^ reverse ? "Descending" : "");
            Expression keyArgument = queryable ? Expression.Quote(key) : key;
            source = LinqCalls.Call(host, method, [typeof(T), key.ReturnType], source, keyArgument);
        }
        return source;
    }

    /// <summary>Returns a function that encodes the cursor of a row (compile once, call per row).</summary>
    public Func<T, string> CursorWriter() => _cursorWriter ??= CompileCursorWriter();

    private Func<T, string>? _cursorWriter;

    private Func<T, string> CompileCursorWriter()
    {
        // One compiled delegate reads every key into an array, so writing a cursor costs no reflection per row.
        var row = Expression.Parameter(typeof(T), "row");
        var values = Expression.NewArrayInit(typeof(object), new Expression[] { Expression.Constant(_name, typeof(object)) }.Concat(
            _keys.Select(k => Expression.Convert(ExpressionRewriting.Replace(k.Key.Body, k.Key.Parameters[0], row), typeof(object)))));
        var read = Expression.Lambda<Func<T, object?[]>>(values, row).Compile();
        return item => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(read(item)));
    }

    /// <summary>
    /// The predicate "after <paramref name="cursor"/>" in this order (or "before" it when <paramref name="backward"/>):
    /// <c>k1 &gt; v1 OR (k1 = v1 AND k2 &gt; v2) OR ...</c>, with &gt; and &lt; swapped for descending keys. A key that can be null
    /// is compared null-aware, null being the smallest value (see <see cref="Level"/>). Where the rows beyond the cursor lie in one
    /// range of the first key, that range is stated too, <c>k1 &gt;= v1 AND (...)</c>, so that the database starts reading the
    /// first key's index at the cursor instead of reading past every row before it (SQLite and PostgreSQL alike): upwards from a
    /// value, or downwards on a key that cannot be null. Downwards on a nullable key the rows beyond are the smaller values and the
    /// nulls, two ranges, and the predicate stays as it is.
    /// </summary>
    /// <exception cref="PagingException">The cursor is malformed or belongs to another connection or order.</exception>
    public Expression<Func<T, bool>> After(string cursor, bool backward, string argumentPath)
    {
        var values = Decode(cursor, argumentPath);
        var row = Expression.Parameter(typeof(T), "row");
        Expression? any = null; // null stands for "no row" while the predicate is built from the last key up
        for (var i = _keys.Count - 1; i >= 0; i--)
        {
            var (key, descending) = _keys[i];
            any = Level(ExpressionRewriting.Replace(key.Body, key.Parameters[0], row), values[i], greater: descending == backward, any);
        }
        if (any is not null && _keys.Count > 1 && FirstKeyRange(row, values[0], backward) is { } range)
            any = Expression.AndAlso(range, any);
        return Expression.Lambda<Func<T, bool>>(any ?? Expression.Constant(false), row);
    }

    // k1 >= v1 (or k1 <= v1): the one range of the first key that holds every row beyond the cursor, or null when there is none.
    private Expression? FirstKeyRange(ParameterExpression row, object? value, bool backward)
    {
        var (key, descending) = _keys[0];
        var greater = descending == backward;
        var member = ExpressionRewriting.Replace(key.Body, key.Parameters[0], row);
        var nullable = !member.Type.IsValueType || Nullable.GetUnderlyingType(member.Type) is not null;
        if (value is null || (!greater && nullable))
            return null;
        var right = Expression.Constant(value, member.Type);
        if (member.Type == typeof(string))
        {
            var compared = Expression.Call(StringCompare, member, right);
            return greater ? Expression.GreaterThanOrEqual(compared, Expression.Constant(0)) : Expression.LessThanOrEqual(compared, Expression.Constant(0));
        }
        return greater ? Expression.GreaterThanOrEqual(member, right) : Expression.LessThanOrEqual(member, right);
    }

    /// <summary>
    /// The rows beyond <paramref name="value"/> on <paramref name="key"/> in one direction, or equal to it and beyond on the later
    /// keys (<paramref name="rest"/>; null when no row is): <c>k &gt; v OR (k = v AND rest)</c>. For a key that can be null:
    /// past a value downwards, null rows too; past null upwards, every non-null row; nothing is below null. The null cases are
    /// written as <c>CASE WHEN k IS NULL</c>, not as another <c>OR k IS NULL</c>: with every branch of the OR indexable, SQLite
    /// reads each branch by the index and sorts them all (MULTI-INDEX OR, 160 ms for the second page of 100,000 papers) instead
    /// of walking the index in order and stopping at the page's end (0.2 ms).
    /// </summary>
    private static Expression? Level(Expression key, object? value, bool greater, Expression? rest)
    {
        var nullable = !key.Type.IsValueType || Nullable.GetUnderlyingType(key.Type) is not null;
        if (!nullable && value is null)
            throw DataErrors.NullCursorValueOfNonNullKey();
        var isNull = nullable ? Expression.Equal(key, Expression.Constant(null, key.Type)) : null;
        if (value is null)
            return greater
                ? Expression.Condition(isNull!, rest ?? Expression.Constant(false), Expression.Constant(true))
                : rest is null ? null : Expression.AndAlso(isNull!, rest);
        var right = Expression.Constant(value, key.Type);
        var beyond = Compare(key, right, greater);
        // A null key is below every value: beyond it downwards; upwards k > v is already false for null.
        if (nullable && !greater)
            beyond = Expression.Condition(isNull!, Expression.Constant(true), beyond);
        return rest is null ? beyond : Expression.OrElse(beyond, Expression.AndAlso(Expression.Equal(key, right), rest));
    }

    /// <summary>
    /// The key values <paramref name="cursor"/> holds, in key order, for a page read outside LINQ (such as a store's own SQL) that
    /// states "after the cursor" itself.
    /// </summary>
    /// <exception cref="PagingException">The cursor is malformed or belongs to another connection or order.</exception>
    public IReadOnlyList<object?> ValuesOf(string cursor, string argumentPath) => Decode(cursor, argumentPath);

    private object?[] Decode(string cursor, string argumentPath)
    {
        JsonElement[] parts;
        try
        {
            parts = JsonSerializer.Deserialize<JsonElement[]>(Convert.FromBase64String(cursor)) ?? [];
        }
        catch (Exception e) when (e is FormatException or JsonException or DecoderFallbackException)
        {
            throw DataErrors.PagingNotACursor(argumentPath, cursor);
        }
        if (parts.Length != _keys.Count + 1 || parts[0].ValueKind != JsonValueKind.String || parts[0].GetString() != _name)
            throw DataErrors.PagingForeignCursor(argumentPath, cursor);
        var values = new object?[_keys.Count];
        for (var i = 0; i < _keys.Count; i++)
        {
            try
            {
                values[i] = parts[i + 1].Deserialize(_keys[i].Key.ReturnType);
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                throw DataErrors.PagingDamagedCursor(argumentPath, cursor);
            }
        }
        return values;
    }

    private static Expression Compare(Expression left, Expression right, bool greater)
    {
        if (left.Type == typeof(string))
        {
            var compared = Expression.Call(StringCompare, left, right);
            return greater ? Expression.GreaterThan(compared, Expression.Constant(0)) : Expression.LessThan(compared, Expression.Constant(0));
        }
        return greater ? Expression.GreaterThan(left, right) : Expression.LessThan(left, right);
    }

    private sealed class MemberCollector(ParameterExpression row) : ExpressionVisitor
    {
        private readonly List<MemberInfo> _members = [];

        public static IEnumerable<MemberInfo> Collect(LambdaExpression key)
        {
            var collector = new MemberCollector(key.Parameters[0]);
            collector.Visit(key.Body);
            return collector._members;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression == row)
                _members.Add(node.Member);
            return base.VisitMember(node);
        }
    }
}
