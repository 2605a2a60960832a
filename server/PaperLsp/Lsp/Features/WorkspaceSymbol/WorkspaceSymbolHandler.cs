using PaperLsp.Ide;
using PaperLsp.Lsp.Conversion;
using PaperLsp.Lsp.Protocol;
using LspWorkspaceSymbol = PaperLsp.Lsp.Protocol.WorkspaceSymbol;

namespace PaperLsp.Lsp.Features;

/// <summary>workspace/symbol: titles and authors of every list, fuzzy, best first, capped.</summary>
public sealed class WorkspaceSymbolHandler
{
    public LspWorkspaceSymbol[] Handle(WorkspaceSymbolParams request, RequestContext context, CancellationToken cancellationToken) =>
        WorkspaceSymbolService.Search(context.Workspace, request.Query, WorkspaceSymbolService.DefaultLimit, cancellationToken)
            .Select(result => new LspWorkspaceSymbol
            {
                Name = result.Name,
                Kind = result.Category == SymbolCategory.Entry ? DocumentSymbolHandler.EntryKind : SymbolKind.Constructor,
                ContainerName = result.Container,
                Location = context.Converter.ToLsp(result.Target),
            }).ToArray();
}
