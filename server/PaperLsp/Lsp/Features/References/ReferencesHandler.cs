using PaperLsp.Files;
using PaperLsp.Ide;
using PaperLsp.Lsp.Conversion;
using PaperLsp.Lsp.Protocol;

namespace PaperLsp.Lsp.Features;

/// <summary>textDocument/references (every header of every list that names the author) and
/// textDocument/documentHighlight (the author's names in this file).</summary>
public sealed class ReferencesHandler
{
    public Location[] References(ReferenceParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var id = DocumentUris.IdOf(request.TextDocument.Uri);
        if (context.Workspace.Get(id) is not { } file) return [];
        var position = context.Converter.FromLsp(file.Document, request.Position);
        return NavigationService.References(context.Workspace, id, position, cancellationToken).Select(context.Converter.ToLsp).ToArray();
    }

    public DocumentHighlight[] Highlights(DocumentHighlightParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var id = DocumentUris.IdOf(request.TextDocument.Uri);
        if (context.Workspace.Get(id) is not { } file) return [];
        var position = context.Converter.FromLsp(file.Document, request.Position);
        return NavigationService.Highlights(context.Workspace, id, position, cancellationToken)
            .Select(range => new DocumentHighlight { Range = context.Converter.ToLsp(file.Document, range), Kind = DocumentHighlightKind.Text }).ToArray();
    }
}
