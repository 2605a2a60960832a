namespace PaperLsp.Diagnostics;

public enum DiagnosticSeverity { Error = 1, Warning = 2, Information = 3, Hint = 4 }

/// <summary>One entry of the catalogue in docs/format.md. Codes are stable: never renumber, only add.</summary>
public sealed record DiagnosticDescriptor(string Code, string Name, DiagnosticSeverity Severity, string Summary)
{
    /// <summary>Anchor of this code's section in docs/format.md, for LSP codeDescription.</summary>
    public string DocumentationAnchor => $"{Code.ToLowerInvariant()}-{Name}";
}

public static class DiagnosticCatalog
{
    public const string DocumentationUrl = "https://github.com/paperlsp/paperlsp/blob/main/docs/format.md";

    public static readonly DiagnosticDescriptor UnreadableMetadata = new("PL0101", "unreadable-metadata", DiagnosticSeverity.Error, "A metadata line that cannot be read.");
    public static readonly DiagnosticDescriptor UnknownMonth = new("PL0102", "unknown-month", DiagnosticSeverity.Error, "The date's month is not an English month name or abbreviation.");
    public static readonly DiagnosticDescriptor ImpossibleDate = new("PL0103", "impossible-date", DiagnosticSeverity.Error, "The date does not exist in the calendar.");
    public static readonly DiagnosticDescriptor UnknownCategory = new("PL0104", "unknown-category", DiagnosticSeverity.Warning, "The category is not an arXiv category.");
    public static readonly DiagnosticDescriptor OrphanMetadata = new("PL0105", "orphan-metadata", DiagnosticSeverity.Error, "A metadata line with no entry after it.");
    public static readonly DiagnosticDescriptor IncompleteMetadata = new("PL0106", "incomplete-metadata", DiagnosticSeverity.Error, "A metadata line with its score, category or date missing.");
    public static readonly DiagnosticDescriptor MalformedMetadata = new("PL0107", "malformed-metadata", DiagnosticSeverity.Warning, "A metadata line with a part in the wrong case, spaces between parts or a missing comma.");

    public static readonly DiagnosticDescriptor AuthorsNotFound = new("PL0201", "authors-not-found", DiagnosticSeverity.Error, "The header's author list cannot be found.");
    public static readonly DiagnosticDescriptor AmbiguousBoundary = new("PL0202", "ambiguous-title-boundary", DiagnosticSeverity.Warning, "Where the title ends and the authors begin is not certain.");
    public static readonly DiagnosticDescriptor EmptyTitle = new("PL0203", "empty-title", DiagnosticSeverity.Error, "The header has no title.");
    public static readonly DiagnosticDescriptor EmptyAuthor = new("PL0204", "empty-author", DiagnosticSeverity.Error, "An empty name in the author list.");
    public static readonly DiagnosticDescriptor RepeatedAuthor = new("PL0205", "repeated-author", DiagnosticSeverity.Warning, "The same author appears twice in one entry.");
    public static readonly DiagnosticDescriptor MissingAbstract = new("PL0206", "missing-abstract", DiagnosticSeverity.Warning, "The entry has no abstract, or an empty one.");

    public static readonly DiagnosticDescriptor DuplicateEntry = new("PL0301", "duplicate-entry", DiagnosticSeverity.Warning, "The same paper appears more than once, in this list or another.");
    public static readonly DiagnosticDescriptor ExactCopy = new("PL0302", "exact-copy", DiagnosticSeverity.Error, "An entry is an exact copy of another entry.");
    public static readonly DiagnosticDescriptor PossibleDuplicate = new("PL0303", "possible-duplicate", DiagnosticSeverity.Information, "An entry may be the same paper as another: a new version, or another paper about the same system.");

    public static readonly DiagnosticDescriptor StrayLine = new("PL0401", "stray-line", DiagnosticSeverity.Error, "A line that belongs to no entry.");
    public static readonly DiagnosticDescriptor UnknownDirective = new("PL0402", "unknown-directive", DiagnosticSeverity.Warning, "A paperlsp directive comment that cannot be understood.");

    public static readonly DiagnosticDescriptor TabInText = new("PL0501", "tab-in-text", DiagnosticSeverity.Hint, "A tab inside a title, author list or abstract.");
    public static readonly DiagnosticDescriptor TrailingWhitespace = new("PL0502", "trailing-whitespace", DiagnosticSeverity.Hint, "Spaces or tabs at the end of a line.");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        UnreadableMetadata, UnknownMonth, ImpossibleDate, UnknownCategory, OrphanMetadata, IncompleteMetadata, MalformedMetadata,
        AuthorsNotFound, AmbiguousBoundary, EmptyTitle, EmptyAuthor, RepeatedAuthor, MissingAbstract,
        DuplicateEntry, ExactCopy, PossibleDuplicate, StrayLine, UnknownDirective, TabInText, TrailingWhitespace,
    ];

    private static readonly Dictionary<string, DiagnosticDescriptor> ByCode = All.ToDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase);

    public static DiagnosticDescriptor? Find(string code) => ByCode.GetValueOrDefault(code);

    public static string DocumentationLink(DiagnosticDescriptor descriptor) => $"{DocumentationUrl}#{descriptor.DocumentationAnchor}";
}
