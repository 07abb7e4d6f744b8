using GraphQL;
using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Aggregates.Expressions;
using ScholarGraph.GraphQL.Data.Aggregates.Types;
using ScholarGraph.GraphQL.Data.Errors;
using ScholarGraph.GraphQL.Data.Paging;

namespace ScholarGraph.GraphQL.Data.Aggregates.Extensions;

/// <summary>Adds <c>groupCounts(by:)</c> to a connection type.</summary>
public static class GroupCountsFieldExtensions
{
    /// <summary>
    /// Adds <c>groupCounts(by: TEnum!): [GroupCount!]!</c> to <paramref name="connection"/>: the connection's whole (filtered)
    /// collection, not its page, grouped by the definition <paramref name="groupings"/> holds for the argument. Counted in SQL only
    /// when selected; nested connections of one level are counted together in one query.
    /// </summary>
    /// <typeparam name="TNode">The connection's node type.</typeparam>
    /// <typeparam name="TEnumGraphType">The GraphQL enum of the groupings.</typeparam>
    /// <typeparam name="TEnum">The CLR enum the GraphQL enum maps to.</typeparam>
    public static void AddGroupCountsField<TNode, TEnumGraphType, TEnum>(
        this ObjectGraphType<IConnection> connection, IReadOnlyDictionary<TEnum, GroupByDefinition<TNode>> groupings)
        where TEnumGraphType : EnumerationGraphType<TEnum>
        where TEnum : struct, Enum
    {
        connection.Field<NonNullGraphType<ListGraphType<NonNullGraphType<GroupCountGraphType>>>>("groupCounts")
            .Description("Counts the connection's items (all of them, not only this page) per value of a key, most items first.")
            .Argument<NonNullGraphType<TEnumGraphType>>("by", "The key to group by.")
            .Resolve(c =>
            {
                var counts = ((Connection<TNode>)c.Source).GroupCounts
                    ?? throw DataErrors.ConnectionWithoutGroupCounts(c.FieldDefinition.Name);
                return counts(groupings[c.GetArgument<TEnum>("by")]);
            });
    }
}
