using Newtonsoft.Json.Linq;

namespace PaperLsp.Tests.Lsp.EndToEnd;

/// <summary>
/// A keystroke that leaves every finding's JSON as it was costs no list: pull answers "unchanged" with the same result
/// id, push sends nothing. One that changes a finding gets a full list with a new id. Over the built server.
/// </summary>
[TestFixture, NonParallelizable]
public class UnchangedDiagnosticsEndToEndTests
{
    private const string Uri = "file:///work/unchanged.papers";

    // Line 7 is the title of an entry without findings; lines 3 and 11 carry the same title (PL0301 on both).
    private static readonly string Text = TestDocuments.Sections;

    /// <summary>Types a character into "Deep Residual Learning": no finding's text or position moves.</summary>
    private static object QuietEdit(int version) => Change(version, 7, 4, "x");

    /// <summary>Types a character into the second "Attention Is All You Need": the duplicate is gone.</summary>
    private static object FindingEdit(int version) => Change(version, 11, 25, "s");

    [Test]
    public async Task Pull_after_an_edit_that_keeps_the_findings_is_unchanged_with_the_same_id()
    {
        await using var client = await LspTestClient.StartInitializedAsync(new { pushDiagnostics = false });
        await client.OpenAsync(Uri, Text);
        var first = await Pull(client, null);
        Assert.That((string?)first["kind"], Is.EqualTo("full"));
        Assert.That(first["items"]!.Count(item => ((string?)item["code"])?.StartsWith("PL030", StringComparison.Ordinal) == true), Is.EqualTo(2));
        var id = (string?)first["resultId"];

        await client.NotifyAsync("textDocument/didChange", QuietEdit(2));
        var quiet = await Pull(client, id);
        Assert.That((string?)quiet["kind"], Is.EqualTo("unchanged"));
        Assert.That((string?)quiet["resultId"], Is.EqualTo(id));
        Assert.That(quiet["items"], Is.Null);

        await client.NotifyAsync("textDocument/didChange", FindingEdit(3));
        var changed = await Pull(client, id);
        Assert.That((string?)changed["kind"], Is.EqualTo("full"));
        Assert.That((string?)changed["resultId"], Is.Not.EqualTo(id));
        Assert.That(changed["items"]!.Count(item => ((string?)item["code"])?.StartsWith("PL030", StringComparison.Ordinal) == true), Is.Zero);

        // The new id is the new list's: asking with it is unchanged again, asking with the old one is a full report.
        Assert.That((string?)(await Pull(client, (string?)changed["resultId"]))["kind"], Is.EqualTo("unchanged"));
        Assert.That((string?)(await Pull(client, id))["kind"], Is.EqualTo("full"));
    }

    [Test]
    public async Task Pull_ids_follow_the_findings_not_the_revision()
    {
        await using var client = await LspTestClient.StartInitializedAsync(new { pushDiagnostics = false });
        await client.OpenAsync(Uri, Text);
        var id = (string?)(await Pull(client, null))["resultId"];

        // Away and back: the findings of version 3 are those of version 1, so is the id.
        await client.NotifyAsync("textDocument/didChange", FindingEdit(2));
        var away = await Pull(client, id);
        await client.NotifyAsync("textDocument/didChange", Change(3, 11, 25, 26, ""));
        var back = await Pull(client, (string?)away["resultId"]);
        Assert.That((string?)back["kind"], Is.EqualTo("full"));
        Assert.That((string?)back["resultId"], Is.EqualTo(id));

        // A line inserted above the duplicates moves their ranges: a different list.
        await client.NotifyAsync("textDocument/didChange", Change(4, 2, 0, "\n"));
        var moved = await Pull(client, id);
        Assert.That((string?)moved["kind"], Is.EqualTo("full"));
        Assert.That(moved["items"]!.Where(item => ((string?)item["code"])?.StartsWith("PL030", StringComparison.Ordinal) == true).Select(item => (int)item["range"]!["start"]!["line"]!),
            Is.EqualTo(new[] { 4, 12 }));
    }

    [Test]
    public async Task Push_sends_nothing_for_an_edit_that_keeps_the_findings()
    {
        await using var client = await LspTestClient.StartInitializedAsync(new { pushDiagnostics = true });
        await client.OpenAsync(Uri, Text);
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == Uri && (int?)p["version"] == 1);

        // Each edit is followed by a pull: an exclusive request queued behind that version's analysis, so the
        // analysis has run (and published or not) before the pull's answer arrives.
        await client.NotifyAsync("textDocument/didChange", QuietEdit(2));
        await Pull(client, null);
        await client.NotifyAsync("textDocument/didChange", FindingEdit(3));
        await Pull(client, null);
        var latest = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == Uri && (int?)p["version"] == 3);
        Assert.That(latest["diagnostics"]!.Count(item => ((string?)item["code"])?.StartsWith("PL030", StringComparison.Ordinal) == true), Is.Zero);
        Assert.That(Published(client).Select(p => (int?)p["version"]), Is.EqualTo(new int?[] { 1, 3 }));
    }

    [Test]
    public async Task Close_and_reopen_publish_the_list_again()
    {
        await using var client = await LspTestClient.StartInitializedAsync(new { pushDiagnostics = true });
        await client.OpenAsync(Uri, Text);
        var opened = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == Uri && (int?)p["version"] == 1);

        await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = Uri } });
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == Uri && p["version"] is null);
        await client.OpenAsync(Uri, Text, version: 7);
        var reopened = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == Uri && (int?)p["version"] == 7);
        Assert.That(JToken.DeepEquals(reopened["diagnostics"], opened["diagnostics"]), Is.True);
        Assert.That(((JArray)reopened["diagnostics"]!).Count, Is.EqualTo(2));
    }

    private static List<JObject> Published(LspTestClient client) =>
        client.Notifications("textDocument/publishDiagnostics").Where(p => (string?)p["uri"] == Uri).ToList();

    private static async Task<JToken> Pull(LspTestClient client, string? previousResultId) =>
        await client.CallAsync("textDocument/diagnostic", new { textDocument = new { uri = Uri }, previousResultId });

    private static object Change(int version, int line, int character, string text) => Change(version, line, character, character, text);

    private static object Change(int version, int line, int start, int end, string text) => new
    {
        textDocument = new { uri = Uri, version },
        contentChanges = new[] { new { range = new { start = new { line, character = start }, end = new { line, character = end } }, text } },
    };
}
