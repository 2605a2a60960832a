using System.Globalization;
using PaperLsp.Lsp.Protocol;

namespace PaperLsp.Lsp.Features;

/// <summary>textDocument/diagnostic (pull). Runs as an exclusive queue item because the analysis reads the live title index.
/// The result id is the snapshot's revision, so an unchanged document answers "unchanged".</summary>
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
        var resultId = snapshot.Revision.ToString(CultureInfo.InvariantCulture);
        if (request.PreviousResultId == resultId) return new UnchangedDocumentDiagnosticReport { ResultId = resultId };
        var (items, json) = diagnostics.ComputeWithJson(snapshot, cancellationToken);
        return new FullDocumentDiagnosticReport { ResultId = resultId, Items = items, ItemsJson = json };
    }
}
