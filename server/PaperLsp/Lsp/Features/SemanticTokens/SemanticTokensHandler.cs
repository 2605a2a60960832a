using System.Collections.Concurrent;
using System.Globalization;
using PaperLsp.Classification;
using PaperLsp.Lsp.Protocol;
using PaperLsp.Lsp.Workspace;
using LspSemanticTokens = PaperLsp.Lsp.Protocol.SemanticTokens;

namespace PaperLsp.Lsp.Features;

/// <summary>
/// textDocument/semanticTokens/full, /full/delta and /range, from <see cref="SemanticClassifier"/>. The last full result
/// of each document is kept (by result id) so that a delta request gets one minimal edit: the int arrays' common
/// prefix and suffix are kept, the middle replaced.
/// </summary>
public sealed class SemanticTokensHandler
{
    private readonly ConcurrentDictionary<string, (string ResultId, JoinedTokens Tokens)> lastResults = new(StringComparer.Ordinal);
    private long nextResultId;

    /// <summary>Per open document, its items' pieces (<see cref="SemanticTokenPieces"/>), dropped when it closes.</summary>
    private readonly ConcurrentDictionary<string, SemanticTokenPieces.Pieces> pieces = new(StringComparer.Ordinal);

    public SemanticTokensHandler(DocumentStore store) =>
        store.Changed += change =>
        {
            if (change.Current is not null) return;
            lastResults.TryRemove(change.Uri, out _);
            pieces.TryRemove(change.Uri, out _);
        };

    public LspSemanticTokens Full(SemanticTokensParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.GetDocument(request.TextDocument, Methods.SemanticTokensFull) is not { } snapshot) return new LspSemanticTokens();
        var tokens = EncodeAll(snapshot, context.Converter, cancellationToken);
        return new LspSemanticTokens(tokens) { ResultId = Remember(snapshot.Uri, tokens) };
    }

    /// <summary>Returns <see cref="SemanticTokensDelta"/> when the previous result is known, else full <see cref="LspSemanticTokens"/>.</summary>
    public object FullDelta(SemanticTokensDeltaParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.GetDocument(request.TextDocument, Methods.SemanticTokensFullDelta) is not { } snapshot) return new LspSemanticTokens();
        var tokens = EncodeAll(snapshot, context.Converter, cancellationToken);
        var known = lastResults.TryGetValue(snapshot.Uri, out var previous) && previous.ResultId == request.PreviousResultId;
        var resultId = Remember(snapshot.Uri, tokens);
        if (!known) return new LspSemanticTokens(tokens) { ResultId = resultId };
        return new SemanticTokensDelta { ResultId = resultId, Edits = Diff(previous.Tokens.Data, tokens.Data) };
    }

    public LspSemanticTokens Range(SemanticTokensRangeParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.GetDocument(request.TextDocument, Methods.SemanticTokensRange) is not { } snapshot) return new LspSemanticTokens();
        var range = context.Converter.FromLsp(snapshot.Document, request.Range, out _);
        return new LspSemanticTokens { Data = Encode(snapshot, context.Converter, range.Start.Line, range.End.Line, cancellationToken) };
    }

    /// <summary>The whole document's tokens, from the items' kept pieces (<see cref="SemanticTokenPieces"/>).</summary>
    private JoinedTokens EncodeAll(DocumentSnapshot snapshot, ProtocolConverter converter, CancellationToken cancellationToken) =>
        SemanticTokenPieces.Encode(snapshot.Document, snapshot.DuplicatedTitleKeys, converter,
            pieces.GetOrAdd(snapshot.Uri, static _ => new SemanticTokenPieces.Pieces()), cancellationToken);

    public static int[] Encode(DocumentSnapshot snapshot, ProtocolConverter converter, int firstLine, int lastLine, CancellationToken cancellationToken) =>
        converter.EncodeTokens(snapshot.Document,
            SemanticClassifier.Classify(snapshot.Document, snapshot.DuplicatedTitleKeys, firstLine, lastLine, cancellationToken),
            cancellationToken);

    /// <summary>One edit replacing what lies between the common prefix and the common suffix (none when equal).</summary>
    public static SemanticTokensEdit[] Diff(int[] previous, int[] current)
    {
        var prefix = 0;
        var max = Math.Min(previous.Length, current.Length);
        while (prefix < max && previous[prefix] == current[prefix]) prefix++;
        var suffix = 0;
        while (suffix < max - prefix && previous[^(suffix + 1)] == current[^(suffix + 1)]) suffix++;
        var deleteCount = previous.Length - prefix - suffix;
        var inserted = current[prefix..(current.Length - suffix)];
        if (deleteCount == 0 && inserted.Length == 0) return [];
        return [new SemanticTokensEdit { Start = prefix, DeleteCount = deleteCount, Data = inserted.Length > 0 ? inserted : null }];
    }

    private string Remember(string uri, JoinedTokens tokens)
    {
        var resultId = Interlocked.Increment(ref nextResultId).ToString(CultureInfo.InvariantCulture);
        lastResults[uri] = (resultId, tokens);
        return resultId;
    }
}
