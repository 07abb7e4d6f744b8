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
            .Resolve(c => c.LoadAuthorsOfInstitution(c.Source.Id));
        Field<PapersConnectionType>("papers")
            .Description("Papers that name the institution, newest first unless `order` says otherwise.")
            .WithPagingArguments(paging)
            .WithWhereAndOrderArguments(typeof(PaperFilterInputType), typeof(PaperSortInputType))
            .Resolve(c => c.LoadPapersOfInstitution(c.Source.Id));
    }
}

/// <summary><c>InstitutionsConnection</c>: a page of institutions.</summary>
public sealed class InstitutionsConnectionType() : ConnectionGraphType<InstitutionType>("Institutions", "an institution");
