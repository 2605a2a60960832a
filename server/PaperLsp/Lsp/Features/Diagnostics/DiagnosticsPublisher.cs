using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Microsoft.Extensions.Logging;
using PaperLsp.Analysis;
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
/// </list>
/// </summary>
public sealed class DiagnosticsPublisher(ServerSession session, RequestQueue queue)
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Revision, Diagnostic[] Items, string Json)> cache = new(StringComparer.Ordinal);
    private readonly ILogger logger = session.LoggerFactory.CreateLogger<DiagnosticsPublisher>();

    /// <summary>
    /// Each finding converted to LSP and to JSON once: the analyzer hands back the same finding objects for what an edit
    /// did not touch (duplicate groups at unchanged lines), so a keystroke in a list with thousands of findings converts
    /// and serialises only the new ones. Keyed weakly, so findings of old versions are collected.
    /// </summary>
    private readonly ConditionalWeakTable<PaperDiagnostic, Converted> converted = new();

    private sealed record Converted(ProtocolConverter Converter, Diagnostic Item, string Json);

    internal static readonly JsonSerializerSettings JsonSettings = new() { NullValueHandling = NullValueHandling.Ignore };

    public void CancelPending(string uri)
    {
        if (pending.TryRemove(uri, out var previous)) previous.Cancel();
    }

    /// <summary>Called on the queue after a document changed: publish its diagnostics after the quiet period.</summary>
    public void Schedule(string uri)
    {
        var source = new CancellationTokenSource();
        if (pending.TryGetValue(uri, out var previous)) previous.Cancel();
        pending[uri] = source;
        _ = PublishAfterQuietPeriodAsync(uri, source);
    }

    private async Task PublishAfterQuietPeriodAsync(string uri, CancellationTokenSource source)
    {
        var token = source.Token;
        try
        {
            await Task.Delay(session.DiagnosticsDelay, token).ConfigureAwait(false);
            await queue.EnqueueExclusive("paperlsp/analyze", ct => Publish(uri, ct), token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            logger.LogTrace("Diagnostics for {Uri} superseded", uri);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Diagnostics for {Uri} failed", uri);
        }
        finally
        {
            pending.TryRemove(new KeyValuePair<string, CancellationTokenSource>(uri, source));
            source.Dispose();
        }
    }

    private bool Publish(string uri, CancellationToken cancellationToken)
    {
        if (session.Store.Get(uri) is not { } snapshot) return false;
        var (items, json) = ComputeCached(snapshot, cancellationToken);
        // A change that arrived while this ran makes these findings stale: its own analysis will publish.
        if (cancellationToken.IsCancellationRequested) return false;
        if (session.PushDiagnostics)
        {
            logger.LogDebug("Publishing {Count} diagnostics for {Uri} version {Version}", items.Length, uri, snapshot.Version);
            // Shaped as PublishDiagnosticsParams; the array is the findings' cached JSON joined.
            _ = session.NotifyAsync(Methods.PublishDiagnostics, RawJson.Object(("uri", uri), ("version", snapshot.Version), ("diagnostics", new JRaw(json))));
        }
        return true;
    }

    /// <summary>The diagnostics of a snapshot, from the cache when it is that snapshot's. Only on exclusive queue items.</summary>
    public Diagnostic[] Compute(DocumentSnapshot snapshot, CancellationToken cancellationToken) => ComputeCached(snapshot, cancellationToken).Items;

    /// <summary>The diagnostics of a snapshot and their JSON array. Only on exclusive queue items.</summary>
    public (Diagnostic[] Items, string Json) ComputeWithJson(DocumentSnapshot snapshot, CancellationToken cancellationToken) => ComputeCached(snapshot, cancellationToken);

    private (Diagnostic[] Items, string Json) ComputeCached(DocumentSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(snapshot.Uri, out var cached) && cached.Revision == snapshot.Revision) return (cached.Items, cached.Json);
        var titles = session.Store.GetTitleIndex(snapshot.Uri);
        var findings = DocumentAnalyzer.Analyze(snapshot.Document, titles, cancellationToken);
        var converter = session.Converter;
        var items = new Diagnostic[findings.Count];
        var json = new System.Text.StringBuilder("[");
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            if (!converted.TryGetValue(finding, out var entry) || entry.Converter != converter)
            {
                var item = converter.ToLsp(snapshot.Document, snapshot.Uri, finding,
                    id => session.Workspace.Current.Get(id) is { } file ? (file.Document, file.Uri) : null);
                entry = new Converted(converter, item, JsonConvert.SerializeObject(item, JsonSettings));
                converted.AddOrUpdate(finding, entry);
            }
            items[i] = entry.Item;
            if (i > 0) json.Append(',');
            json.Append(entry.Json);
        }
        var text = json.Append(']').ToString();
        cache[snapshot.Uri] = (snapshot.Revision, items, text);
        return (items, text);
    }

    /// <summary>On didClose: stop pending work, forget the cache, and clear the client's list.</summary>
    public void Clear(string uri)
    {
        CancelPending(uri);
        cache.TryRemove(uri, out _);
        if (session.PushDiagnostics)
            _ = session.NotifyAsync(Methods.PublishDiagnostics, new PublishDiagnosticsParams { Uri = uri, Diagnostics = [] });
    }
}
