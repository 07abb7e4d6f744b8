using GraphQL.Types;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.GraphQL.Data.Paging.Types;
using ScholarGraph.GraphQL.Data.Projection;
using ScholarGraph.Server.Nodes;
using ScholarGraph.Server.Papers;
using ScholarGraph.GraphQL.Data.Paging.Extensions;
using ScholarGraph.GraphQL.Data.Sorting.Extensions;
using ScholarGraph.GraphQL.Data.Filtering.Extensions;
using ScholarGraph.GraphQL.Data.Projection.Extensions;
using ScholarGraph.GraphQL.Data.Batching.Extensions;
using ScholarGraph.GraphQL.Data.Paging.Expressions;
using ScholarGraph.GraphQL.Data.Filtering.Types;
using ScholarGraph.GraphQL.Data.Sorting.Types;
using ScholarGraph.GraphQL.Data.Relay.Types;
using ScholarGraph.GraphQL.Data.Mutations.Types;
using ScholarGraph.GraphQL.Data.Mutations.Extensions;
using ScholarGraph.GraphQL.Data.Errors;
using ScholarGraph.GraphQL.Data.Aggregates.Extensions;

namespace ScholarGraph.Server.Venues;

/// <summary>The <c>Venue</c> type.</summary>
public sealed class VenueType : ObjectGraphType<Venue>
{
    /// <summary>The type's name, which global ids carry.</summary>
    public const string TypeName = "Venue";

    /// <summary>Defines the fields.</summary>
    public VenueType(PagingOptions paging)
    {
        Description = "Where papers are published: a journal, a conference, a repository, a book series, an ebook platform...";
        this.ImplementNode(TypeName, "venue", e => e.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The name as the source prints it.").ResolveMember(e => e.Name);
        Field<StringGraphType>("openAlexId")
            .Description("The OpenAlex source id (`S…`, or `V…` from older records' `host_venue`), or null when no source gives one.")
            .ResolveMember(e => e.OpenAlexId);
        Field<StringGraphType>("issnL").Description("The linking ISSN (ISSN-L), or null when the source gives none.").ResolveMember(e => e.IssnL);
        Field<StringGraphType>("type")
            .Description("The kind of venue as OpenAlex names it (`journal`, `conference`, `repository`, `book series`, `ebook platform`, ...), or null when unknown.")
            .ResolveMember(e => e.Type);
        Field<PapersConnectionType>("papers")
            .Description("Papers published in the venue, newest first unless `order` says otherwise.")
            .WithPagingArguments(paging)
            .WithWhereAndOrderArguments(typeof(PaperFilterInputType), typeof(PaperSortInputType))
            .Resolve(c => c.LoadPapersOfVenue(c.Source.Id));
    }
}

/// <summary><c>VenuesConnection</c>: a page of venues.</summary>
public sealed class VenuesConnectionType() : ConnectionGraphType<VenueType>("Venues", "a venue");
