using PaperLsp.Files;
using PaperLsp.Ide;
using PaperLsp.Lsp.Protocol;
using LspHover = PaperLsp.Lsp.Protocol.Hover;

namespace PaperLsp.Lsp.Features;

/// <summary>textDocument/hover: the cards of <see cref="HoverService"/>, in markdown, or plain text for a client that
/// prefers it (hover.contentFormat). A title card lists the paper's copies and its top related papers from the
/// workspace relations, which is why hover runs as an exclusive queue item.</summary>
public sealed class HoverHandler(ServerSession session)
{
    public LspHover? Handle(HoverParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var id = DocumentUris.IdOf(request.TextDocument.Uri);
        if (context.Workspace.Get(id) is not { } file) return null;
        var position = context.Converter.FromLsp(file.Document, request.Position);
        if (HoverService.Hover(context.Workspace, id, position, cancellationToken, session.Workspace.Relations) is not { } card) return null;
        var markdown = PrefersMarkdown(context.Session.ClientCapabilities.TextDocument?.Hover?.ContentFormat);
        return new LspHover
        {
            Contents = new MarkupContent { Kind = markdown ? MarkupKind.Markdown : MarkupKind.PlainText, Value = markdown ? card.Markdown : card.PlainText },
            Range = context.Converter.ToLsp(file.Document, card.Range),
        };
    }

    /// <summary>Markdown unless the client lists formats and plain text comes first (or markdown not at all).</summary>
    public static bool PrefersMarkdown(string[]? formats) =>
        formats is not { Length: > 0 } || (formats[0] == MarkupKind.Markdown || (formats.Contains(MarkupKind.Markdown) && formats[0] != MarkupKind.PlainText));
}
