using PaperLsp.Files;
using PaperLsp.Ide;
using PaperLsp.Lsp.Conversion;
using PaperLsp.Lsp.Protocol;
using LspCodeAction = PaperLsp.Lsp.Protocol.CodeAction;

namespace PaperLsp.Lsp.Features;

/// <summary>textDocument/codeAction: ' | ' at each plausible title/author boundary (quick fixes of PL0201 and PL0202),
/// unifying the spellings of one person's name (refactor.rewrite), and sorting a section or the list by date, score or
/// title (source actions), and on a duplicate: remove this copy, keep the most complete copy and remove the others (in
/// every list, one edit), mark as not a duplicate of another (quick fixes). Runs as an exclusive queue item: the
/// duplicate fixes read the workspace relations.</summary>
public sealed class CodeActionHandler(ServerSession session)
{
    public static readonly string[] Kinds = [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.SourceSortByDate, CodeActionKind.SourceSortByScore, CodeActionKind.SourceSortByTitle];

    public LspCodeAction[] Handle(CodeActionParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var id = DocumentUris.IdOf(request.TextDocument.Uri);
        if (context.Workspace.Get(id) is not { } file) return [];
        var range = context.Converter.FromLsp(file.Document, request.Range, out _);
        var documentChanges = RenameHandler.SupportsDocumentChanges(context);
        return CodeActionService.Actions(context.Workspace, id, range, session.Workspace.Relations)
            .Select(action => (Action: action, Kind: KindOf(action)))
            .Where(pair => request.Context.Only is not { Length: > 0 } only || only.Any(o => pair.Kind == o || pair.Kind.StartsWith(o + ".", StringComparison.Ordinal)))
            .Select(pair => new LspCodeAction
            {
                Title = pair.Action.Title,
                Kind = pair.Kind,
                IsPreferred = pair.Action.IsPreferred ? true : null,
                Diagnostics = pair.Action.FixesCodes.Count == 0 ? null
                    : request.Context.Diagnostics.Where(d => d.Code is { } code && pair.Action.FixesCodes.Contains(code)).ToArray() is { Length: > 0 } fixes ? fixes : null,
                Edit = context.Converter.ToLsp(pair.Action.Change, documentChanges),
            }).ToArray();
    }

    private static string KindOf(CodeActionResult action) => action.Kind switch
    {
        ActionKind.QuickFix => CodeActionKind.QuickFix,
        ActionKind.Refactor => CodeActionKind.RefactorRewrite,
        _ => action.SortKey switch { "date" => CodeActionKind.SourceSortByDate, "score" => CodeActionKind.SourceSortByScore, _ => CodeActionKind.SourceSortByTitle },
    };
}
