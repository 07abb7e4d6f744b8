using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.GraphQL.Data.Projection.Extensions;
using ScholarGraph.Server.Schema;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.Storage.Database;

namespace ScholarGraph.Server.Tests.Schema;

/// <summary>
/// Projected loads read only declared members, so a leaf field of an entity type that reads its source without declaring it
/// would silently see a default value. This guard finds such fields (in this branch and in every branch merged later).
/// </summary>
public sealed class ProjectionDeclarationTests(ScholarGraphFactory server) : IClassFixture<ScholarGraphFactory>
{
    [Fact]
    public async Task Every_leaf_field_of_an_entity_type_declares_the_members_it_reads()
    {
        var schema = server.Services.GetRequiredService<ScholarGraphSchema>();
        schema.Initialize();
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<ScholarGraphDbContext>>().CreateDbContextAsync();
        var entityTypes = schema.AllTypes.OfType<IObjectGraphType>().Where(t => SourceType(t) is { } source && db.Model.FindEntityType(source) is not null).ToList();
        Assert.Contains(entityTypes, t => t.Name == "Paper");
        var undeclared = entityTypes
            .SelectMany(t => t.Fields.Where(f => f.Name != "id" && f.ResolvedType!.GetNamedType() is ScalarGraphType && !f.DeclaresProjection())
                .Select(f => $"{t.Name}.{f.Name}"))
            .ToList();
        Assert.Empty(undeclared);
    }

    private static Type? SourceType(IObjectGraphType type)
    {
        for (var t = type.GetType(); t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ComplexGraphType<>))
                return t.GetGenericArguments()[0];
        }
        return null;
    }
}
