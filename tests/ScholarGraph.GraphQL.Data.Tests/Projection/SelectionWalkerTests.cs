using GraphQL.Types;
using GraphQLParser.AST;
using ScholarGraph.GraphQL.Data.Paging.Expressions;
using ScholarGraph.GraphQL.Data.Projection;
using ScholarGraph.GraphQL.Data.Projection.Expressions;
using ScholarGraph.GraphQL.Data.Projection.Extensions;

namespace ScholarGraph.GraphQL.Data.Tests.Projection;

/// <summary>The selection walker finds the members a selection reads through paths, fragments and aliases, and nothing else.</summary>
public sealed class SelectionWalkerTests
{
    public sealed class Item
    {
        public string Id { get; set; } = "";
        public string A { get; set; } = "";
        public string B { get; set; } = "";
        public int C { get; set; }
    }

    private sealed class ItemType : ObjectGraphType<Item>
    {
        public ItemType()
        {
            Name = "Item";
            Field<StringGraphType>("a").ResolveMember(i => i.A);
            Field<StringGraphType>("b").ResolveMember(i => i.B);
            Field<IntGraphType>("c").ResolveMember(i => i.C);
            Field<StringGraphType>("computed").Resolve(_ => "x");
        }
    }

    private sealed class EdgeType : ObjectGraphType<object>
    {
        public EdgeType()
        {
            Name = "Edge";
            Field<ItemType>("node");
        }
    }

    private sealed class PageType : ObjectGraphType<object>
    {
        public PageType()
        {
            Name = "Page";
            Field<ListGraphType<ItemType>>("nodes");
            Field<ListGraphType<EdgeType>>("edges");
            Field<IntGraphType>("totalCount");
        }
    }

    private sealed class QueryType : ObjectGraphType<object>
    {
        public QueryType()
        {
            Name = "Query";
            Field<PageType>("page");
        }
    }

    private static readonly Schema Schema = CreateSchema();

    private static Schema CreateSchema()
    {
        var schema = new Schema { Query = new QueryType() };
        schema.Initialize();
        return schema;
    }

    private static List<string> MembersSelected(string query)
    {
        var document = GraphQLParser.Parser.Parse(query);
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
        var field = (GraphQLField)operation.SelectionSet.Selections[0];
        var fields = SelectionWalker.SelectedFields(document, field, Schema.Query.GetField("page")!.ResolvedType!,
            SelectionPaths.ConnectionNodes, (IComplexGraphType)Schema.AllTypes["Item"]!);
        return fields.SelectMany(f => f.ProjectedMembers()).Select(m => m.Name).Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void Fields_under_nodes_and_under_edges_node_are_both_collected() =>
        Assert.Equal(["A", "B"], MembersSelected("{ page { totalCount nodes { a } edges { node { b } } } }"));

    [Fact]
    public void Aliases_and_fields_without_a_declaration_add_nothing_else() =>
        Assert.Equal(["C"], MembersSelected("{ page { x: nodes { __typename computed y: c } } }"));

    [Fact]
    public void Named_fragments_on_the_page_and_on_the_item_are_followed() =>
        Assert.Equal(["A", "C"], MembersSelected("""
            { page { ...P } }
            fragment P on Page { nodes { ...I } }
            fragment I on Item { a c }
            """));

    [Fact]
    public void Inline_fragments_apply_only_on_their_own_type() =>
        Assert.Equal(["B"], MembersSelected("{ page { nodes { ... on Item { b } ... on Edge { __typename } } } }"));

    [Fact]
    public void A_field_outside_the_paths_is_not_collected() =>
        Assert.Empty(MembersSelected("{ page { totalCount } }"));

    [Fact]
    public void An_ordering_reports_the_members_its_keys_read()
    {
        var ordering = KeysetOrdering<Item>.Named("Item:c").ThenByDescending(i => i.C * 2).ThenBy(i => i.Id);
        Assert.Equal(["C", "Id"], ordering.Members.Select(m => m.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_projection_signature_names_its_members_once_in_a_fixed_order()
    {
        var members = typeof(Item).GetProperties().Where(p => p.Name is "B" or "A").ToList();
        Assert.Equal("A,B", new Projection<Item>(members.Concat(members).Reverse()).Signature);
    }
}
