using PaperLsp.Files;
using PaperLsp.Ide;
using PaperLsp.Lsp.Conversion;
using PaperLsp.Lsp.Protocol;
using StreamJsonRpc;

namespace PaperLsp.Lsp.Features;

/// <summary>textDocument/prepareRename and textDocument/rename of an author, across every list, in one WorkspaceEdit.
/// Refusals are errors with a message the client shows.</summary>
public sealed class RenameHandler
{
    public PrepareRenameResult Prepare(PrepareRenameParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var id = DocumentUris.IdOf(request.TextDocument.Uri);
        var file = context.Workspace.Get(id) ?? throw Refuse("This document is not part of the workspace.");
        try
        {
            var (range, placeholder) = RenameService.Prepare(context.Workspace, id, context.Converter.FromLsp(file.Document, request.Position));
            return new PrepareRenameResult { Range = context.Converter.ToLsp(file.Document, range), Placeholder = placeholder };
        }
        catch (RenameService.RenameRefused refused) { throw Refuse(refused.Message); }
    }

    public WorkspaceEdit Rename(RenameParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var id = DocumentUris.IdOf(request.TextDocument.Uri);
        var file = context.Workspace.Get(id) ?? throw Refuse("This document is not part of the workspace.");
        try
        {
            var change = RenameService.Rename(context.Workspace, id, context.Converter.FromLsp(file.Document, request.Position), request.NewName, cancellationToken);
            return context.Converter.ToLsp(change, SupportsDocumentChanges(context));
        }
        catch (RenameService.RenameRefused refused) { throw Refuse(refused.Message); }
    }

    internal static bool SupportsDocumentChanges(RequestContext context) =>
        context.Session.ClientCapabilities.Workspace?.WorkspaceEdit?.DocumentChanges == true;

    private static LocalRpcException Refuse(string message) => new(message) { ErrorCode = LspErrorCodes.RequestFailed };
}
