using PaperLsp.Files;
using PaperLsp.Ide;
using PaperLsp.Lsp.Conversion;
using PaperLsp.Lsp.Protocol;

namespace PaperLsp.Lsp.Features;

/// <summary>textDocument/references (on an author: every header of every list that names the author; on a title: every
/// copy of the paper, this one too) and textDocument/documentHighlight (the author's names in this file). References run
/// as exclusive queue items, because the copies of a paper come from the mutable workspace relations.</summary>
public sealed class ReferencesHandler(ServerSession session)
{
    public Location[] References(ReferenceParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var id = DocumentUris.IdOf(request.TextDocument.Uri);
        if (context.Workspace.Get(id) is not { } file) return [];
        var position = context.Converter.FromLsp(file.Document, request.Position);
        if (PaperRelationsService.TitleAt(file, position) is { } entry)
        {
            var copies = PaperRelationsService.Copies(context.Workspace, session.Workspace.Relations, id, position).Select(copy => copy.Target);
            var here = request.Context.IncludeDeclaration ? [new NavigationTarget(file, entry.TitleRange)] : Array.Empty<NavigationTarget>();
            return here.Concat(copies).Select(context.Converter.ToLsp).ToArray();
        }
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
