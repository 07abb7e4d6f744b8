using GraphQL.Types;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.Server.Nodes;

namespace ScholarGraph.Server.Institutions;

/// <summary>The root fields that read institutions: <c>institutions</c> (a page) and <c>institution(id:)</c>.</summary>
internal static class InstitutionQueries
{
    /// <summary>Adds <c>institutions</c>: all institutions, by name unless <c>order</c> says otherwise.</summary>
    public static void AddInstitutionsField(this ObjectGraphType query, PagingOptions paging) =>
        query.AddConnectionField<InstitutionsConnectionType, InstitutionFilterInputType, InstitutionSortInputType, Connection<Institution>>(
            "institutions", "All institutions, by name unless `order` says otherwise.", paging, c => c.LoadInstitutionsAsync());

    /// <summary>Adds <c>institution(id:)</c>: the institution with the given global id, or null.</summary>
    public static void AddInstitutionField(this ObjectGraphType query) =>
        query.AddLookupField<InstitutionType, Institution>("institution", InstitutionType.TypeName, (c, key) => c.LoadInstitution(key));
}
