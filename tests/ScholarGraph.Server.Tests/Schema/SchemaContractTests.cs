using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.Server.Schema;
using ScholarGraph.Server.Tests.Infrastructure;
using ScholarGraph.GraphQL.AspNetCore.Http;
using ScholarGraph.Tests.Shared;

namespace ScholarGraph.Server.Tests.Schema;

/// <summary>
/// The schema is a contract: its SDL is snapshotted, and <c>schema/schema.graphql</c> must equal it. After an intended change run
/// <c>dotnet run --project src/ScholarGraph.Server -- schema export --output schema/schema.graphql</c>, read the diff, and update
/// the snapshot.
/// </summary>
public sealed class SchemaContractTests(ScholarGraphFactory server) : IClassFixture<ScholarGraphFactory>
{
    private string LiveSdl => SchemaSdl.Print(server.Services.GetRequiredService<ScholarGraphSchema>());

    [Fact]
    public void The_schema_matches_its_snapshot() => Snapshots.MatchSnapshot(LiveSdl);

    [Fact]
    public void The_schema_file_is_the_printed_live_schema()
    {
        Assert.True(File.Exists(RepositoryPaths.SchemaFile), $"{RepositoryPaths.SchemaFile} is missing");
        Assert.Equal(LiveSdl, File.ReadAllText(RepositoryPaths.SchemaFile).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Every_type_field_and_argument_has_a_description()
    {
        var schema = server.Services.GetRequiredService<ScholarGraphSchema>();
        schema.Initialize();
        var missing = new List<string>();
        string[] specScalars = ["String", "Boolean", "ID", "Int", "Float"];
        foreach (var type in schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && !specScalars.Contains(t.Name)))
        {
            if (string.IsNullOrWhiteSpace(type.Description))
                missing.Add(type.Name);
            if (type is not IComplexGraphType complex)
                continue;
            foreach (var field in complex.Fields)
            {
                if (string.IsNullOrWhiteSpace(field.Description))
                    missing.Add($"{type.Name}.{field.Name}");
                foreach (var argument in field.Arguments ?? [])
                {
                    if (string.IsNullOrWhiteSpace(argument.Description))
                        missing.Add($"{type.Name}.{field.Name}({argument.Name})");
                }
            }
        }
        Assert.Empty(missing);
    }
}
