using PaperLsp.Formatting;
using PaperLsp.Lsp.Protocol;

namespace PaperLsp.Lsp.Features;

/// <summary>textDocument/formatting and rangeFormatting: <see cref="Formatter.ComputeEdits"/> as TextEdits.</summary>
public sealed class FormattingHandler
{
    public TextEdit[] Format(DocumentFormattingParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.GetDocument(request.TextDocument, Methods.Formatting) is not { } snapshot) return [];
        cancellationToken.ThrowIfCancellationRequested();
        return Formatter.ComputeEdits(snapshot.Document).Select(edit => context.Converter.ToLsp(snapshot.Document, edit)).ToArray();
    }

    public TextEdit[] FormatRange(DocumentRangeFormattingParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.GetDocument(request.TextDocument, Methods.RangeFormatting) is not { } snapshot) return [];
        cancellationToken.ThrowIfCancellationRequested();
        var range = context.Converter.FromLsp(snapshot.Document, request.Range, out _);
        return Formatter.ComputeEdits(snapshot.Document, range).Select(edit => context.Converter.ToLsp(snapshot.Document, edit)).ToArray();
    }
}
