using ScholarGraph.Server.Writes.Changes;
using ScholarGraph.Server.Tests.Infrastructure;
using static ScholarGraph.Server.Tests.Infrastructure.WriteTestHost;

namespace ScholarGraph.Server.Tests.Writes;

/// <summary>createInstitution and createTopic: success and each typed error.</summary>
public sealed class InstitutionAndTopicMutationTests(WriteTestHost host) : IClassFixture<WriteTestHost>
{
    private static readonly string CreateInstitution =
        $"mutation M($input: CreateInstitutionInput!) {{ createInstitution(input: $input) {{ institution {{ id name ror countryCode }} {Payloads.Errors("ValidationError", "DuplicateInstitutionError")} }} }}";

    private static readonly string CreateTopic =
        $"mutation M($input: CreateTopicInput!) {{ createTopic(input: $input) {{ topic {{ id name keywords }} {Payloads.Errors("ValidationError", "DuplicateTopicError")} }} }}";

    [Fact]
    public async Task CreateInstitution_stores_it_under_a_slug_and_reports_a_taken_ror_and_a_bad_country_code()
    {
        var ror = $"https://ror.org/{Guid.NewGuid():N}";
        var created = Payloads.Success(await host.MutateAsync("createInstitution", CreateInstitution, new { name = "Max Planck Institute, Tübingen", ror, countryCode = "de" }), "institution");
        Assert.Equal(Id("Institution", "max-planck-institute-tubingen"), created.GetProperty("id").GetString());
        Assert.Equal("DE", created.GetProperty("countryCode").GetString());
        Assert.Contains(host.Changes, c => c is InstitutionAdded { InstitutionId: "max-planck-institute-tubingen" });

        var duplicate = Payloads.SingleError(await host.MutateAsync("createInstitution", CreateInstitution, new { name = "Another", ror }), "institution", "DuplicateInstitutionError");
        Assert.Equal(created.GetProperty("id").GetString(), duplicate.GetProperty("existingInstitution").GetProperty("id").GetString());

        var country = Payloads.SingleError(await host.MutateAsync("createInstitution", CreateInstitution, new { name = "Somewhere", countryCode = "Germany" }), "institution", "ValidationError");
        Assert.Equal("input.countryCode", Payloads.PathOf(country));
    }

    [Fact]
    public async Task CreateTopic_stores_its_keywords_and_reports_a_name_taken_in_any_case_and_a_blank_keyword()
    {
        var created = Payloads.Success(await host.MutateAsync("createTopic", CreateTopic, new { name = "Graph Neural Networks", keywords = new[] { "GNN", " graph neural network " } }), "topic");
        Assert.Equal(Id("Topic", "graph-neural-networks"), created.GetProperty("id").GetString());
        Assert.Equal(["GNN", "graph neural network"], created.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));

        var duplicate = Payloads.SingleError(await host.MutateAsync("createTopic", CreateTopic, new { name = "graph neural NETWORKS" }), "topic", "DuplicateTopicError");
        Assert.Equal("name", duplicate.GetProperty("field").GetString());
        Assert.Equal(created.GetProperty("id").GetString(), duplicate.GetProperty("existingTopic").GetProperty("id").GetString());

        var seeded = Payloads.SingleError(await host.MutateAsync("createTopic", CreateTopic, new { name = "Reinforcement Learning" }), "topic", "DuplicateTopicError");
        Assert.Equal(Id("Topic", "reinforcement-learning"), seeded.GetProperty("existingTopic").GetProperty("id").GetString());

        var blank = Payloads.SingleError(await host.MutateAsync("createTopic", CreateTopic, new { name = "Fine", keywords = new[] { "ok", "  " } }), "topic", "ValidationError");
        Assert.Equal("input.keywords.1", Payloads.PathOf(blank));
    }
}
