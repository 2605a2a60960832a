using PaperLsp.Classification;
using PaperLsp.Lsp.Protocol;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Lsp.Features;

/// <summary>textDocument/documentSymbol: one symbol per entry, nested in the sections of <c># headings</c>.</summary>
public sealed class DocumentSymbolHandler
{
    /// <summary>
    /// An entry is a record of named fields (title, authors, metadata, abstract): <see cref="SymbolKind.Object"/> says
    /// exactly that in outlines, where <see cref="SymbolKind.File"/> would suggest a file on disk.
    /// </summary>
    public const SymbolKind EntryKind = SymbolKind.Object;

    /// <summary>A section groups the entries under it the way a namespace groups its members.</summary>
    public const SymbolKind SectionKind = SymbolKind.Namespace;

    public const string UntitledEntry = "(untitled)";
    public const string UntitledSection = "(untitled section)";

    /// <summary>Per open document, its entries' pieces (<see cref="DocumentSymbolJson"/>), dropped when it closes.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DocumentSymbolJson.Pieces> pieces = new(StringComparer.Ordinal);

    public DocumentSymbolHandler()
    {
    }

    public DocumentSymbolHandler(Workspace.DocumentStore store) =>
        store.Changed += change => { if (change.Current is null) pieces.TryRemove(change.Uri, out _); };

    public DocumentSymbol[] Handle(DocumentSymbolParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.GetDocument(request.TextDocument, Methods.DocumentSymbol) is not { } snapshot) return [];
        return Build(snapshot.Document, context.Converter, cancellationToken);
    }

    /// <summary>What the server answers: the symbols of <see cref="Handle"/> as UTF-8 JSON, written without building them.</summary>
    public Utf8JsonBuffer HandleJson(DocumentSymbolParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.GetDocument(request.TextDocument, Methods.DocumentSymbol) is not { } snapshot)
        {
            var empty = new Utf8JsonBuffer();
            empty.Raw("[]"u8);
            return empty;
        }
        return DocumentSymbolJson.Write(snapshot.Document, context.Converter,
            pieces.GetOrAdd(snapshot.Uri, static _ => new DocumentSymbolJson.Pieces()), cancellationToken);
    }

    public static DocumentSymbol[] Build(PaperDocument document, ProtocolConverter converter, CancellationToken cancellationToken = default)
    {
        DocumentSymbol ToSymbol(OutlineNode node)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var symbol = SymbolOf(node);
            return new DocumentSymbol
            {
                Name = symbol.Name,
                Detail = symbol.Detail,
                Kind = symbol.Kind,
                Range = converter.ToLsp(document, symbol.Range),
                SelectionRange = converter.ToLsp(document, symbol.SelectionRange),
                Children = symbol.Children?.Select(ToSymbol).ToList(),
            };
        }

        return DocumentOutline.Build(document, cancellationToken).Select(ToSymbol).ToArray();
    }

    /// <summary>The symbol of an outline node, in model ranges; <see cref="OutlineSymbol.Children"/> is null for entries.</summary>
    public static OutlineSymbol SymbolOf(OutlineNode node) => node switch
    {
        // LSP requires a non-empty name; otherwise the name is exactly the title as written.
        OutlineEntry { Entry: var entry } => new OutlineSymbol(
            entry.Title.Length > 0 ? entry.Title : UntitledEntry,
            entry.AuthorsText is { Length: > 0 } authors ? authors : null,
            EntryKind,
            entry.Range,
            entry.Title.Length > 0 ? entry.TitleRange : entry.Item.ToRange(new LineSpan(entry.Node.HeaderLine, 0, 0)),
            null),
        OutlineSection section => new OutlineSymbol(
            section.Title.Trim().Length > 0 ? section.Title : UntitledSection,
            null,
            SectionKind,
            section.Range,
            section.TitleRange,
            section.Children),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };
}

/// <summary>A document symbol before conversion to protocol positions.</summary>
public readonly record struct OutlineSymbol(string Name, string? Detail, SymbolKind Kind, TextRange Range, TextRange SelectionRange,
    IReadOnlyList<OutlineNode>? Children);
