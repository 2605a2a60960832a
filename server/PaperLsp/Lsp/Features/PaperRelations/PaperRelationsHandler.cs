using Newtonsoft.Json.Linq;
using PaperLsp.Files;
using PaperLsp.Ide;
using PaperLsp.Lsp.Conversion;
using PaperLsp.Lsp.Protocol;
using PaperLsp.Text;
using PaperLsp.Workspace;

namespace PaperLsp.Lsp.Features;

/// <summary>
/// Going from a paper to its copies and to related papers: textDocument/definition on a title (the other copies),
/// textDocument/implementation (related papers, for editors without the custom request), paperlist/relatedPapers (the
/// same list with titles, authors, scores and reasons, for the VS Code quick pick), code lenses resolved lazily, and the
/// lens command for editors that run it on the server. All run as exclusive queue items: the relations are mutable and
/// follow every edit, so they are read between edits, never during one.
/// </summary>
public sealed class PaperRelationsHandler(ServerSession session)
{
    /// <summary>The command of each code lens; the VS Code client shows a quick pick for it instead.</summary>
    public const string RelatedPapersCommand = "paperlsp.relatedPapers";

    private WorkspaceRelations Relations => session.Workspace.Relations;

    public Location[] Definition(DefinitionParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (Resolve(request.TextDocument.Uri, request.Position, context) is not var (id, position)) return [];
        return PaperRelationsService.Copies(context.Workspace, Relations, id, position)
            .Select(copy => context.Converter.ToLsp(copy.Target)).ToArray();
    }

    public Location[] Implementation(ImplementationParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (Resolve(request.TextDocument.Uri, request.Position, context) is not var (id, position)) return [];
        return PaperRelationsService.Related(context.Workspace, Relations, id, position, PaperRelationsService.DefaultRelatedLimit, cancellationToken)
            .Select(paper => context.Converter.ToLsp(paper.Target)).ToArray();
    }

    public RelatedPaper[] RelatedPapers(RelatedPapersParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (request.Limit is { } asked && (asked < 1 || asked > 200))
            throw InvalidParams($"limit must be between 1 and 200, not {asked}");
        if (Resolve(request.TextDocument.Uri, request.Position, context) is not var (id, position)) return [];
        return PaperRelationsService.Related(context.Workspace, Relations, id, position, request.Limit ?? PaperRelationsService.DefaultRelatedLimit, cancellationToken)
            .Select(paper => new RelatedPaper
            {
                Uri = paper.Target.File.Uri,
                Range = context.Converter.ToLsp(paper.Target.File.Document, paper.Target.Range),
                Title = paper.Title,
                Authors = paper.Authors.ToArray(),
                Score = Math.Round(paper.Score, 4),
                Reasons = paper.Reasons.ToArray(),
            }).ToArray();
    }

    /// <summary>One lens per entry, unresolved: the counts cost a related-papers query each, so only visible lenses pay.</summary>
    public CodeLens[] CodeLenses(CodeLensParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var uri = request.TextDocument.Uri;
        if (context.Workspace.Get(DocumentUris.IdOf(uri)) is not { } file) return [];
        return PaperRelationsService.LensRanges(file, cancellationToken).Select(range =>
        {
            var lspRange = context.Converter.ToLsp(file.Document, range);
            return new CodeLens { Range = lspRange, Data = new JObject { ["uri"] = uri, ["line"] = lspRange.Start.Line, ["character"] = lspRange.Start.Character } };
        }).ToArray();
    }

    public CodeLens ResolveCodeLens(CodeLens lens, RequestContext context, CancellationToken cancellationToken)
    {
        if (lens.Data is not JObject { } data || data.Value<string>("uri") is not { } uri) return lens;
        var position = new Position { Line = data.Value<int?>("line") ?? lens.Range.Start.Line, Character = data.Value<int?>("character") ?? lens.Range.Start.Character };
        if (Resolve(uri, position, context) is not var (id, at)) return lens;
        if (PaperRelationsService.LensTitle(context.Workspace, Relations, id, at, cancellationToken) is not { } title) return lens;
        lens.Command = new Command
        {
            Title = title,
            CommandIdentifier = RelatedPapersCommand,
            Arguments = [uri, JObject.FromObject(new { line = position.Line, character = position.Character })],
        };
        return lens;
    }

    /// <summary>workspace/executeCommand of the lens command: the related papers as locations.</summary>
    public object? ExecuteCommand(ExecuteCommandParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (request.Command != RelatedPapersCommand)
            throw InvalidParams($"Unknown command '{request.Command}'");
        if (request.Arguments is not [JValue { Type: JTokenType.String } uriToken, JObject positionToken]
            || positionToken.Value<int?>("line") is not { } line || positionToken.Value<int?>("character") is not { } character)
            throw InvalidParams($"{RelatedPapersCommand} takes a document URI and a position {{line, character}}");
        return Implementation(new ImplementationParams
        {
            TextDocument = new TextDocumentIdentifier { Uri = (string)uriToken! },
            Position = new Position { Line = line, Character = character },
        }, context, cancellationToken);
    }

    private static StreamJsonRpc.LocalRpcException InvalidParams(string message) => new(message) { ErrorCode = LspErrorCodes.InvalidParams };

    private static (DocumentId Id, TextPosition Position)? Resolve(string uri, Position position, RequestContext context)
    {
        var id = DocumentUris.IdOf(uri);
        if (context.Workspace.Get(id) is not { } file) return null;
        return (id, context.Converter.FromLsp(file.Document, position));
    }
}
