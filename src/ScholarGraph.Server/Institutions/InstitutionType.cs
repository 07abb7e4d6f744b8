using GraphQL.Types;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.GraphQL.Data.Paging.Extensions;
using ScholarGraph.GraphQL.Data.Paging.Types;
using ScholarGraph.GraphQL.Data.Projection.Extensions;
using ScholarGraph.GraphQL.Data.Sorting.Extensions;
using ScholarGraph.Server.Authors;
using ScholarGraph.Server.Papers;
using ScholarGraph.Server.Nodes;
using ScholarGraph.Server.Schema;
using ScholarGraph.Server.Topics;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.Institutions;

/// <summary>The <c>Institution</c> type.</summary>
public sealed class InstitutionType : ObjectGraphType<Institution>
{
    /// <summary>The type's name, which global ids carry.</summary>
    public const string TypeName = "Institution";

    /// <summary>Defines the fields.</summary>
    public InstitutionType(PagingOptions paging)
    {
        Description = "A university, lab or company that authors belong to and papers name.";
        this.ImplementNode(TypeName, "institution", e => e.Id);
        Field<NonNullGraphType<StringGraphType>>("name")
            .Description("The name as the source prints it, which may be a short label such as `berkeley`.")
            .ResolveMember(e => e.Name);
        Field<StringGraphType>("ror").Description("The ROR id, or null when no source gives one.").ResolveMember(e => e.Ror);
        Field<StringGraphType>("openAlexId").Description("The OpenAlex institution id, or null when no source gives one.")
            .ResolveMember(e => e.OpenAlexId);
        Field<StringGraphType>("countryCode").Description("The ISO 3166-1 alpha-2 country code, or null when unknown.")
            .ResolveMember(e => e.CountryCode);
        Field<StringGraphType>("type")
            .Description("The kind of institution as OpenAlex names it (`education`, `company`, `facility`, ...), or null when unknown.")
            .ResolveMember(e => e.Type);

        Field<AuthorsConnectionType>("authors")
            .Description("Authors affiliated with the institution, or listed with it on a paper, by name unless `order` says otherwise.")
            .WithPagingArguments(paging)
            .WithWhereAndOrderArguments(typeof(AuthorFilterInputType), typeof(AuthorSortInputType))
            .Resolve(c => c.LoadChildConnection<ScholarGraphDbContext, Institution, string, Author>("Institution.authors", c.Source.Id,
                (db, keys) => db.Institutions.Where(i => keys.Contains(i.Id)), i => i.Id,
                // (institution, author) pairs correlated by one equality as the last step, so SQLite pages them with ROW_NUMBER
                // (see Topic.authors). The pairs are a cross join filtered by EXISTS, because EF Core cannot identify the rows of
                // a UNION of affiliations and authorships inside a collection projection; the cost grows with institutions times
                // authors, acceptable for the seed, to be replaced by a pairs table or the graph index at scale.
                (db, batch) => i => db.Institutions.Where(o => batch.Contains(o.Id)).SelectMany(_ => db.Authors, (other, a) => new { InstitutionId = other.Id, Author = a })
                    .Where(x => x.Author.Affiliations.Any(f => f.InstitutionId == x.InstitutionId)
                        || x.Author.Authorships.Any(s => s.InstitutionId == x.InstitutionId))
                    .Where(x => x.InstitutionId == i.Id)
                    .Select(x => x.Author),
                Orderings.AuthorsByName));
        Field<PapersConnectionType>("papers")
            .Description("Papers that name the institution, newest first unless `order` says otherwise.")
            .WithPagingArguments(paging)
            .WithWhereAndOrderArguments(typeof(PaperFilterInputType), typeof(PaperSortInputType))
            .Resolve(c => c.LoadChildConnection<ScholarGraphDbContext, Institution, string, Paper>("Institution.papers", c.Source.Id,
                (db, keys) => db.Institutions.Where(i => keys.Contains(i.Id)), i => i.Id,
                (_, _) => i => i.Papers.Select(l => l.Paper!), Orderings.PapersNewestFirst));
    }
}

/// <summary><c>InstitutionsConnection</c>: a page of institutions.</summary>
public sealed class InstitutionsConnectionType() : ConnectionGraphType<InstitutionType>("Institutions", "an institution");
