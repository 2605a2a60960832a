using PaperLsp.Exchange;
using PaperLsp.Lsp.Protocol;
using StreamJsonRpc;

namespace PaperLsp.Lsp.Features;

/// <summary>
/// <c>paperlsp/export</c>: the current list, or the entries a range touches, as BibTeX, BibLaTeX, CSL-JSON or RIS. The
/// server returns the text and never writes a file: the client saves it where the user chooses.
/// </summary>
public sealed class ExportHandler
{
    public ExportResult Handle(ExportParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (!Exporter.TryParseFormat(request.Format, out var format))
            throw new LocalRpcException($"Unknown export format '{request.Format}': use bibtex, biblatex, csl-json or ris.") { ErrorCode = LspErrorCodes.InvalidParams };
        if (context.GetDocument(request.TextDocument, Methods.Export) is not { } snapshot)
            throw new LocalRpcException("Only an open list can be exported from the editor.") { ErrorCode = LspErrorCodes.RequestFailed };
        cancellationToken.ThrowIfCancellationRequested();
        var (first, last) = request.Range is { } range ? (range.Start.Line, range.End.Line) : (0, int.MaxValue);
        var text = Exporter.Export(snapshot.Document, format, new ExportOptions(request.Ascii), first, last);
        return new ExportResult { Text = text, Extension = FileExtension(format) };
    }

    /// <summary>The extension a save dialog proposes: CSL-JSON is a .json file, both BibTeX dialects .bib.</summary>
    public static string FileExtension(ExchangeFormat format) => format switch
    {
        ExchangeFormat.CslJson => "json",
        ExchangeFormat.Ris => "ris",
        _ => "bib",
    };
}
