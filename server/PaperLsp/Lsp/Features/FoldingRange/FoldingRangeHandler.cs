using PaperLsp.Classification;
using PaperLsp.Lsp.Protocol;
using LspFoldingRange = PaperLsp.Lsp.Protocol.FoldingRange;

namespace PaperLsp.Lsp.Features;

/// <summary>textDocument/foldingRange: entries (from their header line), sections and comment runs, from <see cref="DocumentOutline.Folds"/>.</summary>
public sealed class FoldingRangeHandler
{
    public LspFoldingRange[] Handle(FoldingRangeParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.GetDocument(request.TextDocument, Methods.FoldingRange) is not { } snapshot) return [];
        return DocumentOutline.Folds(snapshot.Document, cancellationToken)
            .Select(region => new LspFoldingRange
            {
                StartLine = region.StartLine,
                EndLine = region.EndLine,
                Kind = region.Kind == FoldKind.Comment ? FoldingRangeKind.Comment : null,
            })
            .ToArray();
    }
}
