using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Lsp.Protocol;

// LSP 3.17 structures of hover, completion, references, highlights, rename and code actions.

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public class TextDocumentPositionParams
{
    [JsonProperty(Required = Required.Always)] public TextDocumentIdentifier TextDocument { get; set; } = new();
    [JsonProperty(Required = Required.Always)] public Position Position { get; set; } = new();
}

public sealed class HoverParams : TextDocumentPositionParams { }
public sealed class DocumentHighlightParams : TextDocumentPositionParams { }
public sealed class PrepareRenameParams : TextDocumentPositionParams { }

public static class MarkupKind
{
    public const string PlainText = "plaintext";
    public const string Markdown = "markdown";
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class MarkupContent
{
    public string Kind { get; set; } = MarkupKind.Markdown;
    public string Value { get; set; } = "";
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class Hover
{
    public MarkupContent Contents { get; set; } = new();
    public Range? Range { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class CompletionParams : TextDocumentPositionParams
{
    public CompletionContext? Context { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class CompletionContext
{
    public int TriggerKind { get; set; }
    public string? TriggerCharacter { get; set; }
}

public enum CompletionItemKind { Text = 1, Value = 12, Enum = 13, Keyword = 14, EnumMember = 20, Constant = 21, Reference = 18, Folder = 19, User = 22 }

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class CompletionList
{
    public bool IsIncomplete { get; set; }
    public CompletionItem[] Items { get; set; } = [];
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class CompletionItem
{
    public string Label { get; set; } = "";
    public CompletionItemKind? Kind { get; set; }
    public string? Detail { get; set; }
    public MarkupContent? Documentation { get; set; }
    public string? SortText { get; set; }
    public string? FilterText { get; set; }
    public TextEdit? TextEdit { get; set; }
    public JToken? Data { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class CompletionOptions
{
    public string[]? TriggerCharacters { get; set; }
    public bool ResolveProvider { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class ReferenceParams : TextDocumentPositionParams
{
    public ReferenceContext Context { get; set; } = new();
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class ReferenceContext
{
    public bool IncludeDeclaration { get; set; } = true;
}

public enum DocumentHighlightKind { Text = 1, Read = 2, Write = 3 }

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class DocumentHighlight
{
    public Range Range { get; set; } = new();
    public DocumentHighlightKind Kind { get; set; } = DocumentHighlightKind.Text;
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class RenameParams : TextDocumentPositionParams
{
    [JsonProperty(Required = Required.Always)] public string NewName { get; set; } = "";
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class PrepareRenameResult
{
    public Range Range { get; set; } = new();
    public string Placeholder { get; set; } = "";
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class RenameOptions
{
    public bool PrepareProvider { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class CodeActionParams
{
    [JsonProperty(Required = Required.Always)] public TextDocumentIdentifier TextDocument { get; set; } = new();
    [JsonProperty(Required = Required.Always)] public Range Range { get; set; } = new();
    public CodeActionContext Context { get; set; } = new();
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class CodeActionContext
{
    public Diagnostic[] Diagnostics { get; set; } = [];
    public string[]? Only { get; set; }
}

public static class CodeActionKind
{
    public const string QuickFix = "quickfix";
    public const string Refactor = "refactor";
    public const string RefactorRewrite = "refactor.rewrite";
    public const string Source = "source";
    public const string SourceSortByDate = "source.sort.date";
    public const string SourceSortByScore = "source.sort.score";
    public const string SourceSortByTitle = "source.sort.title";
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class CodeAction
{
    public string Title { get; set; } = "";
    public string? Kind { get; set; }
    public Diagnostic[]? Diagnostics { get; set; }
    public bool? IsPreferred { get; set; }
    public WorkspaceEdit? Edit { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class CodeActionOptions
{
    public string[]? CodeActionKinds { get; set; }
}
