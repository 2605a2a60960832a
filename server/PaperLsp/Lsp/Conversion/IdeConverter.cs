using PaperLsp.Ide;
using PaperLsp.Lsp.Protocol;

namespace PaperLsp.Lsp.Conversion;

/// <summary>The plain results of <c>PaperLsp.Ide</c> as LSP types: every range converted against the text of its own
/// file, in the negotiated encoding (rust-analyzer's to_proto).</summary>
public static class IdeConverter
{
    public static Location ToLsp(this ProtocolConverter converter, NavigationTarget target) =>
        new() { Uri = target.File.Uri, Range = converter.ToLsp(target.File.Document, target.Range) };

    /// <summary>Versioned document edits when the client takes them (open files carry their version, the others null),
    /// else the plain per-URI map.</summary>
    public static WorkspaceEdit ToLsp(this ProtocolConverter converter, SourceChange change, bool documentChanges)
    {
        if (documentChanges)
            return new WorkspaceEdit
            {
                DocumentChanges = change.Files.Select(file => new TextDocumentEdit
                {
                    TextDocument = new OptionalVersionedTextDocumentIdentifier { Uri = file.File.Uri, Version = file.Version },
                    Edits = file.Changes.Select(c => converter.ToLsp(file.File.Document, c)).ToArray(),
                }).ToArray(),
            };
        return new WorkspaceEdit
        {
            Changes = change.Files.ToDictionary(file => file.File.Uri, file => file.Changes.Select(c => converter.ToLsp(file.File.Document, c)).ToArray()),
        };
    }

    public static CompletionItemKind ToLsp(CompletionKind kind) => kind switch
    {
        CompletionKind.Author => CompletionItemKind.User,
        CompletionKind.Category => CompletionItemKind.EnumMember,
        CompletionKind.Month => CompletionItemKind.Constant,
        _ => CompletionItemKind.Folder,
    };
}
