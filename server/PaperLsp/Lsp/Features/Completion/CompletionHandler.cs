using Newtonsoft.Json.Linq;
using PaperLsp.Files;
using PaperLsp.Ide;
using PaperLsp.Lsp.Conversion;
using PaperLsp.Lsp.Protocol;

namespace PaperLsp.Lsp.Features;

/// <summary>textDocument/completion and completionItem/resolve: authors, affiliations, categories and months from
/// <see cref="CompletionService"/>; an author's papers are documented lazily, on resolve.</summary>
public sealed class CompletionHandler
{
    public static readonly string[] TriggerCharacters = [",", "|", "·"];

    public CompletionList Handle(CompletionParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var id = DocumentUris.IdOf(request.TextDocument.Uri);
        if (context.Workspace.Get(id) is not { } file) return new CompletionList();
        var position = context.Converter.FromLsp(file.Document, request.Position);
        var limit = context.Session.InitializationOptions.MaxCompletionItems is { } max and > 0 ? max : CompletionService.DefaultLimit;
        var result = CompletionService.Complete(context.Workspace, id, position, limit, cancellationToken);
        return new CompletionList
        {
            IsIncomplete = result.IsIncomplete,
            Items = result.Items.Select(item => new CompletionItem
            {
                Label = item.Label,
                Kind = IdeConverter.ToLsp(item.Kind),
                Detail = item.Detail,
                FilterText = item.FilterText,
                SortText = item.SortText,
                TextEdit = new TextEdit { Range = context.Converter.ToLsp(file.Document, item.Replace), NewText = item.NewText },
                Data = item.ResolveKey is null ? null : new JObject { ["author"] = item.ResolveKey },
            }).ToArray(),
        };
    }

    public CompletionItem Resolve(CompletionItem item, RequestContext context, CancellationToken cancellationToken)
    {
        if (item.Data is JObject data && data["author"] is JValue { Type: JTokenType.String } key)
        {
            var card = HoverService.AuthorCard(context.Workspace, (string)key!, item.Label, null, cancellationToken);
            var markdown = HoverHandler.PrefersMarkdown(context.Session.ClientCapabilities.TextDocument?.Hover?.ContentFormat);
            item.Documentation = new MarkupContent { Kind = markdown ? MarkupKind.Markdown : MarkupKind.PlainText, Value = markdown ? card.Markdown : card.Plain };
        }
        return item;
    }
}
