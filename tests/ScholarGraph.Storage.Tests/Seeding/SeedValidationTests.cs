using System.Text;
using ScholarGraph.Storage.Seeding;

namespace ScholarGraph.Storage.Tests.Seeding;

/// <summary>Bad seed files stop the load with a message naming the file, the JSON path and the reason.</summary>
public sealed class SeedValidationTests
{
    private const string Valid = """
        {
          "source": { "id": "test" },
          "institutions": [ { "id": "inst", "name": "Institute" } ],
          "topics": [ { "id": "graphs", "name": "Graphs", "keywords": ["graph"] } ],
          "authors": [ { "id": "ada", "name": "Ada" }, { "id": "bob", "name": "Bob" } ],
          "papers": [
            { "id": "p1", "title": "A graph paper", "authors": [ { "author": "ada", "position": 1 }, { "author": "bob", "position": 2 } ],
              "topics": [ { "topic": "graphs" } ], "institutions": ["inst"] }
          ]
        }
        """;

    private static SeedValidationException Fails(params (string Name, string Json)[] files)
    {
        var streams = files.Select(f => (f.Name, (Stream)new MemoryStream(Encoding.UTF8.GetBytes(f.Json))));
        return Assert.Throws<SeedValidationException>(() => SeedReader.Read(streams));
    }

    [Fact]
    public void A_valid_document_reads()
    {
        var graph = SeedReader.Read([("a.json", new MemoryStream(Encoding.UTF8.GetBytes(Valid)))]);
        Assert.Equal(2, graph.Authorships.Count);
        Assert.Equal(1.0, Assert.Single(graph.PaperTopics).Score);
    }

    [Fact]
    public void A_paper_names_its_venue_and_a_venue_of_another_file()
    {
        const string Venues = """{ "source": { "id": "venues" }, "venues": [ { "id": "jgt", "name": "Journal of Graph Theory", "issnL": "0364-9024", "type": "journal" } ] }""";
        var graph = SeedReader.Read([
            ("a.json", new MemoryStream(Encoding.UTF8.GetBytes(Valid.Replace("\"title\": \"A graph paper\",", "\"title\": \"A graph paper\", \"venue\": \"jgt\",")))),
            ("b.json", new MemoryStream(Encoding.UTF8.GetBytes(Venues)))]);
        var venue = Assert.Single(graph.Venues);
        Assert.Equal(("jgt", "Journal of Graph Theory", "0364-9024", "journal"), (venue.Id, venue.Name, venue.IssnL, venue.Type));
        Assert.Equal("jgt", Assert.Single(graph.Papers).VenueId);
    }

    [Fact]
    public void An_unknown_venue_and_a_venue_without_a_name_are_named()
    {
        var error = Fails(("a.json", Valid
            .Replace("\"title\": \"A graph paper\",", "\"title\": \"A graph paper\", \"venue\": \"nowhere\",")
            .Replace("\"authors\": [ { \"id\": \"ada\"", "\"venues\": [ { \"id\": \"blank\", \"name\": \" \" } ], \"authors\": [ { \"id\": \"ada\"")));
        Assert.Equal(["$.papers[0].venue", "$.venues[0].name"], error.Problems.Select(p => p.JsonPath).Order());
        Assert.Contains("unknown venue id 'nowhere'", error.Problems.Single(p => p.JsonPath == "$.papers[0].venue").Reason);
    }

    [Fact]
    public void Malformed_json_names_the_file_line_and_path()
    {
        var error = Fails(("broken.json", Valid.Replace("\"title\": \"A graph paper\",", "\"title\": \"A graph paper\" ")));
        var problem = Assert.Single(error.Problems);
        Assert.Equal("broken.json", problem.File);
        Assert.Equal("$.papers[0]", problem.JsonPath);
        Assert.Contains("line 7", problem.Reason);
        Assert.Contains("broken.json at $.papers[0]:", error.Message);
    }

    [Fact]
    public void A_country_code_that_is_not_two_letters_is_refused_as_the_mutations_refuse_it()
    {
        var problem = Assert.Single(Fails(("a.json", Valid.Replace("\"name\": \"Institute\"", "\"name\": \"Institute\", \"countryCode\": \"USA\""))).Problems);
        Assert.Equal(("a.json", "$.institutions[0].countryCode"), (problem.File, problem.JsonPath));
        Assert.Equal("must be two letters (ISO 3166-1 alpha-2), not 'USA'", problem.Reason);
    }

    [Fact]
    public void A_missing_required_member_is_named()
    {
        var problem = Assert.Single(Fails(("a.json", Valid.Replace("\"name\": \"Ada\"", "\"nom\": \"Ada\""))).Problems);
        Assert.Equal("$.authors[0].nom", problem.JsonPath);
        Assert.Contains("nom", problem.Reason);
    }

    [Fact]
    public void An_unknown_reference_names_the_path_and_the_id()
    {
        var problem = Assert.Single(Fails(("a.json", Valid.Replace("{ \"author\": \"bob\"", "{ \"author\": \"carol\""))).Problems);
        Assert.Equal(("a.json", "$.papers[0].authors[1].author"), (problem.File, problem.JsonPath));
        Assert.Contains("unknown author id 'carol'", problem.Reason);
    }

    [Fact]
    public void A_duplicate_id_across_files_names_both_places()
    {
        const string Other = """{ "source": { "id": "other" }, "authors": [ { "id": "ada", "name": "Ada Again" } ] }""";
        var problem = Assert.Single(Fails(("a.json", Valid), ("b.json", Other)).Problems);
        Assert.Equal(("b.json", "$.authors[0].id"), (problem.File, problem.JsonPath));
        Assert.Contains("duplicate author id 'ada' (first declared in a.json at $.authors[0])", problem.Reason);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var json = Valid
            .Replace("\"position\": 2", "\"position\": 1")
            .Replace("\"institutions\": [\"inst\"]", "\"institutions\": [\"nowhere\"], \"cites\": [\"p1\"], \"codeUrl\": \"ftp:x\"");
        var paths = Fails(("a.json", json)).Problems.Select(p => p.JsonPath).ToList();
        Assert.Equal(["$.papers[0].codeUrl", "$.papers[0].authors[1].position", "$.papers[0].institutions[0]", "$.papers[0].cites[0]"], paths);
    }

    [Fact]
    public void Every_malformed_item_is_reported_at_once_in_plain_words_with_its_line_in_the_file()
    {
        var json = Valid
            .Replace("\"name\": \"Institute\"", "\"nme\": \"Institute\"")
            .Replace("{ \"id\": \"bob\", \"name\": \"Bob\" }", "{ \"id\": \"bob\" }")
            .Replace("\"title\": \"A graph paper\",", "\"title\": \"A graph paper\", \"date\": \"2025-13-45\",");
        var problems = Fails(("a.json", json)).Problems.Select(p => (p.JsonPath, p.Reason)).ToList();
        Assert.Equal([
            ("$.institutions[0].nme", "'nme' is not a member of an institution; an institution has id, name, ror, openAlexId, countryCode (line 3)"),
            ("$.authors[1]", "an author needs 'name', which is missing (line 5)"),
            ("$.papers[0].date", "\"2025-13-45\" is not a date written YYYY-MM-DD (line 7)"),
        ], problems);
        Assert.DoesNotContain(problems, p => p.Reason.Contains("System.", StringComparison.Ordinal) || p.Reason.Contains("ScholarGraph.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reference_to_an_item_that_could_not_be_read_adds_no_problem_of_its_own()
    {
        // Bob has a member the format lacks; the paper's reference to him is not reported as unknown on top.
        var problem = Assert.Single(Fails(("a.json", Valid.Replace("{ \"id\": \"bob\", \"name\": \"Bob\" }", "{ \"id\": \"bob\", \"name\": \"Bob\", \"age\": 40 }"))).Problems);
        Assert.Equal("$.authors[1].age", problem.JsonPath);
    }

    [Fact]
    public void A_topic_without_score_or_keyword_evidence_is_refused()
    {
        var problem = Assert.Single(Fails(("a.json", Valid.Replace("\"keywords\": [\"graph\"]", "\"keywords\": [\"lattice\"]"))).Problems);
        Assert.Equal("$.papers[0].topics[0].topic", problem.JsonPath);
        Assert.Contains("none of its keywords occurs", problem.Reason);
    }

    [Fact]
    public void An_inferred_year_must_match_the_page_year()
    {
        var json = Valid.Replace("\"source\": { \"id\": \"test\" }", "\"source\": { \"id\": \"test\", \"pageYear\": 2026 }")
            .Replace("\"title\": \"A graph paper\",", "\"title\": \"A graph paper\", \"date\": \"2025-02-24\", \"dateYearInferred\": true,");
        var problem = Assert.Single(Fails(("a.json", json)).Problems);
        Assert.Equal("$.papers[0].date", problem.JsonPath);
    }

    [Fact]
    public void A_missing_seed_folder_is_named()
    {
        var error = Assert.Throws<SeedValidationException>(() => SeedReader.ReadDirectory("/no/such/folder"));
        Assert.Contains("/no/such/folder", error.Message);
    }
}
