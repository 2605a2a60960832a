using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using PaperLsp.Classification;
using PaperLsp.Lsp.Protocol;
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
        WriteRange(json, "range", document, converter, symbol.Range);
        WriteRange(json, "selectionRange", document, converter, symbol.SelectionRange);
        if (symbol.Children is { } children)
        {
            json.WritePropertyName("children");
            json.WriteStartArray();
            foreach (var child in children) WriteSymbol(json, document, converter, child, cancellationToken);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WriteRange(JsonWriter json, string name, PaperDocument document, ProtocolConverter converter, TextRange range)
    {
        json.WritePropertyName(name);
        json.WriteStartObject();
        WritePosition(json, "start", converter.ToLsp(document, range.Start));
        WritePosition(json, "end", converter.ToLsp(document, range.End));
        json.WriteEndObject();
    }

    private static void WritePosition(JsonWriter json, string name, Position position)
    {
        json.WritePropertyName(name);
        json.WriteStartObject();
        json.WritePropertyName("line");
        json.WriteValue(position.Line);
        json.WritePropertyName("character");
        json.WriteValue(position.Character);
        json.WriteEndObject();
    }
}
