using Newtonsoft.Json.Linq;

namespace PaperLsp.Tests.Lsp.EndToEnd;

/// <summary>
/// Copies and related papers across lists, through the built server over stdio: a copy of Fixtures/relations (three
/// lists). reading.papers is opened; archive.papers holds a copy of its first paper (another casing, an abstract cut
/// short with "…") and is never opened; topics.papers holds a paper on the same subject by other people.
/// </summary>
[TestFixture, NonParallelizable]
public class PaperRelationsEndToEndTests
{
    private LspTestClient client = null!;
    private string root = null!;
    private string readingUri = null!;
    private string archiveUri = null!;
    private string readingText = null!;
    private string archiveText = null!;

    private string Uri(string relative) => new System.Uri(Path.Combine(root, relative)).AbsoluteUri;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        root = Path.Combine(Path.GetTempPath(), "paperlsp-relations-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.Fixtures, "relations")))
            File.Copy(file, Path.Combine(root, Path.GetFileName(file)));
        readingUri = Uri("reading.papers");
        archiveUri = Uri("archive.papers");
        readingText = File.ReadAllText(Path.Combine(root, "reading.papers"));
        archiveText = File.ReadAllText(Path.Combine(root, "archive.papers"));
        client = await LspTestClient.StartInitializedAsync(
            new { logLevel = "debug" },
            new
            {
                window = new { workDoneProgress = true },
                workspace = new { workspaceFolders = true, didChangeWatchedFiles = new { dynamicRegistration = true }, workspaceEdit = new { documentChanges = true } },
            },
            workspaceFolders: [new { uri = new System.Uri(root).AbsoluteUri, name = "relations" }]);
        await client.WaitForProgressEndAsync();
        await client.OpenAsync(readingUri, readingText);
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        await client.DisposeAsync();
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }

    private static object At(string uri, int line, int character) => new { textDocument = new { uri }, position = new { line, character } };

    private static (int Line, int Character) Find(string text, string needle)
    {
        var at = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThanOrEqualTo(0), needle);
        var before = text[..at];
        return (before.Count(c => c == '\n'), at - (before.LastIndexOf('\n') + 1));
    }

    private static bool HasCode(JObject publication, string codePrefix) =>
        publication["diagnostics"]!.Any(d => ((string?)d["code"])?.StartsWith(codePrefix, StringComparison.Ordinal) == true);

    [Test]
    public async Task A_list_that_was_never_opened_gets_its_copy_reported_naming_the_open_list()
    {
        var published = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == archiveUri && HasCode(p, "PL030"));
        var finding = published["diagnostics"]!.Single(d => ((string)d["code"]!).StartsWith("PL030", StringComparison.Ordinal));
        Assert.That((string?)finding["code"], Is.EqualTo("PL0301"), "another casing and a shortened abstract: the same paper, not an exact copy");
        Assert.That((int)finding["range"]!["start"]!["line"]!, Is.EqualTo(Find(archiveText, "Large Language Models Are").Line));
        Assert.That((string)finding["message"]!, Does.Contain("reading.papers:3"), "the other copy's file and line are in the text too");
        var related = finding["relatedInformation"]!.Single();
        Assert.That((string?)related["location"]!["uri"], Is.EqualTo(readingUri));
        Assert.That((int)related["location"]!["range"]!["start"]!["line"]!, Is.EqualTo(2));
        Assert.That(published["version"], Is.Null, "a list that is not open has no version of the client's");
        Assert.That(published["diagnostics"]!.Count(), Is.EqualTo(1), "a closed list gets its duplicate findings only");
    }

    [Test]
    public async Task The_open_list_reports_its_copy_in_the_unopened_list()
    {
        var published = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == readingUri && HasCode(p, "PL0301"));
        var finding = published["diagnostics"]!.Single(d => (string?)d["code"] == "PL0301");
        Assert.That((int)finding["range"]!["start"]!["line"]!, Is.EqualTo(2));
        Assert.That((string)finding["message"]!, Does.Contain("archive.papers:4"));
        Assert.That((string?)finding["relatedInformation"]![0]!["location"]!["uri"], Is.EqualTo(archiveUri));
    }

    [Test]
    public async Task Definition_on_a_title_goes_to_the_other_copy_and_references_list_both()
    {
        var (line, character) = Find(readingText, "Few-Shot Clinical");
        var definitions = (JArray)await client.CallAsync("textDocument/definition", At(readingUri, line, character));
        Assert.That(definitions.Select(d => ((string?)d["uri"], (int)d["range"]!["start"]!["line"]!)), Is.EqualTo(new[] { (archiveUri, 3) }));

        var references = (JArray)await client.CallAsync("textDocument/references",
            new { textDocument = new { uri = readingUri }, position = new { line, character }, context = new { includeDeclaration = true } });
        Assert.That(references.Select(d => ((string?)d["uri"], (int)d["range"]!["start"]!["line"]!)), Is.EquivalentTo(new[] { (readingUri, 2), (archiveUri, 3) }));

        var (otherLine, otherCharacter) = Find(readingText, "Co-training");
        Assert.That((JArray)await client.CallAsync("textDocument/definition", At(readingUri, otherLine, otherCharacter)), Is.Empty, "a paper listed once has no other copy");
    }

    [Test]
    public async Task Related_papers_rank_shared_authors_and_topic_with_reasons_and_leave_out_copies()
    {
        var (line, character) = Find(readingText, "Few-Shot Clinical");
        var related = (JArray)await client.CallAsync("paperlist/relatedPapers", new { textDocument = new { uri = readingUri }, position = new { line, character }, limit = 10 });
        var titles = related.Select(r => (string)r["title"]!).ToList();
        Assert.That(titles, Does.Contain("Co-training Improves Prompt-based Learning for Large Language Models"));
        Assert.That(titles, Does.Contain("Clinical Notes as a Benchmark for Information Extraction with Language Models"));
        Assert.That(titles, Does.Not.Contain("Large Language Models Are Few-Shot Clinical Information Extractors"), "a copy is a duplicate, not a related paper");
        Assert.That(titles, Does.Not.Contain("Fast Parallel Sorting on Graphics Processors"));
        var coTraining = related.First(r => ((string)r["title"]!).StartsWith("Co-training", StringComparison.Ordinal));
        Assert.That(coTraining["reasons"]!.Select(r => (string)r!), Has.Some.Contains("Hunter Lang"));
        Assert.That(coTraining["authors"]!.Select(a => (string)a!), Does.Contain("David Sontag"));
        Assert.That((string?)coTraining["uri"], Is.EqualTo(readingUri));
        Assert.That((int)coTraining["range"]!["start"]!["line"]!, Is.EqualTo(5));
        var scores = related.Select(r => (double)r["score"]!).ToList();
        Assert.That(scores, Is.Ordered.Descending);

        var implementations = (JArray)await client.CallAsync("textDocument/implementation", At(readingUri, line, character));
        Assert.That(implementations.Select(l => ((string?)l["uri"], (int)l["range"]!["start"]!["line"]!)),
            Is.EqualTo(related.Select(r => ((string?)r["uri"], (int)r["range"]!["start"]!["line"]!))), "implementation is the same list as locations");
    }

    [Test]
    public async Task Related_papers_refuse_a_limit_out_of_range()
    {
        var response = await client.RequestAsync("paperlist/relatedPapers", new { textDocument = new { uri = readingUri }, position = new { line = 2, character = 0 }, limit = 0 });
        Assert.That((int?)response["error"]?["code"], Is.EqualTo(-32602));
    }

    [Test]
    public async Task A_code_lens_over_each_entry_resolves_to_counts_and_a_command_that_lists_related_papers()
    {
        var lenses = (JArray)await client.CallAsync("textDocument/codeLens", new { textDocument = new { uri = readingUri } });
        Assert.That(lenses.Select(l => (int)l["range"]!["start"]!["line"]!), Is.EqualTo(new[] { 2, 5 }));
        Assert.That(lenses.All(l => l["command"] is null), "resolved lazily");
        var resolved = (JObject)await client.CallAsync("codeLens/resolve", lenses[0]);
        var title = (string)resolved["command"]!["title"]!;
        Assert.That(title, Does.Match(@"^\d+ related · 1 copy · \d+ more by (Monica Agrawal|Hunter Lang)$"));
        Assert.That((string?)resolved["command"]!["command"], Is.EqualTo("paperlsp.relatedPapers"));

        var locations = (JArray)await client.CallAsync("workspace/executeCommand", new { command = "paperlsp.relatedPapers", arguments = resolved["command"]!["arguments"] });
        Assert.That(locations, Is.Not.Empty);
        Assert.That(locations.All(l => l["uri"] is not null && l["range"] is not null));
        var unknown = await client.RequestAsync("workspace/executeCommand", new { command = "paperlsp.nothing" });
        Assert.That((int?)unknown["error"]?["code"], Is.EqualTo(-32602));
    }

    [Test]
    public async Task Hover_over_a_title_lists_the_copy_and_related_papers_with_reasons()
    {
        var (line, character) = Find(readingText, "Few-Shot Clinical");
        var value = (string)(await client.CallAsync("textDocument/hover", At(readingUri, line, character)))["contents"]!["value"]!;
        Assert.That(value, Does.Contain("archive.papers:4"));
        Assert.That(value, Does.Contain("same paper"));
        Assert.That(value, Does.Contain("Related papers"));
        Assert.That(value, Does.Contain("Co\\-training").Or.Contain("Co-training"));
    }
}
