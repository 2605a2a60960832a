using Newtonsoft.Json.Linq;
using PaperLsp.Lsp;
using PaperLsp.Lsp.Protocol;
using StreamJsonRpc;

namespace PaperLsp.Tests.Lsp;

/// <summary>The workspace handlers in process: conversion to LSP, client preferences, refusals, capabilities.</summary>
public class WorkspaceHandlerTests
{
    private const string Lists = """
        //- /a.papers
        One Paper On 𝔸lgebraEkin Akyürek, Jacob Andreas
        Abstract.
        //- /b.papers open
        Two 𝔸 PaperJacob Andreas, $0Ekin Akyürek
        Abstract.
        """;

    private static T Params<T>(object value) => JObject.FromObject(value).ToObject<T>()!;

    [Test]
    public void Every_registered_method_that_needs_a_capability_announces_it()
    {
        var harness = InProcessHarness.Start(Lists);
        var capabilities = harness.Initialized.Capabilities;
        Assert.That(capabilities.HoverProvider && capabilities.ReferencesProvider && capabilities.DocumentHighlightProvider && capabilities.WorkspaceSymbolProvider, Is.True);
        Assert.That(capabilities.CompletionProvider!.TriggerCharacters, Is.EqualTo(new[] { ",", "|", "·" }));
        Assert.That(capabilities.CodeActionProvider!.CodeActionKinds, Does.Contain("quickfix").And.Contain("source.sort.date"));
        Assert.That(capabilities.TextDocumentSync!.Change, Is.EqualTo(TextDocumentSyncKind.Incremental));
        Assert.That(capabilities.SemanticTokensProvider!.Full!.Delta, Is.True);
        Assert.That(capabilities.Workspace!.WorkspaceFolders!.ChangeNotifications, Is.True);
    }

    [Test]
    public void References_reach_the_disk_file_with_ranges_in_its_own_text()
    {
        var harness = InProcessHarness.Start(Lists);
        var locations = (JArray)harness.Json("textDocument/references", Params<ReferenceParams>(harness.At()))!;
        Assert.That(locations.Select(l => ((string)l["uri"]!, (int)l["range"]!["start"]!["character"]!)), Is.EquivalentTo(new[]
        {
            ("file:///ws/a.papers", "One Paper On 𝔸lgebra".Length),
            ("file:///ws/b.papers", "Two 𝔸 PaperJacob Andreas, ".Length),
        }));
    }

    [Test]
    public void A_client_that_takes_only_plain_text_gets_a_plain_hover()
    {
        var plain = new ClientCapabilities { TextDocument = new TextDocumentClientCapabilities { Hover = new HoverClientCapabilities { ContentFormat = ["plaintext"] } } };
        var harness = InProcessHarness.Start(Lists, plain);
        var hover = harness.Json("textDocument/hover", Params<HoverParams>(harness.At()))!;
        Assert.That((string?)hover["contents"]!["kind"], Is.EqualTo("plaintext"));
        Assert.That((string)hover["contents"]!["value"]!, Does.StartWith("Ekin Akyürek\n\n2 papers in the workspace, in 2 lists."));
        var markdown = InProcessHarness.Start(Lists);
        Assert.That((string?)markdown.Json("textDocument/hover", Params<HoverParams>(markdown.At()))!["contents"]!["value"], Does.StartWith("**Ekin Akyürek**"));
    }

    [Test]
    public void Rename_without_document_changes_support_sends_a_map_and_refusals_are_request_failed()
    {
        var harness = InProcessHarness.Start(Lists);
        var rename = JObject.FromObject(harness.At());
        rename["newName"] = "Ekin Akyurek";
        var edit = harness.Json("textDocument/rename", rename.ToObject<RenameParams>()!)!;
        Assert.That(((JObject)edit["changes"]!).Properties().Select(p => p.Name), Is.EquivalentTo(new[] { "file:///ws/a.papers", "file:///ws/b.papers" }));
        rename["newName"] = "";
        var refusal = Assert.Throws<LocalRpcException>(() => harness.Call("textDocument/rename", rename.ToObject<RenameParams>()!));
        Assert.That(refusal!.ErrorCode, Is.EqualTo(LspErrorCodes.RequestFailed));
        Assert.That(refusal.Message, Does.Contain("cannot be empty"));
    }

    [Test]
    public void Closing_the_open_list_keeps_its_disk_text_in_the_workspace_and_edits_follow()
    {
        var harness = InProcessHarness.Start(Lists);
        harness.Call("textDocument/didChange", Params<DidChangeTextDocumentParams>(new
        {
            textDocument = new { uri = harness.CursorUri, version = 2 },
            contentChanges = new object[]
            {
                new { range = new { start = new { line = 0, character = 0 }, end = new { line = 0, character = 3 } }, text = "Three" },
                new { range = new { start = new { line = 1, character = 0 }, end = new { line = 1, character = 0 } }, text = "New PaperYoon Kim\nAbstract.\n" },
            },
        }));
        var index = harness.Session.Workspace.Current.Index;
        Assert.That(index.Author("yoon kim")!.EntryCount, Is.EqualTo(1), "the second change of the didChange reached the index");
        Assert.That(index.Describe(), Is.EqualTo(harness.Session.Workspace.Current.BuildIndexFresh().Describe()));
        harness.Call("textDocument/didClose", Params<DidCloseTextDocumentParams>(new { textDocument = new { uri = harness.CursorUri } }));
        // b.papers was only ever open (no disk text in this harness): closing forgets it; a.papers stays.
        Assert.That(harness.Session.Workspace.Current.Index.Author("yoon kim"), Is.Null);
        Assert.That(harness.Session.Workspace.Current.Index.Author("ekin akyurek")!.EntryCount, Is.EqualTo(1));
    }
}
