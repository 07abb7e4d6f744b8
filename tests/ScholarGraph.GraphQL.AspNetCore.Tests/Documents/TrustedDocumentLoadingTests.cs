using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ScholarGraph.GraphQL.AspNetCore.Documents;
using ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Documents;

/// <summary>
/// The folder of trusted documents is read when the host starts: documents by file name and by manifest are served, and a
/// file that does not match its hash, cannot be read or is not a document stops the start with one line naming it.
/// </summary>
public sealed class TrustedDocumentLoadingTests : IDisposable
{
    private readonly DocumentFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Documents_from_graphql_files_and_from_each_manifest_format_are_served()
    {
        var fromFile = _folder.Add("query FromFile { hello }\n");
        const string codegen = "query FromCodegen { echo(text: \"codegen\") }";
        _folder.Write("persisted-documents.json", JsonSerializer.Serialize(new Dictionary<string, string> { [DocumentFolder.Hash(codegen)] = codegen }));
        const string relay = "query FromRelay { echo(text: \"relay\") }";
        // With a byte order mark, as editors on Windows write it.
        _folder.Write("relay.json", [.. Encoding.UTF8.Preamble, .. JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["sha256:" + DocumentFolder.Hash(relay)] = relay })]);
        const string apollo = "query FromApollo { echo(text: \"apollo\") }";
        _folder.Write("apollo.json", JsonSerializer.Serialize(new
        {
            format = "apollo-persisted-query-manifest",
            version = 1,
            operations = new[] { new { id = DocumentFolder.Hash(apollo), name = "FromApollo", type = "query", body = apollo } },
        }));
        _folder.Write("README.md", "Other files are ignored.");

        await using var host = await TransportTestHost.StartAsync(settings: _folder.Settings("TrustedOnly"));
        using var client = host.CreateClient();

        Assert.Equal("world", (await GraphQLResponse.PostAsync(client, new { documentId = "sha256:" + fromFile })).Data.GetProperty("hello").GetString());
        foreach (var (text, expected) in new[] { (codegen, "codegen"), (relay, "relay"), (apollo, "apollo") })
        {
            var response = await GraphQLResponse.PostAsync(client, new { documentId = DocumentFolder.Hash(text) });
            Assert.Equal(expected, response.Data.GetProperty("echo").GetString());
        }
    }

    [Fact]
    public async Task An_apps_own_folder_is_trusted_beside_the_configured_one_and_alone_lets_TrustedOnly_start()
    {
        using var appFolder = new DocumentFolder();
        var appDocument = appFolder.Add("query AppPage { echo(text: \"page\") }");
        var configured = _folder.Add("query FromFile { hello }\n");
        void TrustApp(IServiceCollection services) =>
            services.Configure<TrustedDocumentOptions>(options => options.AppDirectories.Add(new(appFolder.Path)));

        await using (var both = await TransportTestHost.StartAsync(settings: _folder.Settings("TrustedOnly"), configureServices: TrustApp))
        {
            using var client = both.CreateClient();
            Assert.Equal("page", (await GraphQLResponse.PostAsync(client, new { documentId = "sha256:" + appDocument })).Data.GetProperty("echo").GetString());
            Assert.Equal("world", (await GraphQLResponse.PostAsync(client, new { documentId = "sha256:" + configured })).Data.GetProperty("hello").GetString());
        }

        // No configured folder: TrustedOnly still starts, and runs the app's documents only.
        await using var appOnly = await TransportTestHost.StartAsync(settings: new Dictionary<string, string?> { ["TrustedDocuments:Mode"] = "TrustedOnly" }, configureServices: TrustApp);
        using var appClient = appOnly.CreateClient();
        Assert.Equal("page", (await GraphQLResponse.PostAsync(appClient, new { documentId = "sha256:" + appDocument })).Data.GetProperty("echo").GetString());
        using var unknown = await appClient.PostAsync("/graphql", new StringContent(JsonSerializer.Serialize(new { documentId = "sha256:" + configured }), Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_file_whose_content_does_not_match_its_name_stops_the_start_naming_the_file()
    {
        var hash = DocumentFolder.Hash("{ hello }");
        // The text the name was computed for, with a trailing newline an editor added.
        var file = _folder.Write(hash + ".graphql", "{ hello }\n");

        var problem = Assert.Single(await StartFailuresAsync());

        Assert.Equal($"TrustedDocuments:Directory file '{file}' does not match its name: its content's SHA-256 is '{DocumentFolder.Hash("{ hello }\n")}' (every byte counts, a trailing newline too)", problem);
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_stops_the_start_naming_it()
    {
        // A dangling link (as a half-updated mounted volume leaves them): listed as a file, but nothing can be read from it.
        var file = Path.Combine(_folder.Path, DocumentFolder.Hash("{ hello }") + ".graphql");
        File.CreateSymbolicLink(file, Path.Combine(_folder.Path, "gone", "nothing.graphql"));

        var problem = Assert.Single(await StartFailuresAsync());

        Assert.StartsWith($"TrustedDocuments:Directory file '{file}' cannot be read (", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_bad_file_is_reported_at_once_one_line_each()
    {
        var badName = _folder.Write("profile.graphql", "{ hello }");
        byte[] latin1 = [0x7b, 0x20, 0xe9, 0x20, 0x7d];
        var notUtf8 = _folder.Write(Convert.ToHexStringLower(SHA256.HashData(latin1)) + ".graphql", latin1);
        var notGraphQL = Path.Combine(_folder.Path, _folder.Add("{ hello ") + ".graphql");
        const string md5Id = "3be4abb81fa595e25eb725b2c6a87508";
        var relayMd5 = _folder.Write("relay-md5.json", JsonSerializer.Serialize(new Dictionary<string, string> { [md5Id] = "{ hello }" }));
        var wrongEntry = _folder.Write("wrong.json", JsonSerializer.Serialize(new Dictionary<string, string> { [DocumentFolder.Hash("{ hello }")] = "{ echo(text: \"x\") }" }));
        var notJson = _folder.Write("broken.json", "{ \"a\": ");

        var problems = await StartFailuresAsync();

        Assert.Equal(6, problems.Count);
        Assert.Single(problems, $"TrustedDocuments:Directory file '{badName}' is not named '<sha256 hex>.graphql' (the lower-case hex SHA-256 of its content)");
        Assert.Single(problems, $"TrustedDocuments:Directory file '{notUtf8}' is not UTF-8 text");
        Assert.Single(problems, p => p.StartsWith($"TrustedDocuments:Directory file '{notGraphQL}' is not a GraphQL document: ", StringComparison.Ordinal));
        Assert.Single(problems, p => p.StartsWith($"TrustedDocuments:Directory file '{relayMd5}' entry '{md5Id}' is not a SHA-256 id", StringComparison.Ordinal));
        Assert.Single(problems, $"TrustedDocuments:Directory file '{wrongEntry}' entry '{DocumentFolder.Hash("{ hello }")}' does not match its document, whose SHA-256 is '{DocumentFolder.Hash("{ echo(text: \"x\") }")}'");
        Assert.Single(problems, p => p.StartsWith($"TrustedDocuments:Directory file '{notJson}' is not valid JSON (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_folder_stops_the_start()
    {
        var missing = Path.Combine(_folder.Path, "missing");
        var problem = Assert.Single(await StartFailuresAsync(new Dictionary<string, string?> { ["TrustedDocuments:Directory"] = missing }));
        Assert.Equal($"TrustedDocuments:Directory '{missing}' is not a folder", problem);
    }

    [Fact]
    public async Task Trusted_only_without_a_folder_stops_the_start()
    {
        var problem = Assert.Single(await StartFailuresAsync(new Dictionary<string, string?> { ["TrustedDocuments:Mode"] = "TrustedOnly" }));
        Assert.Equal("TrustedDocuments:Directory must name the folder of trusted documents when Mode is TrustedOnly (otherwise no operation could run)", problem);
    }

    private async Task<IReadOnlyList<string>> StartFailuresAsync(Dictionary<string, string?>? settings = null)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var host = await TransportTestHost.StartAsync(settings: settings ?? _folder.Settings());
        });
        return [.. failure.Failures];
    }
}
