using Newtonsoft.Json.Linq;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Tests.Lsp.EndToEnd;

/// <summary>
/// The workspace features through the built server: a copy of Fixtures/workspace (three lists, one nested) plus, made
/// here, a list under node_modules, a symbolic link to a folder outside the workspace, and a link loop. One list is
/// opened; the others are known only from disk.
/// </summary>
[TestFixture, NonParallelizable]
public class WorkspaceEndToEndTests
{
    private LspTestClient client = null!;
    private string root = null!;
    private string outside = null!;
    private string readingUri = null!;
    private string readingText = null!;
    private List<JObject> progress = null!;

    private string Uri(string relative) => new System.Uri(Path.Combine(root, relative)).AbsoluteUri;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        var temp = Path.Combine(Path.GetTempPath(), "paperlsp-ws-" + Guid.NewGuid().ToString("N"));
        root = Path.Combine(temp, "workspace");
        outside = Path.Combine(temp, "outside");
        CopyDirectory(Path.Combine(TestPaths.Fixtures, "workspace"), root);
        Directory.CreateDirectory(Path.Combine(root, "node_modules", "pkg"));
        File.WriteAllText(Path.Combine(root, "node_modules", "pkg", "ignored.papers"), "Hidden In Node ModulesIgnored Author\nNever indexed.\n");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "leak.papers"), "A Leaked List Outside The WorkspaceOutside Author\nMust not be read.\n");
        Directory.CreateSymbolicLink(Path.Combine(root, "link-out"), outside);
        Directory.CreateSymbolicLink(Path.Combine(root, "nested", "loop"), root);

        readingUri = Uri("reading.papers");
        readingText = File.ReadAllText(Path.Combine(root, "reading.papers"));
        client = await LspTestClient.StartInitializedAsync(
            new { logLevel = "debug" },
            new
            {
                window = new { workDoneProgress = true },
                workspace = new { workspaceFolders = true, didChangeWatchedFiles = new { dynamicRegistration = true }, workspaceEdit = new { documentChanges = true } },
                textDocument = new { hover = new { contentFormat = new[] { "markdown", "plaintext" } } },
            },
            workspaceFolders: [new { uri = new System.Uri(root).AbsoluteUri, name = "workspace" }]);
        progress = await client.WaitForProgressEndAsync();
        await client.OpenAsync(readingUri, readingText);
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        await client.DisposeAsync();
        try { Directory.Delete(Path.GetDirectoryName(root)!, recursive: true); } catch (IOException) { }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static object At(string uri, int line, int character) => new { textDocument = new { uri }, position = new { line, character } };

    private (int Line, int Character) Find(string text, string needle, int offset = 0)
    {
        var at = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThanOrEqualTo(0), needle);
        at += offset;
        var before = text[..at];
        return (before.Count(c => c == '\n'), at - (before.LastIndexOf('\n') + 1));
    }

    [Test]
    public void Indexing_reports_progress_and_registers_the_file_watcher()
    {
        Assert.That(client.ServerRequests("window/workDoneProgress/create"), Is.Not.Empty);
        Assert.That(progress.Select(p => (string?)p["kind"]), Is.EqualTo(new[] { "begin" }.Concat(Enumerable.Repeat("report", progress.Count - 2)).Append("end")));
        Assert.That((string?)progress[^1]["message"], Is.EqualTo("3 lists, 10 entries"), "reading, archive and nested/2023/old; not node_modules, not through links");
        var registration = client.ServerRequests("client/registerCapability").Single()["params"]!["registrations"]![0]!;
        Assert.That((string?)registration["method"], Is.EqualTo("workspace/didChangeWatchedFiles"));
        Assert.That((string?)registration["registerOptions"]!["watchers"]![0]!["globPattern"], Is.EqualTo("**/*.papers"));
        var capabilities = client.InitializeResult!["capabilities"]!;
        Assert.That((bool?)capabilities["workspace"]!["workspaceFolders"]!["supported"], Is.True);
        Assert.That((bool?)capabilities["hoverProvider"], Is.True);
        Assert.That((bool?)capabilities["renameProvider"]!["prepareProvider"], Is.True);
        Assert.That((bool?)capabilities["completionProvider"]!["resolveProvider"], Is.True);
    }

    [Test]
    public async Task Hover_over_a_title_shows_the_abstract_author_counts_and_the_copy_in_another_list()
    {
        var (line, character) = Find(readingText, "Few-Shot Clinical");
        var hover = await client.CallAsync("textDocument/hover", At(readingUri, line, character));
        var value = (string)hover["contents"]!["value"]!;
        Assert.That((string?)hover["contents"]!["kind"], Is.EqualTo("markdown"));
        Assert.That(value, Does.Contain("A long\\-running goal").Or.Contain("A long-running goal"));
        Assert.That(value, Does.Contain("Monica Agrawal (2 papers)"));
        Assert.That(value, Does.Contain("cs.CL — Computation and Language"));
        Assert.That(value, Does.Contain("archive.papers:3"));
        Assert.That((int)hover["range"]!["start"]!["line"]!, Is.EqualTo(line));
    }

    [Test]
    public async Task Hover_over_an_author_counts_their_entries_in_every_list()
    {
        var (line, character) = Find(readingText, "Jacob Andreas et al.");
        var value = (string)(await client.CallAsync("textDocument/hover", At(readingUri, line, character + 2)))["contents"]!["value"]!;
        Assert.That(value, Does.StartWith("**Jacob Andreas**"));
        Assert.That(value, Does.Contain("4 papers in the workspace, in 3 lists."));
        Assert.That(value, Does.Contain("Often with: Ekin Akyürek (2)"));
    }

    [Test]
    public async Task Completion_offers_a_folded_match_ranked_by_co_authorship_with_an_exact_text_edit()
    {
        // A new entry being typed at the end of the open list: "…ModelsEkin Akyürek, Y" — Yoon Kim wrote with Ekin.
        var text = readingText + "A New Paper On ReasoningEkin Akyürek, Y\nAbstract.\n";
        await client.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri = readingUri, version = 2 },
            contentChanges = new[] { new { text } },
        });
        try
        {
            var (line, character) = Find(text, "Akyürek, Y\n", "Akyürek, Y".Length);
            var list = await client.CallAsync("textDocument/completion", At(readingUri, line, character));
            var items = (JArray)list["items"]!;
            Assert.That((bool)list["isIncomplete"]!, Is.True);
            Assert.That((string?)items[0]["label"], Is.EqualTo("Yoon Kim"));
            Assert.That((string?)items[0]["detail"], Is.EqualTo("3 papers · with Ekin Akyürek"));
            Assert.That((string?)items[0]["filterText"], Is.EqualTo("Y"));
            var edit = items[0]["textEdit"]!;
            Assert.That((string?)edit["newText"], Is.EqualTo("Yoon Kim"));
            Assert.That((int)edit["range"]!["start"]!["character"]!, Is.EqualTo(character - 1));
            Assert.That((int)edit["range"]!["end"]!["character"]!, Is.EqualTo(character));

            var resolved = await client.CallAsync("completionItem/resolve", items[0]);
            Assert.That((string)resolved["documentation"]!["value"]!, Does.Contain("Sparse Attention for Long Documents"));

            var folded = (JArray)(await client.CallAsync("textDocument/completion", At(readingUri, line, character)))["items"]!;
            Assert.That(folded.Select(i => (string?)i["label"]), Does.Contain("Yejin Choi"));
        }
        finally
        {
            await client.NotifyAsync("textDocument/didChange", new { textDocument = new { uri = readingUri, version = 3 }, contentChanges = new[] { new { text = readingText } } });
        }
    }

    [Test]
    public async Task References_of_an_author_include_entries_of_lists_never_opened()
    {
        var (line, character) = Find(readingText, "Łukasz Kaiser");
        var locations = (JArray)await client.CallAsync("textDocument/references", new
        {
            textDocument = new { uri = readingUri }, position = new { line, character = character + 1 }, context = new { includeDeclaration = true },
        });
        var uris = locations.Select(l => (string)l["uri"]!).ToList();
        Assert.That(uris, Is.EquivalentTo(new[] { readingUri, Uri("archive.papers") }));
        var archive = File.ReadAllLines(Path.Combine(root, "archive.papers"));
        var inArchive = locations.Single(l => (string)l["uri"]! == Uri("archive.papers"))["range"]!;
        var archiveLine = archive[(int)inArchive["start"]!["line"]!];
        Assert.That(archiveLine[(int)inArchive["start"]!["character"]!..(int)inArchive["end"]!["character"]!], Is.EqualTo("Łukasz Kaiser"));
    }

    [Test]
    public async Task Rename_edits_every_list_and_the_edits_apply_to_each_files_text()
    {
        var (line, character) = Find(readingText, "Jacob Andreas et al.");
        var prepare = await client.CallAsync("textDocument/prepareRename", At(readingUri, line, character + 1));
        Assert.That((string?)prepare["placeholder"], Is.EqualTo("Jacob Andreas"));
        var edit = await client.CallAsync("textDocument/rename", new { textDocument = new { uri = readingUri }, position = new { line, character = character + 1 }, newName = "Jacob D. Andreas" });
        var changes = (JArray)edit["documentChanges"]!;
        Assert.That(changes.Select(c => (string)c["textDocument"]!["uri"]!), Is.EquivalentTo(new[] { readingUri, Uri("archive.papers"), Uri("nested/2023/old.papers") }));
        Assert.That(changes.Single(c => (string)c["textDocument"]!["uri"]! == readingUri)["textDocument"]!["version"]!.Type, Is.EqualTo(JTokenType.Integer));
        Assert.That(changes.Single(c => (string)c["textDocument"]!["uri"]! == Uri("archive.papers"))["textDocument"]!["version"]!.Type, Is.EqualTo(JTokenType.Null));
        foreach (var change in changes)
        {
            var uri = (string)change["textDocument"]!["uri"]!;
            var text = uri == readingUri ? readingText : File.ReadAllText(new System.Uri(uri).LocalPath);
            var document = PaperDocument.Parse(text);
            foreach (var e in ((JArray)change["edits"]!).OrderByDescending(e => ((int)e["range"]!["start"]!["line"]!, (int)e["range"]!["start"]!["character"]!)))
                document = document.Apply(new TextChange(new TextRange(
                    new TextPosition((int)e["range"]!["start"]!["line"]!, (int)e["range"]!["start"]!["character"]!),
                    new TextPosition((int)e["range"]!["end"]!["line"]!, (int)e["range"]!["end"]!["character"]!)), (string)e["newText"]!));
            var renamed = document.GetText();
            Assert.That(renamed, Does.Not.Contain("Jacob Andreas"), uri);
            Assert.That(renamed.Replace("Jacob D. Andreas", "Jacob Andreas"), Is.EqualTo(text), uri);
        }

        var refused = await client.RequestAsync("textDocument/rename", new { textDocument = new { uri = readingUri }, position = new { line, character = character + 1 }, newName = "Andreas, Jacob" });
        Assert.That((string?)refused["error"]!["message"], Does.Contain("comma"));
        var (titleLine, titleCharacter) = Find(readingText, "LM vs LM");
        var elsewhere = await client.RequestAsync("textDocument/prepareRename", At(readingUri, titleLine, titleCharacter + 2));
        Assert.That((string?)elsewhere["error"]!["message"], Does.Contain("Only an author's name can be renamed"));
    }

    [Test]
    public async Task Workspace_symbols_search_titles_and_authors_in_every_list_but_not_outside_it()
    {
        var symbols = (JArray)await client.CallAsync("workspace/symbol", new { query = "structured attn" });
        Assert.That((string?)symbols[0]["name"], Is.EqualTo("Structured Attention Networks"));
        Assert.That((string?)symbols[0]["location"]!["uri"], Is.EqualTo(Uri("nested/2023/old.papers")));
        var author = (JArray)await client.CallAsync("workspace/symbol", new { query = "agaoglu" });
        Assert.That((string?)author[0]["name"], Is.EqualTo("Zoë Ağaoğlu"));
        Assert.That(((JArray)await client.CallAsync("workspace/symbol", new { query = "leaked list outside" })).Select(s => (string?)s["name"]), Does.Not.Contain("A Leaked List Outside The Workspace"), "the link out of the workspace is not followed");
        Assert.That(((JArray)await client.CallAsync("workspace/symbol", new { query = "hidden in node modules" })).Select(s => (string?)s["name"]), Does.Not.Contain("Hidden In Node Modules"));
    }

    [Test]
    public async Task Code_actions_sort_the_open_list_and_the_edit_applies()
    {
        var actions = (JArray)await client.CallAsync("textDocument/codeAction", new
        {
            textDocument = new { uri = readingUri },
            range = new { start = new { line = 2, character = 0 }, end = new { line = 2, character = 0 } },
            context = new { diagnostics = Array.Empty<object>(), only = new[] { "source" } },
        });
        var byScore = actions.Single(a => (string?)a["title"] == "Sort the list by score, highest first");
        Assert.That((string?)byScore["kind"], Is.EqualTo("source.sort.score"));
        var edits = (JArray)byScore["edit"]!["documentChanges"]![0]!["edits"]!;
        var document = PaperDocument.Parse(readingText);
        foreach (var e in edits.Reverse())
            document = document.Apply(new TextChange(new TextRange(
                new TextPosition((int)e["range"]!["start"]!["line"]!, (int)e["range"]!["start"]!["character"]!),
                new TextPosition((int)e["range"]!["end"]!["line"]!, (int)e["range"]!["end"]!["character"]!)), (string)e["newText"]!));
        Assert.That(document.Entries.Select(e => e.Metadata?.ScoreValue), Is.EqualTo(new double?[] { 29.4, 12.1, 8.3, null }));
        Assert.That(document.GetText().Split('\n').Order(), Is.EqualTo(readingText.Split('\n').Order()), "the same lines, reordered");
    }

    [Test]
    public async Task A_watched_file_created_then_deleted_enters_and_leaves_the_index()
    {
        var path = Path.Combine(root, "fresh.papers");
        File.WriteAllText(path, "Freshly Written Paper About QuokkasQuinn Quokka, Jacob Andreas\nA new list created while the server runs.\n");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri = Uri("fresh.papers"), type = 1 } } });
        await WaitForSymbol("quokkas", present: true);
        File.Delete(path);
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri = Uri("fresh.papers"), type = 3 } } });
        await WaitForSymbol("quokkas", present: false);
    }

    private async Task WaitForSymbol(string query, bool present)
    {
        var deadline = DateTime.UtcNow + LspTestClient.Timeout;
        while (DateTime.UtcNow < deadline)
        {
            var symbols = (JArray)await client.CallAsync("workspace/symbol", new { query });
            if (symbols.Any(s => ((string?)s["name"])!.Contains("Quokkas")) == present) return;
            await Task.Delay(50);
        }
        Assert.Fail($"'{query}' never became {(present ? "present" : "absent")}");
    }
}
