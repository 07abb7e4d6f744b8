using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using ScholarGraph.GraphQL.AspNetCore.Tests.Hosting;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Documents;

/// <summary>
/// A trusted document is parsed when it is loaded and validated against the schema on its first use; later requests neither
/// parse nor fully validate it. Shown by counting the calls of GraphQL.NET's parser (the app's <see cref="IDocumentBuilder"/>,
/// which the loader and the executer share) and of a validation rule that runs only where full validation runs. What this
/// proves: no request for a trusted document reaches the parser, and the full rules run once per document; it measures no time.
/// </summary>
public sealed class TrustedDocumentParsingTests : IDisposable
{
    private readonly DocumentFolder _folder = new();
    private readonly CountingParser _parser = new();
    private readonly CountingRule _fullValidation = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public async Task A_trusted_document_is_parsed_once_at_start_and_validated_once_whether_or_not_the_document_cache_is_on(string documentCache)
    {
        var echo = _folder.Add("query Echo($text: String!) { echo(text: $text) }");
        _folder.Add("query Hello { hello }");
        await using var host = await StartAsync(("GraphQLHttp:EnableDocumentCache", documentCache));
        using var client = host.CreateClient();
        Assert.Equal(2, _parser.Calls); // both documents, at start

        for (var request = 0; request < 3; request++)
        {
            var response = await GraphQLResponse.PostAsync(client, new { documentId = echo, variables = new { text = $"call {request}" } });
            Assert.Equal($"call {request}", response.Data.GetProperty("echo").GetString());
        }

        Assert.Equal(2, _parser.Calls);
        Assert.Equal(1, _fullValidation.Calls);

        // The counters do see a request's work: query text is parsed and validated.
        Assert.Equal("world", (await GraphQLResponse.PostAsync(client, new { query = "{ hello }" })).Data.GetProperty("hello").GetString());
        Assert.Equal((3, 2), (_parser.Calls, _fullValidation.Calls));
    }

    [Fact]
    public async Task A_trusted_document_that_does_not_validate_answers_its_validation_error_every_time()
    {
        var invalid = _folder.Add("{ noSuchField }");
        await using var host = await StartAsync();
        using var client = host.CreateClient();

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            Assert.Equal("FIELDS_ON_CORRECT_TYPE", (await GraphQLResponse.PostAsync(client, new { documentId = invalid })).FirstCode);
            Assert.Equal(attempt, _fullValidation.Calls);
        }
        Assert.Equal(1, _parser.Calls);
    }

    private Task<TransportTestHost> StartAsync(params (string Key, string Value)[] more) => TransportTestHost.StartAsync(
        settings: _folder.Settings("Off", more),
        configureServices: services => services.AddSingleton<IDocumentBuilder>(_parser),
        configureGraphQL: graphQL => graphQL.AddValidationRule(_fullValidation, useForCachedDocuments: false));

    private sealed class CountingParser : IDocumentBuilder
    {
        private readonly GraphQLDocumentBuilder _inner = new();
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public GraphQLDocument Build(string body)
        {
            Interlocked.Increment(ref _calls);
            return _inner.Build(body);
        }
    }

    private sealed class CountingRule : ValidationRuleBase
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
        {
            Interlocked.Increment(ref _calls);
            return default;
        }
    }
}
