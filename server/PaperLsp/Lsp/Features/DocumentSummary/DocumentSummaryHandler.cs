using PaperLsp.Lsp.Protocol;

namespace PaperLsp.Lsp.Features;

/// <summary>
/// <c>paperlsp/documentSummary</c>: the entry count of one open list, for the VS Code client's status bar. The count is
/// kept in the item tree, so this costs nothing on a 100,000-entry list (documentSymbol would build the whole outline).
/// </summary>
public sealed class DocumentSummaryHandler
{
    public DocumentSummary? Handle(DocumentSummaryParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.GetDocument(request.TextDocument, Methods.DocumentSummary) is not { } snapshot) return null;
        return new DocumentSummary { Entries = snapshot.Document.EntryCount };
    }
}
