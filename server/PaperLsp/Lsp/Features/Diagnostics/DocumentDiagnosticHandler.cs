using PaperLsp.Lsp.Protocol;

namespace PaperLsp.Lsp.Features;

/// <summary>textDocument/diagnostic (pull). Runs as an exclusive queue item because the analysis reads the live title index.
/// The result id is the findings' (<see cref="DiagnosticList.ResultId"/>), not the document's revision: a keystroke that
/// leaves every finding's JSON as it was answers "unchanged" and sends no list.</summary>
public sealed class DocumentDiagnosticHandler(ServerSession session, DiagnosticsPublisher diagnostics)
{
    public object Handle(DocumentDiagnosticParams request, RequestContext context, CancellationToken cancellationToken)
    {
        // Exclusive: the store's current state is the state as of this request's arrival.
        if (session.Store.Get(request.TextDocument.Uri) is not { } snapshot)
        {
            context.GetDocument(request.TextDocument, Methods.DocumentDiagnostic);
            return new FullDocumentDiagnosticReport { Items = [] };
        }
        var list = diagnostics.ComputeWithJson(snapshot, cancellationToken);
        if (request.PreviousResultId == list.ResultId) return new UnchangedDocumentDiagnosticReport { ResultId = list.ResultId };
        return new FullDocumentDiagnosticReport { ResultId = list.ResultId, Items = list.Items, CachedItems = list };
    }
}
