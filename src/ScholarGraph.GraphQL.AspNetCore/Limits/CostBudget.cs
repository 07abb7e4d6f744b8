namespace ScholarGraph.GraphQL.AspNetCore.Limits;

/// <summary>
/// The cost limits some operations run under in place of <see cref="GraphQLLimitsOptions.MaxFieldCost"/> and
/// <see cref="GraphQLLimitsOptions.MaxTypeCost"/> (the trusted documents of an app's own folder,
/// <see cref="Documents.AppTrustedDocumentDirectory"/>); a null limit leaves the setting's. <paramref name="Setting"/> is what an
/// error names as the limit's source, <paramref name="Description"/> how its message says it.
/// </summary>
internal sealed record CostBudget(double? MaxFieldCost, double? MaxTypeCost, string Setting, string Description);
