using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using PaperLsp.Classification;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Lsp.Features;

/// <summary>
/// The documentSymbol answer written straight from the outline: the same text as serialising
/// <see cref="DocumentSymbolHandler.Build"/>'s symbols (property order, nulls left out), without building 100,000
/// symbols and 400,000 positions first or resolving their contracts by reflection.
/// </summary>
public static class DocumentSymbolJson
{
    public static string Write(PaperDocument document, ProtocolConverter converter, CancellationToken cancellationToken = default)
    {
        var outline = DocumentOutline.Build(document, cancellationToken);
        // About 320 characters per symbol in realistic lists; a close guess saves the StringBuilder most of its regrowth.
        var text = new StringBuilder(Math.Max(16, document.EntryCount * 320));
        using (var json = new JsonTextWriter(new StringWriter(text, CultureInfo.InvariantCulture)))
        {
            json.WriteStartArray();
            foreach (var node in outline) WriteSymbol(json, document, converter, node, cancellationToken);
            json.WriteEndArray();
        }
        return text.ToString();
    }

    private static void WriteSymbol(JsonWriter json, PaperDocument document, ProtocolConverter converter, OutlineNode node, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var symbol = DocumentSymbolHandler.SymbolOf(node);
        json.WriteStartObject();
        json.WritePropertyName("name");
        json.WriteValue(symbol.Name);
        if (symbol.Detail is not null)
        {
            json.WritePropertyName("detail");
            json.WriteValue(symbol.Detail);
        }
        json.WritePropertyName("kind");
        json.WriteValue((int)symbol.Kind);
        // An entry's positions are on its own lines: read them from its node, not by a search of the document's tree.
        var lines = new Lines(document, node is OutlineEntry { Entry: var entry } ? entry : null);
        WriteRange(json, "range", lines, converter, symbol.Range);
        WriteRange(json, "selectionRange", lines, converter, symbol.SelectionRange);
        if (symbol.Children is { } children)
        {
            json.WritePropertyName("children");
            json.WriteStartArray();
            foreach (var child in children) WriteSymbol(json, document, converter, child, cancellationToken);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WriteRange(JsonWriter json, string name, Lines lines, ProtocolConverter converter, TextRange range)
    {
        json.WritePropertyName(name);
        json.WriteStartObject();
        WritePosition(json, "start", lines, converter, range.Start);
        WritePosition(json, "end", lines, converter, range.End);
        json.WriteEndObject();
    }

    /// <summary>As <see cref="ProtocolConverter.ToLsp(PaperDocument, TextPosition)"/> writes it.</summary>
    private static void WritePosition(JsonWriter json, string name, Lines lines, ProtocolConverter converter, TextPosition position)
    {
        json.WritePropertyName(name);
        json.WriteStartObject();
        json.WritePropertyName("line");
        json.WriteValue(position.Line);
        json.WritePropertyName("character");
        json.WriteValue(converter.ToLspColumn(lines.Text(position.Line), position.Character));
        json.WriteEndObject();
    }

    /// <summary>The text of a line: from the entry's node when the line is one of its own, else from the document.</summary>
    private readonly record struct Lines(PaperDocument Document, EntrySyntax? Entry)
    {
        public string Text(int line) =>
            Entry is { } entry && line >= entry.StartLine && line <= entry.EndLine
                ? entry.Node.LineText(line - entry.StartLine)
                : Document.GetLineText(line);
    }
}
