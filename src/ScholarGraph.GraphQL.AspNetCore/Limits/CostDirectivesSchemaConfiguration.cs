using GraphQL.DI;
using GraphQL.Types;

namespace ScholarGraph.GraphQL.AspNetCore.Limits;

/// <summary>
/// Declares <c>@cost</c> and <c>@listSize</c> in every schema built from the app's services, so its types may apply them and
/// the SDL prints them.
/// </summary>
internal sealed class CostDirectivesSchemaConfiguration : IConfigureSchema
{
    public void Configure(ISchema schema, IServiceProvider serviceProvider)
    {
        if (schema.Directives.Find(CostDirectives.CostName) is null)
            schema.Directives.Register(new CostDirective());
        if (schema.Directives.Find(CostDirectives.ListSizeName) is null)
            schema.Directives.Register(new ListSizeDirective());
    }
}
