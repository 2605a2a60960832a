using Microsoft.Extensions.Logging;
using PaperLsp.Lsp.Protocol;
using PaperLsp.Lsp.Session;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Lsp.Features;

/// <summary>
/// didOpen, didChange, didClose, didSave: incremental sync on <see cref="PaperDocument.Apply(TextChange)"/>. These run as
/// exclusive queue items, so they apply in arrival order. They survive client mistakes: a change to a document that was
/// never opened, a stale version, a range past the end (clamped) are logged, and text is never dropped.
/// </summary>
public sealed class TextDocumentSyncHandler(ServerSession session, DiagnosticsPublisher diagnostics, WorkspaceDiagnosticsPublisher workspaceDiagnostics)
{
    public void DidOpen(DidOpenTextDocumentParams request, RequestContext context)
    {
        var item = request.TextDocument;
        if (session.Store.Get(item.Uri) is { } existing)
            context.Logger.LogWarning("didOpen for {Uri}, which is already open (version {Version}): replacing its text", item.Uri, existing.Version);
        // The params live as long as this queue item, which goes on to index the document for the workspace: let go of
        // the text once it is parsed (at 100,000 entries it is a 282 MB string, as large as the document's own lines).
        var text = item.Text;
        item.Text = "";
        var snapshot = session.PendingTexts.TryTake(text, out var utf8)
            ? session.Store.Open(item.Uri, item.Version, utf8)
            : session.Store.Open(item.Uri, item.Version, text);
        context.Logger.LogDebug("Opened {Uri} version {Version}: {Entries} entries", item.Uri, item.Version, snapshot.Document.EntryCount);
        var published = diagnostics.Schedule(item.Uri);
        CompactAfter(published, item.Uri);
        if (session.Workspace.HasDeferredRelations) workspaceDiagnostics.CatchUpAfter(published);
        workspaceDiagnostics.PublishAffected(item.Uri);
    }

    /// <summary>
    /// A large text read in chunks keeps its abstracts as strings so that its first diagnostics do not wait; they are
    /// made compact once those are out, off the queue (the document's nodes are shared by its later versions).
    /// </summary>
    private void CompactAfter(Task published, string uri) =>
        _ = published.ContinueWith(_ => Background.Run(() => session.Store.Get(uri)?.Document.CompactLines()), CancellationToken.None,
            TaskContinuationOptions.None, TaskScheduler.Default);

    public void DidChange(DidChangeTextDocumentParams request, RequestContext context)
    {
        var uri = request.TextDocument.Uri;
        var version = request.TextDocument.Version;
        var current = session.Store.Get(uri);
        if (current is null)
        {
            // Without the text we cannot apply an incremental change; a full-text change tells us everything.
            var full = request.ContentChanges.LastOrDefault(change => change.Range is null);
            if (full is null)
            {
                context.Logger.LogWarning("didChange for {Uri}, which is not open: ignored (open it first)", uri);
                return;
            }
            context.Logger.LogWarning("didChange for {Uri}, which is not open: opening it with the full text sent", uri);
            var start = Array.LastIndexOf(request.ContentChanges, full);
            session.Store.Open(uri, version, full.Text);
            if (start + 1 < request.ContentChanges.Length) Apply(uri, version, request.ContentChanges[(start + 1)..], context);
            var published = diagnostics.Schedule(uri);
            CompactAfter(published, uri);
            if (session.Workspace.HasDeferredRelations) workspaceDiagnostics.CatchUpAfter(published);
            workspaceDiagnostics.PublishAffected(uri);
            return;
        }

        if (version <= current.Version)
        {
            // The text change is still the client's truth: apply it, but never let the version go backwards.
            context.Logger.LogWarning("didChange for {Uri} with version {Version}, not after the current {Current}: applying it anyway",
                uri, version, current.Version);
            version = current.Version;
        }
        Apply(uri, version, request.ContentChanges, context);
        diagnostics.Schedule(uri);
        workspaceDiagnostics.PublishAffected(uri);
    }

    private void Apply(string uri, int version, IReadOnlyList<TextDocumentContentChangeEvent> changes, RequestContext context)
    {
        var converter = session.Converter;
        session.Store.Change(uri, version, changes.Select(change => (Func<PaperDocument, TextChange>)(document =>
        {
            var converted = converter.FromLsp(document, change, out var clamped);
            if (clamped)
                context.Logger.LogWarning("didChange for {Uri}: range {Range} is outside the document ({Lines} lines); clamped to {Clamped}",
                    uri, change.Range, document.LineCount, converted.Range);
            return converted;
        })));
    }

    public void DidClose(DidCloseTextDocumentParams request, RequestContext context)
    {
        var uri = request.TextDocument.Uri;
        if (session.Store.Get(uri) is null)
        {
            context.Logger.LogWarning("didClose for {Uri}, which is not open: ignored", uri);
            return;
        }
        session.Store.Close(uri);
        diagnostics.Clear(uri);
        // The list is back to its disk text (or gone): its copies elsewhere, and its own, are published as a closed list's.
        workspaceDiagnostics.PublishAffected();
    }

    public void DidSave(DidSaveTextDocumentParams request, RequestContext context) =>
        context.Logger.LogDebug("Saved {Uri}", request.TextDocument.Uri);

    /// <summary>Runs when a sync notification arrives, before it is queued: stale diagnostics work for that document stops now.</summary>
    public void OnArrival(string uri) => diagnostics.CancelPending(uri);
}
