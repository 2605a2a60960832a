using System.Runtime.CompilerServices;
using PaperLsp.Syntax;

namespace PaperLsp.Duplicates;

/// <summary>
/// The directives of one document that bear on duplicates: file-wide ones, and those written above each entry.
/// Built once per document version from the tree's flagged items (directive comments are few), not from every line.
/// </summary>
internal sealed class DirectiveMap
{
    private static readonly ConditionalWeakTable<PaperDocument, DirectiveMap> Cache = new();
    private static readonly IReadOnlyList<Directive> None = [];

    private readonly List<Directive> file = [];
    private readonly Dictionary<EntryNode, List<Directive>> byEntry = new(ReferenceEqualityComparer.Instance);

    private DirectiveMap(PaperDocument document)
    {
        foreach (var item in document.DirectiveItems)
        {
            if (item.Node is not CommentNode { Directive: { } directive }) continue;
            if (directive.Scope == DirectiveScope.File)
            {
                file.Add(directive);
                continue;
            }
            // The entry below the run of comments this one is in.
            foreach (var next in document.ItemsFrom(item.StartLine + item.Node.LineCount))
            {
                if (next.Node is CommentNode) continue;
                if (next.Node is EntryNode entry)
                {
                    if (!byEntry.TryGetValue(entry, out var list)) byEntry[entry] = list = [];
                    list.Add(directive);
                }
                break;
            }
        }
    }

    public static DirectiveMap Of(PaperDocument document) => Cache.GetValue(document, static d => new DirectiveMap(d));

    public bool IsEmpty => file.Count == 0 && byEntry.Count == 0;

    /// <summary>
    /// Whether both maps hold the same directive objects over the same entry nodes. Nodes an edit did not re-read are
    /// shared between document versions, so after a keystroke away from every directive the new version's map is the
    /// same as the old one's, and findings made under the old one still hold.
    /// </summary>
    public bool SameAs(DirectiveMap other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (file.Count != other.file.Count || byEntry.Count != other.byEntry.Count) return false;
        for (var i = 0; i < file.Count; i++)
            if (!ReferenceEquals(file[i], other.file[i])) return false;
        foreach (var (entry, list) in byEntry)
        {
            if (!other.byEntry.TryGetValue(entry, out var theirs) || theirs.Count != list.Count) return false;
            for (var i = 0; i < list.Count; i++)
                if (!ReferenceEquals(list[i], theirs[i])) return false;
        }
        return true;
    }

    public IReadOnlyList<Directive> For(EntryNode entry) => byEntry.TryGetValue(entry, out var list) ? list : None;

    /// <summary>Whether a finding of <paramref name="code"/> on <paramref name="entry"/> is silenced by an ignore directive.</summary>
    public bool Silences(EntryNode entry, string code) =>
        file.Any(d => d.Covers(code)) || (byEntry.TryGetValue(entry, out var list) && list.Any(d => d.Covers(code)));

    /// <summary>Whether a not-duplicate directive above <paramref name="entry"/> names <paramref name="other"/>.</summary>
    public bool SaysNotDuplicate(EntryNode entry, PaperFingerprint other)
    {
        if (!byEntry.TryGetValue(entry, out var list)) return false;
        foreach (var directive in list)
        {
            if (directive.NotDuplicateOf is not { } target || target.TitleKey != other.TitleKey) continue;
            if (target.Year is { } year && other.Date?.Year != year) continue;
            if (target.Surname is { } surname && (other.AuthorKeys.Length == 0 || PaperFingerprint.SurnameOf(other.AuthorKeys[0]) != surname)) continue;
            return true;
        }
        return false;
    }
}
