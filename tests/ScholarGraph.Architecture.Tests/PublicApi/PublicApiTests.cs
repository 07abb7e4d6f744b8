using System.Reflection;
using PublicApiGenerator;
using ScholarGraph.Tests.Shared;

namespace ScholarGraph.Architecture.Tests.PublicApi;

/// <summary>
/// The generic libraries could ship as packages of their own, so a change of their public API is read and approved by a person:
/// the API as PublicApiGenerator prints it must equal <c>PublicApi/NAME.approved.txt</c> (see <see cref="ApprovedText"/>).
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> Libraries => ["ScholarGraph.GraphQL.Data", "ScholarGraph.GraphQL.AspNetCore"];

    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "ScholarGraph.Architecture.Tests", "PublicApi");

    [Theory]
    [MemberData(nameof(Libraries))]
    public void The_public_API_is_the_approved_one(string library)
    {
        var api = Assembly.Load(library).GeneratePublicApi(new ApiGeneratorOptions
        {
            TreatRecordsAsClasses = false,
            // The framework the build targets is not part of the API.
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute"],
        });

        var problem = ApprovedText.Check(Folder, library, api);

        Assert.True(problem is null, problem);
    }
}
