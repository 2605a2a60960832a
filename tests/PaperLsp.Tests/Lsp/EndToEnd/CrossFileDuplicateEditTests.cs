using Newtonsoft.Json.Linq;

namespace PaperLsp.Tests.Lsp.EndToEnd;

/// <summary>
/// How cross-file duplicate findings follow changes, through the built server: an edit in the open list that breaks or
/// makes a copy re-publishes the unopened list; a list created on disk (file watcher) is reported against the open one;
/// lines moving above a copy move the line the other list's message names. Each test starts its own server.
/// </summary>
[TestFixture, NonParallelizable]
public class CrossFileDuplicateEditTests
{
    private string root = null!;
    private string Uri(string relative) => new System.Uri(Path.Combine(root, relative)).AbsoluteUri;

    private const string Paper =
        "Retrieval-Augmented Generation for Knowledge-Intensive NLP TasksPatrick Lewis, Ethan Perez, Aleksandra Piktus et al.\n" +
        "Large pre-trained language models have been shown to store factual knowledge in their parameters, and achieve state-of-the-art results when fine-tuned on downstream NLP tasks. However, their ability to access and precisely manipulate knowledge is still limited.\n";
    private const string Other =
        "Dense Passage Retrieval for Open-Domain Question AnsweringVladimir Karpukhin, Barlas Oğuz, Sewon Min et al.\n" +
        "Open-domain question answering relies on efficient passage retrieval to select candidate contexts, where traditional sparse vector space models are the de facto method.\n";

    [SetUp]
    public void MakeWorkspace()
    {
        root = Path.Combine(Path.GetTempPath(), "paperlsp-xdup-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "open.papers"), Other + Paper);
        File.WriteAllText(Path.Combine(root, "shelf.papers"), Paper);
    }

    [TearDown]
    public void RemoveWorkspace()
    {
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }

    private async Task<LspTestClient> StartAsync()
    {
        var client = await LspTestClient.StartInitializedAsync(null,
            new { window = new { workDoneProgress = true }, workspace = new { workspaceFolders = true, didChangeWatchedFiles = new { dynamicRegistration = true } } },
            workspaceFolders: [new { uri = new System.Uri(root).AbsoluteUri, name = "xdup" }]);
        await client.WaitForProgressEndAsync();
        await client.OpenAsync(Uri("open.papers"), File.ReadAllText(Path.Combine(root, "open.papers")));
        return client;
    }

    private static Task<JObject> Published(LspTestClient client, string uri, Func<JArray, bool> predicate, int after = 0) =>
        client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == uri && predicate((JArray)p["diagnostics"]!)
            && client.Notifications("textDocument/publishDiagnostics").IndexOf(p) >= after);

    private static bool Duplicates(JArray diagnostics) => diagnostics.Any(d => ((string?)d["code"])?.StartsWith("PL030", StringComparison.Ordinal) == true);

    private static int Count(LspTestClient client) => client.Notifications("textDocument/publishDiagnostics").Count;

    [Test]
    public async Task Deleting_the_copy_in_the_open_list_clears_the_unopened_list_and_pasting_it_back_reports_it_again()
    {
        await using var client = await StartAsync();
        var shelf = Uri("shelf.papers");
        await Published(client, shelf, Duplicates);

        // Delete the open copy: the shelf's finding must go.
        var before = Count(client);
        await client.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri = Uri("open.papers"), version = 2 },
            contentChanges = new object[] { new { range = new { start = new { line = 2, character = 0 }, end = new { line = 4, character = 0 } }, text = "" } },
        });
        var cleared = await Published(client, shelf, d => !Duplicates(d), before);
        Assert.That(cleared["diagnostics"]!, Is.Empty);

        // Paste it back: reported again.
        before = Count(client);
        await client.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri = Uri("open.papers"), version = 3 },
            contentChanges = new object[] { new { range = new { start = new { line = 2, character = 0 }, end = new { line = 2, character = 0 } }, text = Paper } },
        });
        await Published(client, shelf, Duplicates, before);
    }

    [Test]
    public async Task Lines_moving_above_the_open_copy_move_the_line_the_unopened_list_names()
    {
        await using var client = await StartAsync();
        var shelf = Uri("shelf.papers");
        var first = await Published(client, shelf, Duplicates);
        Assert.That((string)first["diagnostics"]![0]!["message"]!, Does.Contain("open.papers:3"));
        var before = Count(client);
        await client.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri = Uri("open.papers"), version = 2 },
            contentChanges = new object[] { new { range = new { start = new { line = 0, character = 0 }, end = new { line = 0, character = 0 } }, text = "# Retrieval\n\n" } },
        });
        var moved = await Published(client, shelf, d => Duplicates(d) && ((string?)d[0]!["message"])!.Contains("open.papers:5"), before);
        Assert.That((int)moved["diagnostics"]![0]!["relatedInformation"]![0]!["location"]!["range"]!["start"]!["line"]!, Is.EqualTo(4));
    }

    [Test]
    public async Task A_list_created_on_disk_is_reported_against_the_open_list_and_deleting_it_clears_both()
    {
        await using var client = await StartAsync();
        var open = Uri("open.papers");
        File.WriteAllText(Path.Combine(root, "new.papers"), Other);
        var before = Count(client);
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri = Uri("new.papers"), type = 1 } } });
        var published = await Published(client, open, d => d.Any(x => ((string?)x["message"])?.Contains("new.papers:1") == true), before);
        Assert.That(published["diagnostics"]!.Count(d => ((string?)d["code"])?.StartsWith("PL030", StringComparison.Ordinal) == true), Is.EqualTo(2), "both papers of the open list have a copy now");
        await Published(client, Uri("new.papers"), Duplicates);

        File.Delete(Path.Combine(root, "new.papers"));
        before = Count(client);
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri = Uri("new.papers"), type = 3 } } });
        await Published(client, Uri("new.papers"), d => d.Count == 0, before);
        await Published(client, open, d => !d.Any(x => ((string?)x["message"])?.Contains("new.papers") == true), before);
    }
    /// <summary>Applies LSP text edits (non-overlapping, any order) to a text, as a client does.</summary>
    private static string ApplyEdits(string text, JArray edits)
    {
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++) if (text[i] == '\n') lineStarts.Add(i + 1);
        int Offset(JToken position) => Math.Min(text.Length, lineStarts[(int)position["line"]!] + (int)position["character"]!);
        foreach (var edit in edits.OrderByDescending(e => Offset(e["range"]!["start"]!)))
            text = text[..Offset(edit["range"]!["start"]!)] + (string)edit["newText"]! + text[Offset(edit["range"]!["end"]!)..];
        return text;
    }

    private static async Task<JArray> DuplicateActionsAsync(LspTestClient client, string uri, int line)
    {
        var published = await Published(client, uri, Duplicates);
        var diagnostics = new JArray(published["diagnostics"]!.Where(d => (int)d["range"]!["start"]!["line"]! == line));
        return (JArray)await client.CallAsync("textDocument/codeAction", new
        {
            textDocument = new { uri },
            range = new { start = new { line, character = 3 }, end = new { line, character = 3 } },
            context = new { diagnostics },
        });
    }

    [Test]
    public async Task Keep_the_most_complete_copy_removes_the_other_copies_in_every_list_in_one_edit()
    {
        // The shelf's copy has a metadata line, so it is the more complete one: the open list's copy goes.
        File.WriteAllText(Path.Combine(root, "shelf.papers"), "31.0CLMay 22, 2020\n" + Paper);
        await using var client = await StartAsync();
        var open = Uri("open.papers");
        var actions = await DuplicateActionsAsync(client, open, 2);
        var keep = actions.Single(a => ((string)a["title"]!).StartsWith("Keep", StringComparison.Ordinal));
        Assert.That((string)keep["title"]!, Does.Contain("shelf.papers:2"));
        Assert.That((string?)keep["kind"], Is.EqualTo("quickfix"));
        Assert.That((bool?)keep["isPreferred"], Is.True);
        Assert.That(keep["diagnostics"]!.Select(d => (string?)d["code"]), Has.Some.StartsWith("PL030"));
        var changes = (JObject)keep["edit"]!["changes"]!;
        Assert.That(changes.Properties().Select(p => p.Name), Is.EqualTo(new[] { open }));
        Assert.That(ApplyEdits(Other + Paper, (JArray)changes[open]!), Is.EqualTo(Other));

        var remove = actions.Single(a => (string?)a["title"] == "Remove this copy");
        Assert.That(ApplyEdits(Other + Paper, (JArray)remove["edit"]!["changes"]![open]!), Is.EqualTo(Other));
    }

    [Test]
    public async Task Mark_as_not_a_duplicate_writes_the_pairwise_directive_and_both_lists_stop_reporting_the_pair()
    {
        await using var client = await StartAsync();
        var open = Uri("open.papers");
        var shelf = Uri("shelf.papers");
        var actions = await DuplicateActionsAsync(client, open, 2);
        var mark = actions.Single(a => ((string)a["title"]!).StartsWith("Mark as not a duplicate", StringComparison.Ordinal));
        var edits = (JArray)mark["edit"]!["changes"]![open]!;
        var text = ApplyEdits(Other + Paper, edits);
        var directive = text.Split('\n')[2];
        Assert.That(directive, Does.StartWith("// paperlsp-not-duplicate "));
        Assert.That(text.Replace(directive + "\n", ""), Is.EqualTo(Other + Paper), "only the directive line is added");

        var before = Count(client);
        await client.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri = open, version = 2 },
            contentChanges = new object[] { new { text } },
        });
        await Published(client, shelf, d => d.Count == 0, before);
        var after = await Published(client, open, d => !Duplicates(d), before);
        Assert.That(after["diagnostics"]!.Select(d => (string?)d["code"]), Is.Empty, "the directive is understood, not an unknown directive");
    }
}
