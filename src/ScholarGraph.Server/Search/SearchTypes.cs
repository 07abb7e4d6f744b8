using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Paging.Types;
using ScholarGraph.Server.Authors;
using ScholarGraph.Server.Institutions;
using ScholarGraph.Server.Papers;
using ScholarGraph.Server.Topics;
using ScholarGraph.Storage.Search;

namespace ScholarGraph.Server.Search;

/// <summary>The <c>SearchType</c> enum: <c>PAPER</c>, <c>AUTHOR</c>, <c>INSTITUTION</c>, <c>TOPIC</c>.</summary>
public sealed class SearchTypeGraphType : EnumerationGraphType<SearchKind>
{
    /// <summary>Names and describes the values.</summary>
    public SearchTypeGraphType()
    {
        Name = "SearchType";
        Description = "What `search` and `autocomplete` look through.";
        Values.FindByName("PAPER")!.Description = "Papers, by title and abstract (a title's words weigh most).";
        Values.FindByName("AUTHOR")!.Description = "Authors, by name.";
        Values.FindByName("INSTITUTION")!.Description = "Institutions, by name.";
        Values.FindByName("TOPIC")!.Description = "Topics, by name.";
    }
}

/// <summary>The <c>SearchResult</c> union: what a hit or a suggestion names.</summary>
public sealed class SearchResultGraphType : UnionGraphType
{
    /// <summary>Defines the union over the four searched node types.</summary>
    public SearchResultGraphType()
    {
        Name = "SearchResult";
        Description = "A paper, author, institution or topic found by `search` or `autocomplete`.";
        Type<PaperType>();
        Type<AuthorType>();
        Type<InstitutionType>();
        Type<TopicType>();
    }
}

/// <summary>The <c>SearchHit</c> type: one entity found, with its relevance and the text that matched.</summary>
public sealed class SearchHitGraphType : ObjectGraphType<SearchHit>
{
    /// <summary>Defines the fields.</summary>
    public SearchHitGraphType()
    {
        Name = "SearchHit";
        Description = "One entity `search` found: its relevance, the text that matched with the matches marked, and the entity.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The global id of the entity found (no load needed).")
            .Resolve(c => SearchEntities.GlobalIdOf(c.Source.Kind, c.Source.Key));
        Field<NonNullGraphType<SearchTypeGraphType>>("type").Description("What was found.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<FloatGraphType>>("score")
            .Description("The relevance, higher is better: hits come best first. Scores order the hits of one search; they are not "
                + "comparable across queries or stores (SQLite ranks by BM25, PostgreSQL by ts_rank).")
            .Resolve(c => c.Source.Score);
        Field<NonNullGraphType<StringGraphType>>("snippet")
            .Description("The text that matched, as HTML-escaped plain text with each match in `<mark>…</mark>`: the name or title "
                + "whole when it matched, else a fragment of the abstract of about 24 words, with `…` where it was cut.")
            .Resolve(c => c.Source.Snippet);
        Field<SearchResultGraphType>("entity")
            .Description("The paper, author, institution or topic found; null only when it was deleted since the search ran.")
            .Resolve(c => SearchEntities.Load(c, c.Source.Kind, c.Source.Key));
    }
}

/// <summary><c>SearchConnection</c>: a page of hits, best first.</summary>
public sealed class SearchConnectionType : ConnectionGraphType<SearchHitGraphType>
{
    /// <summary>Defines the connection.</summary>
    public SearchConnectionType() : base("Search", "a search hit") { }
}

/// <summary>The <c>AutocompleteSuggestion</c> type: a name or title that starts with what the user typed.</summary>
public sealed class AutocompleteSuggestionGraphType : ObjectGraphType<AutocompleteSuggestion>
{
    /// <summary>Defines the fields.</summary>
    public AutocompleteSuggestionGraphType()
    {
        Name = "AutocompleteSuggestion";
        Description = "A name or title that starts with the prefix typed, with the entity it names.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The global id of the entity (no load needed).")
            .Resolve(c => SearchEntities.GlobalIdOf(c.Source.Kind, c.Source.Key));
        Field<NonNullGraphType<SearchTypeGraphType>>("type").Description("What it names.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("text").Description("The name, or the paper's title, as stored.").Resolve(c => c.Source.Text);
        Field<SearchResultGraphType>("entity").Description("The entity; null only when it was deleted meanwhile.")
            .Resolve(c => SearchEntities.Load(c, c.Source.Kind, c.Source.Key));
    }
}
