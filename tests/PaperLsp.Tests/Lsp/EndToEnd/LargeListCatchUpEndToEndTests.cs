using Newtonsoft.Json.Linq;
using PaperLsp.Generator;
using PaperLsp.Lsp.Session;

namespace PaperLsp.Tests.Lsp.EndToEnd;

/// <summary>
/// A list of <see cref="WorkspaceSession.DeferRelationsFrom"/> entries or more is published first with its parser's
/// findings, and its duplicates follow once the relations take it in, off the didOpen path. Edits meanwhile are not
/// held up by that and not lost to it: the list they leave is what ends up published, duplicates included. Over the
/// built server.
/// </summary>
[TestFixture, NonParallelizable]
public class LargeListCatchUpEndToEndTests
{
    private const string Uri = "file:///work/large.papers";

    private const string Copy = "OpenNMT: Open-Source Toolkit for Neural Machine TranslationGuillaume Klein, Yoon Kim, Yuntian Deng\n" +
        "We describe an open-source toolkit for neural machine translation that supports research and production.\n\n";

    /// <summary>The same entry first and last, around a generated list large enough to be deferred.</summary>
    private static string Text() =>
        Copy + SyntheticList.Generate(WorkspaceSession.DeferRelationsFrom + 200, 20261202, new SyntheticOptions(DuplicateRate: 0, HardCaseRate: 0)).TrimEnd('\n') + "\n\n" + Copy;

    private static IEnumerable<string> DuplicateCodes(JObject publication) =>
        publication["diagnostics"]!.Select(d => (string)d["code"]!).Where(code => code.StartsWith("PL030", StringComparison.Ordinal));

    [Test]
    public async Task The_first_diagnostics_come_without_duplicates_and_the_duplicates_follow()
    {
        await using var client = await LspTestClient.StartInitializedAsync(new { pushDiagnostics = true });
        await client.OpenAsync(Uri, Text());
        var first = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (string?)n["uri"] == Uri, TimeSpan.FromSeconds(60));
        Assert.That(DuplicateCodes(first), Is.Empty, "the first publication is the parser's findings only");
        var later = await client.WaitForNotificationAsync("textDocument/publishDiagnostics",
            n => (string?)n["uri"] == Uri && DuplicateCodes(n).Any(), TimeSpan.FromSeconds(60));
        Assert.That(DuplicateCodes(later), Is.EqualTo(new[] { "PL0302", "PL0302" }), "the copy first and last, once the relations have the list");
    }

    [Test]
    public async Task A_pulling_client_is_asked_to_pull_again_and_then_gets_the_duplicates()
    {
        await using var client = await LspTestClient.StartInitializedAsync(new { pushDiagnostics = false },
            new { workspace = new { diagnostics = new { refreshSupport = true } } });
        await client.OpenAsync(Uri, Text());
        var first = await client.CallAsync("textDocument/diagnostic", new { textDocument = new { uri = Uri } });
        Assert.That(first["items"]!.Select(d => (string)d["code"]!), Has.None.StartWith("PL030"), "the first report is the parser's findings only");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (client.ServerRequests("workspace/diagnostic/refresh").Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.That(client.ServerRequests("workspace/diagnostic/refresh"), Is.Not.Empty, "asked to pull again once the duplicates are known");
        var again = await client.CallAsync("textDocument/diagnostic", new { textDocument = new { uri = Uri }, previousResultId = (string?)first["resultId"] });
        Assert.That((string?)again["kind"], Is.EqualTo("full"));
        Assert.That(again["items"]!.Select(d => (string)d["code"]!).Where(code => code == "PL0302"), Has.Exactly(2).Items);
    }

    [Test]
    public async Task Edits_right_after_the_open_end_in_the_list_they_leave_duplicates_included()
    {
        await using var client = await LspTestClient.StartInitializedAsync(new { pushDiagnostics = true });
        var text = Text();
        await client.OpenAsync(Uri, text);
        // At once, before the relations can have taken the list in: make the first copy another paper, then type into
        // the last one so that it is again an exact copy of the first.
        var lastLine = text.Split('\n').Length - 4;
        await client.NotifyAsync("textDocument/didChange", Change(2, 0, 0, "Revisited "));
        await client.NotifyAsync("textDocument/didChange", Change(3, lastLine, 0, "Revisited "));
        var settled = await client.WaitForNotificationAsync("textDocument/publishDiagnostics",
            n => (string?)n["uri"] == Uri && (int?)n["version"] == 3 && DuplicateCodes(n).Count() == 2, TimeSpan.FromSeconds(60));
        var lines = settled["diagnostics"]!.Where(d => ((string)d["code"]!).StartsWith("PL030", StringComparison.Ordinal))
            .Select(d => (int)d["range"]!["start"]!["line"]!).ToList();
        Assert.That(lines, Is.EqualTo(new[] { 0, lastLine }));
        // And the hover of the first copy, which reads the relations, names the other one.
        var hover = await client.CallAsync("textDocument/hover", new { textDocument = new { uri = Uri }, position = new { line = 0, character = 12 } });
        Assert.That((string?)hover["contents"]!["value"], Does.Contain($"{lastLine + 1}"));
    }

    [Test]
    public async Task A_second_large_list_opened_while_the_first_is_taken_in_gets_the_copies_between_them()
    {
        await using var client = await LspTestClient.StartInitializedAsync(new { pushDiagnostics = true });
        const string other = "file:///work/other.papers";
        var text = Text();
        // The second list: generated entries of another seed, then the copy that is also first and last in the first.
        var second = SyntheticList.Generate(WorkspaceSession.DeferRelationsFrom + 100, 7, new SyntheticOptions(DuplicateRate: 0, HardCaseRate: 0)).TrimEnd('\n') + "\n\n" + Copy;
        await client.OpenAsync(Uri, text);
        await client.OpenAsync(other, second);
        await client.NotifyAsync("textDocument/didChange", Change(2, 0, 0, "Revisited "));
        var otherLine = second.Split('\n').Length - 4;
        // (Two generated lists also share a few titles by chance: possible duplicates, PL0303, not counted here.)
        var inOther = await client.WaitForNotificationAsync("textDocument/publishDiagnostics",
            n => (string?)n["uri"] == other && DuplicateCodes(n).Contains("PL0302"), TimeSpan.FromSeconds(90));
        var finding = inOther["diagnostics"]!.Single(d => (string?)d["code"] == "PL0302");
        Assert.That((int)finding["range"]!["start"]!["line"]!, Is.EqualTo(otherLine));
        // The first copy in the first list was retitled by the edit: only the last one is the other list's copy.
        Assert.That((string?)finding["message"], Does.Contain($"large.papers:{text.Split('\n').Length - 3}").And.Not.Contain("large.papers:1 "));
        var inFirst = await client.WaitForNotificationAsync("textDocument/publishDiagnostics",
            n => (string?)n["uri"] == Uri && (int?)n["version"] == 2 && DuplicateCodes(n).Contains("PL0302"), TimeSpan.FromSeconds(90));
        Assert.That(DuplicateCodes(inFirst).Where(code => code != "PL0303"), Is.EqualTo(new[] { "PL0302" }), "the last copy, now an exact copy of the other list's");
    }

    private static object Change(int version, int line, int character, string text) => new
    {
        textDocument = new { uri = Uri, version },
        contentChanges = new[] { new { range = new { start = new { line, character }, end = new { line, character } }, text } },
    };
}
