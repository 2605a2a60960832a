using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Newtonsoft.Json;
using Microsoft.Extensions.Logging;
using PaperLsp.Analysis;
using PaperLsp.Duplicates;
using PaperLsp.Files;
using PaperLsp.Lsp.Protocol;
using PaperLsp.Lsp.Queue;
using PaperLsp.Lsp.Workspace;

namespace PaperLsp.Lsp.Features;

/// <summary>
/// Computes diagnostics for the latest version of a document only (push, and the cache that pull reads).
/// <list type="bullet">
/// <item>When a sync notification arrives (before it is queued), the document's pending or running analysis is cancelled.</item>
/// <item>After the edit is applied, an optional quiet period runs (<see cref="ServerSession.DiagnosticsDelay"/>, zero unless the
/// client sets diagnosticsDelayMs); another edit cancels it and starts a new one, so fast typing builds no backlog: at most
/// one pending analysis per document.</item>
/// <item>When the period ends, the analysis is queued as an exclusive item (it reads the store's live title index),
/// runs on the then-current snapshot, checks its cancellation token per finding, and publishes with the document version.</item>
/// <item>A list with exactly the JSON of the one last published for the document is not published again (see
/// <see cref="DiagnosticList"/>): the client's list is already right for the new version, whose diagnostics would sit at
/// the same positions. Only the list's version tag stays at the version that last changed it.</item>
/// </list>
/// </summary>
public sealed class DiagnosticsPublisher(ServerSession session, RequestQueue queue)
{
    private readonly ConcurrentDictionary<string, (long Revision, long Stamp, DiagnosticList List)> cache = new(StringComparer.Ordinal);

    /// <summary>What the client was last sent per document (push); forgotten on close, so a reopened document is sent its list.</summary>
    private readonly ConcurrentDictionary<string, DiagnosticList> published = new(StringComparer.Ordinal);
    private readonly ILogger logger = session.LoggerFactory.CreateLogger<DiagnosticsPublisher>();
    private readonly QuietPeriodScheduler scheduler = new(session, queue, session.LoggerFactory.CreateLogger<DiagnosticsPublisher>(), "paperlsp/analyze");

    /// <summary>
    /// Each finding converted to LSP and to JSON once: the analyzer hands back the same finding objects for what an edit
    /// did not touch (duplicate groups at unchanged lines), so a keystroke in a list with thousands of findings converts
    /// and serialises only the new ones. Keyed weakly, so findings of old versions are collected.
    /// </summary>
    private readonly ConditionalWeakTable<PaperDiagnostic, Converted> converted = new();

    private sealed record Converted(ProtocolConverter Converter, Diagnostic Item, byte[] Json, ulong Hash);

    internal static readonly JsonSerializerSettings JsonSettings = new() { NullValueHandling = NullValueHandling.Ignore };

    public void CancelPending(string uri) => scheduler.CancelPending(uri);

    /// <summary>Called on the queue after a document changed: publish its diagnostics after the quiet period.</summary>
    /// <returns>Completes when this publication ran or was superseded.</returns>
    public Task Schedule(string uri) => scheduler.Schedule(uri, ct => Publish(uri, ct));

    private bool Publish(string uri, CancellationToken cancellationToken)
    {
        if (session.Store.Get(uri) is not { } snapshot) return false;
        var list = ComputeCached(snapshot, cancellationToken);
        // A change that arrived while this ran makes these findings stale: its own analysis will publish.
        if (cancellationToken.IsCancellationRequested) return false;
        if (session.PushDiagnostics)
        {
            if (published.TryGetValue(uri, out var previous) && previous.SameAs(list))
            {
                logger.LogTrace("Diagnostics of {Uri} version {Version} unchanged ({Count}), not sent again", uri, snapshot.Version, list.Count);
                return true;
            }
            published[uri] = list;
            logger.LogDebug("Publishing {Count} diagnostics for {Uri} version {Version}", list.Count, uri, snapshot.Version);
            // PublishDiagnosticsParams as the serialiser writes them, the array from the findings' cached UTF-8 pieces.
            var json = new Utf8JsonBuffer(DiagnosticList.BufferSizeFor(list.ArrayLength + uri.Length));
            json.Raw("{\"uri\":"u8);
            json.String(uri);
            json.Raw(",\"version\":"u8);
            json.Number(snapshot.Version);
            json.Raw(",\"diagnostics\":"u8);
            list.WriteArray(json);
            json.Raw((byte)'}');
            _ = session.NotifyAsync(Methods.PublishDiagnostics, json);
        }
        return true;
    }

    /// <summary>The diagnostics of a snapshot, from the cache when it is that snapshot's. Only on exclusive queue items.</summary>
    public Diagnostic[] Compute(DocumentSnapshot snapshot, CancellationToken cancellationToken) => ComputeCached(snapshot, cancellationToken).Items;

    /// <summary>The diagnostics of a snapshot with their JSON and result id. Only on exclusive queue items.</summary>
    public DiagnosticList ComputeWithJson(DocumentSnapshot snapshot, CancellationToken cancellationToken) => ComputeCached(snapshot, cancellationToken);

    private DiagnosticList ComputeCached(DocumentSnapshot snapshot, CancellationToken cancellationToken)
    {
        var id = DocumentUris.IdOf(snapshot.Uri);
        // As they are: a large list just opened is published before the relations take it in (see WorkspaceSession).
        var relations = session.Workspace.RelationsAsTheyAre;
        // An edit in another list can change this one's duplicate findings without changing its text: the relations'
        // stamp of this document is part of the cache key.
        var stamp = relations.Stamp(id);
        var hasCached = cache.TryGetValue(snapshot.Uri, out var cached);
        if (hasCached && cached.Revision == snapshot.Revision && cached.Stamp == stamp) return cached.List;
        var workspace = session.Workspace.Current;
        var duplicates = DuplicateFindings.For(id, snapshot.Document, relations.Duplicates, other => workspace.Get(other)?.Document,
            other => DocumentUris.ShortName(workspace.Get(other)?.Uri ?? DocumentUris.UriOfId(other)), cancellationToken);
        var findings = DocumentAnalyzer.Analyze(snapshot.Document, duplicates, cancellationToken);
        var converter = session.Converter;
        // Most keystrokes leave every finding as it was: then the list is the last one, found without making a new one
        // (three arrays of the findings' size a keystroke, which at 100,000 entries were much of what typing allocated).
        var previous = hasCached && cached.List.Count == findings.Count ? cached.List : null;
        // Rented: a keystroke of a list with thousands of findings needs them only until the list is made.
        var entries = ArrayPool<Converted>.Shared.Rent(findings.Count);
        try
        {
            return Listed(snapshot, findings, entries, converter, previous, hasCached ? cached.List : null, stamp);
        }
        finally
        {
            ArrayPool<Converted>.Shared.Return(entries, clearArray: true);
        }
    }

    private DiagnosticList Listed(DocumentSnapshot snapshot, IReadOnlyList<PaperDiagnostic> findings, Converted[] entries, ProtocolConverter converter,
        DiagnosticList? previous, DiagnosticList? cachedList, long stamp)
    {
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            if (!converted.TryGetValue(finding, out var entry) || entry.Converter != converter)
            {
                var item = converter.ToLsp(snapshot.Document, snapshot.Uri, finding,
                    id => session.Workspace.Current.Get(id) is { } file ? (file.Document, file.Uri) : null);
                var json = System.Text.Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(item, JsonSettings));
                entry = new Converted(converter, item, json, DiagnosticList.Hash(json));
                converted.AddOrUpdate(finding, entry);
            }
            entries[i] = entry;
            if (previous is not null && !previous.HasPiece(i, entry.Json)) previous = null;
        }
        DiagnosticList list;
        if (previous is not null) list = previous;
        else
        {
            var items = new Diagnostic[findings.Count];
            var pieces = new byte[findings.Count][];
            var hashes = new ulong[findings.Count];
            for (var i = 0; i < findings.Count; i++) (items[i], pieces[i], hashes[i]) = (entries[i].Item, entries[i].Json, entries[i].Hash);
            list = new DiagnosticList(items, pieces, hashes);
            // The same findings as the version before keep that version's list (and so compare equal to what was published).
            if (cachedList is not null && cachedList.SameAs(list)) list = cachedList;
        }
        cache[snapshot.Uri] = (snapshot.Revision, stamp, list);
        return list;
    }

    /// <summary>On didClose: stop pending work, forget the cache, and clear the client's list.</summary>
    public void Clear(string uri)
    {
        CancelPending(uri);
        cache.TryRemove(uri, out _);
        published.TryRemove(uri, out _);
        if (session.PushDiagnostics)
            _ = session.NotifyAsync(Methods.PublishDiagnostics, new PublishDiagnosticsParams { Uri = uri, Diagnostics = [] });
    }
}
