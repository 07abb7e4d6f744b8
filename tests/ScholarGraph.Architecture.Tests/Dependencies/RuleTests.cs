using System.Reflection;

namespace ScholarGraph.Architecture.Tests.Dependencies;

/// <summary>
/// The rules can fail, and say why: held to a stricter row than its own (the generator allowed nothing of ours and no EF Core),
/// a real project breaks both kinds of rule, and the messages name the offending types and reference chains.
/// </summary>
public sealed class RuleTests
{
    private static readonly Layer Stricter = new("ScholarGraph.Generation", MayUse: [], MustNotUse: [Layers.EfCore]);

    [Fact]
    public void A_type_rule_names_the_types_that_break_it()
    {
        var violations = TypeRules.Violations(Assembly.Load(Stricter.Name), TypeRules.Forbidden(Stricter));

        var storage = Assert.Single(violations, v => v.StartsWith("ScholarGraph.Storage ", StringComparison.Ordinal));
        Assert.Contains("ScholarGraph.Generation.SeedGenerator", storage, StringComparison.Ordinal);
        Assert.Contains("ScholarGraph.Generation.OpenAlexWorksWriter", storage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_rule_names_the_reference_and_the_chain_it_comes_through()
    {
        var violations = ProjectRules.Violations(Stricter);

        Assert.Contains("our project ScholarGraph.Storage (through ScholarGraph.Generation -> ScholarGraph.Storage)", violations);
        Assert.Contains("our project ScholarGraph.Domain (through ScholarGraph.Generation -> ScholarGraph.Storage -> ScholarGraph.Domain)", violations);
        Assert.Contains("Microsoft.EntityFrameworkCore.Sqlite (EF Core) in ScholarGraph.Generation -> ScholarGraph.Storage", violations);
    }

    [Fact]
    public void The_app_counts_as_ASP_NET_Core_by_its_sdk()
    {
        var violations = ProjectRules.Violations(new Layer(Layers.App, MayUse: [], MustNotUse: [Layers.AspNetCore]));

        Assert.Contains("Microsoft.NET.Sdk.Web (ASP.NET Core) in ScholarGraph.Server", violations);
    }
}
