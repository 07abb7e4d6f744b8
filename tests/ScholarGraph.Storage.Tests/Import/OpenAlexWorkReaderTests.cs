using ScholarGraph.Storage.Validation;
using System.IO.Compression;
using System.Text;
using ScholarGraph.Storage.Import.OpenAlex;

namespace ScholarGraph.Storage.Tests.Import;

public sealed class OpenAlexWorkReaderTests
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "Import", "openalex-sample.jsonl");

    [Fact]
    public async Task The_sample_reads_as_twelve_valid_works_in_file_order()
    {
        var lines = await ReadAll(File.OpenRead(SamplePath), "openalex-sample.jsonl");

        Assert.Equal(12, lines.Count);
        Assert.All(lines, l => Assert.Null(l.Problem));
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), lines.Select(l => l.Line));
        var second = lines[1].Work!;
        Assert.Equal("W9100002", ExternalIds.OpenAlex(second.Id));
        Assert.Equal(["Alice Fixture", "Chen Testcase", "Dana Mock"], second.Authorships!.Select(a => a.Author!.DisplayName));
        Assert.Equal("Artificial Intelligence", second.Topics![0].Subfield!.DisplayName);
        Assert.Equal("Physical Sciences", second.Topics![0].Domain!.DisplayName);
    }

    [Fact]
    public async Task A_gzipped_file_reads_the_same_as_the_plain_one()
    {
        var gzipped = new MemoryStream();
        await using (var zip = new GZipStream(gzipped, CompressionLevel.Fastest, leaveOpen: true))
        await using (var plain = File.OpenRead(SamplePath))
            await plain.CopyToAsync(zip);
        gzipped.Position = 0;

        var fromGzip = await ReadAll(gzipped, "sample.jsonl.gz");
        var fromPlain = await ReadAll(File.OpenRead(SamplePath), "sample.jsonl");

        Assert.Equal(fromPlain.Select(l => l.Work!.Id), fromGzip.Select(l => l.Work!.Id));
        Assert.Equal(fromPlain.Select(l => l.Work!.DisplayName), fromGzip.Select(l => l.Work!.DisplayName));
    }

    [Theory]
    [InlineData("{\"id\": \"https://openalex.org/W1\", \"display_name\": \"T\", ", "not a JSON work")]
    [InlineData("{\"display_name\": \"No id\"}", "$.id is missing")]
    [InlineData("{\"id\": \"https://openalex.org/W1\"}", "$.display_name is missing")]
    [InlineData("{\"id\": \"W1\", \"display_name\": \"T\", \"publication_date\": \"2024-13-01\"}", "$.publication_date '2024-13-01'")]
    [InlineData("{\"id\": \"W1\", \"display_name\": \"T\", \"authorships\": [{\"author\": {}}]}", "$.authorships[0].author has neither")]
    [InlineData("{\"id\": \"W1\", \"display_name\": \"T\", \"topics\": [{\"id\": \"T1\", \"display_name\": \"x\", \"score\": 1.5}]}", "$.topics[0].score 1.5")]
    [InlineData("{\"id\": \"W1\", \"display_name\": \"T\", \"cited_by_count\": \"many\"}", "at $.cited_by_count")]
    [InlineData("null", "JSON null")]
    [InlineData("{\"id\": \"W1\", \"display_name\": \"T\", \"abstract_inverted_index\": 5}", "at $.abstract_inverted_index: the abstract's index is a Number")]
    [InlineData("{\"id\": \"W1\", \"display_name\": \"T\", \"abstract_inverted_index\": {\"word\": [\"x\"]}}", "the position of 'word' in the abstract's index is not a whole number")]
    [InlineData("{\"id\": \"W1\", \"display_name\": \"T\", \"updated_date\": \"yesterday\"}", "$.updated_date 'yesterday'")]
    public async Task A_bad_line_is_returned_with_its_line_number_and_reason(string badLine, string expected)
    {
        var text = "{\"id\": \"https://openalex.org/W0\", \"display_name\": \"Fine\"}\n\n" + badLine + "\n";

        var lines = await ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(text)), "works.jsonl");

        Assert.Equal(2, lines.Count);
        Assert.Null(lines[0].Problem);
        Assert.Equal(3, lines[1].Line);
        Assert.Equal("works.jsonl:3", lines[1].Location);
        Assert.Null(lines[1].Work);
        Assert.Contains(expected, lines[1].Problem);
    }

    [Theory]
    [InlineData("{\"Sparse\": [0], \"graphs\": [1]}")]
    [InlineData("{\"IndexLength\": 2, \"InvertedIndex\": {\"Sparse\": [0], \"graphs\": [1]}}")]
    [InlineData("\"{\\\"IndexLength\\\": 2, \\\"InvertedIndex\\\": {\\\"Sparse\\\": [0], \\\"graphs\\\": [1]}}\"")]
    [InlineData("\"{\\\"Sparse\\\": [0], \\\"graphs\\\": [1]}\"")]
    public void Every_form_of_the_inverted_index_reads_as_the_same_index(string index)
    {
        var line = OpenAlexWorkReader.Parse("works.jsonl", 1, $"{{\"id\": \"W1\", \"display_name\": \"T\", \"abstract_inverted_index\": {index}}}");

        Assert.Null(line.Problem);
        Assert.Equal("Sparse graphs", AbstractText.FromInvertedIndex(line.Work!.AbstractInvertedIndex));
    }

    [Fact]
    public void The_abstract_is_rebuilt_in_position_order()
    {
        var index = new Dictionary<string, int[]> { ["graphs"] = [1, 4], ["Sparse"] = [0], ["are"] = [2], ["sparse"] = [3] };

        Assert.Equal("Sparse graphs are sparse graphs", AbstractText.FromInvertedIndex(index));
        Assert.Null(AbstractText.FromInvertedIndex(new Dictionary<string, int[]>()));
        Assert.Null(AbstractText.FromInvertedIndex(null));
    }

    [Theory]
    [InlineData("https://openalex.org/W2741809807", "W2741809807")]
    [InlineData("W2741809807", "W2741809807")]
    [InlineData("https://openalex.org/fields/17", "fields/17")]
    [InlineData("  ", null)]
    public void OpenAlex_ids_lose_their_url(string given, string? expected) => Assert.Equal(expected, ExternalIds.OpenAlex(given));

    [Theory]
    [InlineData("https://doi.org/10.5555/FIXTURE.4", "10.5555/fixture.4")]
    [InlineData("doi:10.1/ABC", "10.1/abc")]
    [InlineData("10.1/x", "10.1/x")]
    public void Dois_are_bare_and_lower_case(string given, string expected) => Assert.Equal(expected, ExternalIds.Doi(given));

    [Fact]
    public void Orcid_and_ror_lose_their_url()
    {
        Assert.Equal("0000-0000-0000-0001", ExternalIds.Orcid("https://orcid.org/0000-0000-0000-0001"));
        Assert.Equal("0example1", ExternalIds.Ror("https://ror.org/0example1"));
    }

    private static async Task<List<OpenAlexWorkLine>> ReadAll(Stream stream, string name)
    {
        var lines = new List<OpenAlexWorkLine>();
        await foreach (var line in OpenAlexWorkReader.ReadAsync(stream, name, ownsStream: true))
            lines.Add(line);
        return lines;
    }
}
