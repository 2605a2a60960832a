using System.Text;
using PaperLsp.Analysis;
using PaperLsp.Classification;
using PaperLsp.Diagnostics;
using PaperLsp.Lsp.Protocol;
using PaperLsp.Syntax;
using PaperLsp.Text;
using LspDiagnostic = PaperLsp.Lsp.Protocol.Diagnostic;
using LspRange = PaperLsp.Lsp.Protocol.Range;
using LspSeverity = PaperLsp.Lsp.Protocol.DiagnosticSeverity;

namespace PaperLsp.Lsp;

public enum PositionEncoding { Utf16, Utf8 }

/// <summary>
/// The one boundary between the protocol-free model (lines + UTF-16 code units) and LSP types. Every position that
/// crosses it is converted here, in the negotiated encoding; positions coming in are clamped into the document.
/// </summary>
public sealed class ProtocolConverter(PositionEncoding encoding)
{
    public static ProtocolConverter Utf16 { get; } = new(PositionEncoding.Utf16);

    public PositionEncoding Encoding { get; } = encoding;

    public string EncodingName => Encoding == PositionEncoding.Utf8 ? PositionEncodingKind.Utf8 : PositionEncodingKind.Utf16;

    /// <summary>Chooses the client's most preferred encoding that the server supports (UTF-16 when it states none).</summary>
    public static PositionEncoding Negotiate(IEnumerable<string>? clientEncodings)
    {
        foreach (var name in clientEncodings ?? [])
        {
            if (name == PositionEncodingKind.Utf16) return PositionEncoding.Utf16;
            if (name == PositionEncodingKind.Utf8) return PositionEncoding.Utf8;
        }
        return PositionEncoding.Utf16;
    }

    // ---- columns ----

    /// <summary>A UTF-16 column of <paramref name="lineText"/> in the negotiated encoding.</summary>
    public int ToLspColumn(string lineText, int utf16Column)
    {
        utf16Column = Math.Clamp(utf16Column, 0, lineText.Length);
        return Encoding == PositionEncoding.Utf16 ? utf16Column : System.Text.Encoding.UTF8.GetByteCount(lineText.AsSpan(0, utf16Column));
    }

    /// <summary>A column in the negotiated encoding to UTF-16, clamped to the line; a column inside a character moves to its start.</summary>
    public int FromLspColumn(string lineText, int column)
    {
        if (column <= 0) return 0;
        if (Encoding == PositionEncoding.Utf16) return Math.Min(column, lineText.Length);
        var bytes = 0;
        var i = 0;
        while (i < lineText.Length)
        {
            var units = char.IsHighSurrogate(lineText[i]) && i + 1 < lineText.Length && char.IsLowSurrogate(lineText[i + 1]) ? 2 : 1;
            var size = units == 2 ? 4 : lineText[i] < 0x80 ? 1 : lineText[i] < 0x800 ? 2 : 3;
            if (bytes + size > column) break;
            bytes += size;
            i += units;
        }
        return i;
    }

    // ---- positions and ranges ----

    public Position ToLsp(PaperDocument document, TextPosition position) => new(position.Line, ToLspColumn(document, position.Line, position.Character));

    /// <summary>As <see cref="ToLspColumn(string, int)"/> for a line of <paramref name="document"/>; in UTF-16 it reads only
    /// the line's length (an abstract kept compact is not decoded for every position on it).</summary>
    private int ToLspColumn(PaperDocument document, int line, int utf16Column) =>
        Encoding == PositionEncoding.Utf16
            ? Math.Clamp(utf16Column, 0, document.GetLineLength(line))
            : ToLspColumn(document.GetLineText(line), utf16Column);

    public LspRange ToLsp(PaperDocument document, TextRange range) => new(ToLsp(document, range.Start), ToLsp(document, range.End));

    /// <summary>A client position in the model, clamped into the document. <paramref name="clamped"/> says whether it was out of range.</summary>
    public TextPosition FromLsp(PaperDocument document, Position position, out bool clamped)
    {
        var line = position.Line;
        TextPosition result;
        if (line < 0) result = new TextPosition(0, 0);
        else if (line >= document.LineCount) result = document.Clamp(new TextPosition(line, 0));
        else if (Encoding == PositionEncoding.Utf16)
            result = new TextPosition(line, Math.Clamp(position.Character, 0, document.GetLineLength(line)));
        else
            result = new TextPosition(line, FromLspColumn(document.GetLineText(line), position.Character));
        clamped = result.Line != position.Line || ToLspColumn(document, result.Line, result.Character) != position.Character;
        return result;
    }

    public TextPosition FromLsp(PaperDocument document, Position position) => FromLsp(document, position, out _);

    public TextRange FromLsp(PaperDocument document, LspRange range, out bool clamped)
    {
        var start = FromLsp(document, range.Start, out var startClamped);
        var end = FromLsp(document, range.End, out var endClamped);
        clamped = startClamped || endClamped;
        return end < start ? new TextRange(end, start) : new TextRange(start, end);
    }

    public TextChange FromLsp(PaperDocument document, TextDocumentContentChangeEvent change, out bool clamped)
    {
        clamped = false;
        if (change.Range is null) return new TextChange(null, change.Text);
        return new TextChange(FromLsp(document, change.Range, out clamped), change.Text);
    }

    public TextEdit ToLsp(PaperDocument document, TextChange change) => new()
    {
        Range = change.Range is { } range ? ToLsp(document, range) : ToLsp(document, WholeDocument(document)),
        NewText = change.Text,
    };

    public static TextRange WholeDocument(PaperDocument document)
    {
        var last = document.LineCount - 1;
        return new TextRange(new TextPosition(0, 0), new TextPosition(last, document.GetLineLength(last)));
    }

    // ---- diagnostics ----

    /// <summary>At most this many related locations per diagnostic: a paper copied k times would otherwise send k² of them.</summary>
    public const int MaxRelatedInformation = 50;

    /// <summary>A finding of <paramref name="document"/>; related locations in other documents are converted against
    /// those documents' text, found through <paramref name="resolve"/> (and dropped when it does not know them).</summary>
    public LspDiagnostic ToLsp(PaperDocument document, string uri, PaperDiagnostic diagnostic,
        Func<PaperLsp.Workspace.DocumentId, (PaperDocument Document, string Uri)?>? resolve = null) => new()
    {
        Range = ToLsp(document, diagnostic.Range),
        Severity = ToLsp(diagnostic.Severity),
        Code = diagnostic.Code,
        CodeDescription = new CodeDescription { Href = DiagnosticCatalog.DocumentationLink(diagnostic.Descriptor) },
        Source = "paperlsp",
        Message = diagnostic.Message,
        RelatedInformation = diagnostic.Related.Count == 0
            ? null
            : diagnostic.Related.Take(MaxRelatedInformation).Select(related =>
            {
                var target = related.Document is { } other ? resolve?.Invoke(other) : (document, uri);
                return target is { } found
                    ? new DiagnosticRelatedInformation
                    {
                        Location = new Location { Uri = found.Uri, Range = ToLsp(found.Document, related.Range) },
                        Message = related.Message,
                    }
                    : null;
            }).OfType<DiagnosticRelatedInformation>().ToArray(),
    };

    public static LspSeverity ToLsp(PaperLsp.Diagnostics.DiagnosticSeverity severity) => severity switch
    {
        PaperLsp.Diagnostics.DiagnosticSeverity.Error => LspSeverity.Error,
        PaperLsp.Diagnostics.DiagnosticSeverity.Warning => LspSeverity.Warning,
        PaperLsp.Diagnostics.DiagnosticSeverity.Information => LspSeverity.Information,
        _ => LspSeverity.Hint,
    };

    // ---- semantic tokens ----

    /// <summary>
    /// Encodes classified spans (in document order, one line each) as LSP's relative integer quintuples
    /// [deltaLine, deltaStart, length, tokenType, tokenModifiers], columns and lengths in the negotiated encoding.
    /// </summary>
    public int[] EncodeTokens(PaperDocument document, IEnumerable<ClassifiedSpan> spans, CancellationToken cancellationToken = default) =>
        EncodeTokens(spans, document.GetLineText, cancellationToken);

    /// <summary>As <see cref="EncodeTokens(PaperDocument, IEnumerable{ClassifiedSpan}, CancellationToken)"/>, reading each span's line from <paramref name="lineText"/>.</summary>
    public int[] EncodeTokens(IEnumerable<ClassifiedSpan> spans, Func<int, string> lineText, CancellationToken cancellationToken = default)
    {
        var data = new List<int>();
        int previousLine = 0, previousStart = 0;
        var cachedLine = -1;
        var text = "";
        foreach (var span in spans)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int start = span.Start, length = span.Length;
            if (Encoding != PositionEncoding.Utf16)
            {
                if (cachedLine != span.Line)
                {
                    text = lineText(span.Line);
                    cachedLine = span.Line;
                }
                start = ToLspColumn(text, span.Start);
                length = ToLspColumn(text, span.End) - start;
            }
            var deltaLine = span.Line - previousLine;
            data.Add(deltaLine);
            data.Add(deltaLine == 0 ? start - previousStart : start);
            data.Add(length);
            data.Add(SemanticTokensLegendInfo.TypeIndex(span.Kind));
            data.Add(SemanticTokensLegendInfo.ModifierBits(span.Modifiers));
            previousLine = span.Line;
            previousStart = start;
        }
        return data.ToArray();
    }
}

/// <summary>The semantic token legend: custom type names (see docs/editors.md for the VS Code scope mapping).</summary>
public static class SemanticTokensLegendInfo
{
    // Index = (int)SpanKind: keep both in the same order.
    private static readonly string[] Types =
    [
        "paperTitle", "paperAuthor", "paperEtAl", "paperAffiliation", "paperScore", "paperCategory", "paperDate",
        "paperCodeFlag", "paperComment", "paperHeading", "paperDirective", "paperDiagnosticCode",
    ];

    private static readonly string[] Modifiers = ["duplicate", "malformed"];

    public static SemanticTokensLegend Legend => new() { TokenTypes = [.. Types], TokenModifiers = [.. Modifiers] };

    public static IReadOnlyList<string> TokenTypes => Types;
    public static IReadOnlyList<string> TokenModifiers => Modifiers;

    public static int TypeIndex(SpanKind kind) => (int)kind;

    public static int ModifierBits(SpanModifiers modifiers) =>
        (modifiers.HasFlag(SpanModifiers.Duplicate) ? 1 : 0) | (modifiers.HasFlag(SpanModifiers.Malformed) ? 2 : 0);
}
