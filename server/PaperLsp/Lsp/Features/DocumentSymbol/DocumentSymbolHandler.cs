using PaperLsp.Classification;
using PaperLsp.Lsp.Protocol;
using PaperLsp.Syntax;

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

    public DocumentSymbol[] Handle(DocumentSymbolParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.GetDocument(request.TextDocument, Methods.DocumentSymbol) is not { } snapshot) return [];
        return Build(snapshot.Document, context.Converter, cancellationToken);
    }

    public static DocumentSymbol[] Build(PaperDocument document, ProtocolConverter converter, CancellationToken cancellationToken = default)
    {
        DocumentSymbol ToSymbol(OutlineNode node)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return node switch
            {
                OutlineEntry { Entry: var entry } => new DocumentSymbol
                {
                    // LSP requires a non-empty name; otherwise the name is exactly the title as written.
                    Name = entry.Title.Length > 0 ? entry.Title : UntitledEntry,
                    Detail = entry.AuthorsText.Length > 0 ? entry.AuthorsText : null,
                    Kind = EntryKind,
                    Range = converter.ToLsp(document, entry.Range),
                    SelectionRange = converter.ToLsp(document, entry.Title.Length > 0 ? entry.TitleRange : entry.Item.ToRange(new LineSpan(entry.Node.HeaderLine, 0, 0))),
                },
                OutlineSection section => new DocumentSymbol
                {
                    Name = section.Title.Trim().Length > 0 ? section.Title : UntitledSection,
                    Kind = SectionKind,
                    Range = converter.ToLsp(document, section.Range),
                    SelectionRange = converter.ToLsp(document, section.TitleRange),
                    Children = section.Children.Select(ToSymbol).ToList(),
                },
                _ => throw new InvalidOperationException(node.GetType().Name),
            };
        }

        return DocumentOutline.Build(document, cancellationToken).Select(ToSymbol).ToArray();
    }
}
