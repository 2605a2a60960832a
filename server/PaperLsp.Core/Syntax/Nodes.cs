using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using PaperLsp.Diagnostics;

namespace PaperLsp.Syntax;

public enum LineEnding : byte { None, Lf, CrLf, Cr }

public static class LineEndings
{
    public static string Text(this LineEnding ending) => ending switch
    {
        LineEnding.Lf => "\n",
        LineEnding.CrLf => "\r\n",
        LineEnding.Cr => "\r",
        _ => "",
    };
}

/// <summary>A span inside one item: the line is relative to the item's first line, columns are UTF-16 code units.</summary>
public readonly record struct LineSpan(int Line, int Start, int Length)
{
    public int End => Start + Length;
    public bool IsEmpty => Length == 0;
}

/// <summary>A finding of the parser, positioned relative to its item. Severity comes from the catalogue.</summary>
public sealed record SyntaxProblem(DiagnosticDescriptor Descriptor, LineSpan Span, string Message);

public enum ItemKind
{
    /// <summary>Optional metadata line, header line, optional abstract line.</summary>
    Entry,
    Blank,
    /// <summary>A line starting with <c>//</c>; may carry paperlsp directives.</summary>
    Comment,
    /// <summary>A line starting with one or more <c>#</c> and a space.</summary>
    Heading,
    /// <summary>A metadata line that is not directly followed by a header.</summary>
    OrphanMetadata,
    /// <summary>A prose line after an abstract that belongs to no entry.</summary>
    StrayLine,
}

/// <summary>
/// An immutable, position-free node covering one or more whole lines of the document (a "green" node).
/// Every line of a document belongs to exactly one item, so no text is ever dropped.
/// Unchanged items are shared between document versions, which lets an index watch the document item by item.
/// </summary>
public class ItemNode
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal ItemNode(ItemKind kind, string[] lines, LineEnding[] endings, ImmutableArray<SyntaxProblem> problems)
    {
        // An item is one to three lines (metadata, header, abstract): fields and two bits per line end keep them without
        // two arrays per item, which a full read of a large file would otherwise keep by the hundred thousand.
        if (lines.Length is < 1 or > 3 || endings.Length != lines.Length) throw new ArgumentException("An item has one to three lines, each with its ending.");
        Kind = kind;
        lineCount = (byte)lines.Length;
        line0 = lines[0];
        line1 = lines.Length > 1 ? lines[1] : null;
        line2 = lines.Length > 2 ? lines[2] : null;
        for (var i = 0; i < endings.Length; i++) packedEndings |= (byte)((int)endings[i] << (2 * i));
        Problems = problems;
    }

    // Each line is a string, or a byte per character (see CompactLine): a byte[] of its own, or a NarrowSlice of the
    // UTF-8 text the document was read from (see KeepNarrow).
    private object line0;
    private object? line1;
    private object? line2;
    private readonly byte lineCount;
    private readonly byte packedEndings;

    public ItemKind Kind { get; }
    public int LineCount => lineCount;
    public ImmutableArray<SyntaxProblem> Problems { get; }

    private object Line(int relativeLine) => relativeLine switch
    {
        0 => line0,
        1 when lineCount > 1 => line1!,
        2 when lineCount > 2 => line2!,
        _ => throw new ArgumentOutOfRangeException(nameof(relativeLine)),
    };

    /// <summary>The text of a line, without its terminator. A compact line is decoded into a new string on each call:
    /// where only the length or a comparison is needed, use <see cref="LineLength"/> or the members that take no copy.</summary>
    public string LineText(int relativeLine) => Line(relativeLine) switch
    {
        string text => text,
        var narrow => System.Text.Encoding.Latin1.GetString(Narrow(narrow)),
    };

    /// <summary>The bytes of a line kept a byte per character.</summary>
    private static ReadOnlySpan<byte> Narrow(object kept) => kept is byte[] bytes ? bytes : ((NarrowSlice)kept).Span;

    /// <summary>The length of a line in UTF-16 code units, without its terminator.</summary>
    public int LineLength(int relativeLine) => Line(relativeLine) switch
    {
        string text => text.Length,
        var narrow => Narrow(narrow).Length,
    };

    /// <summary>Appends a line's text, without its terminator, copying no string.</summary>
    public void AppendLine(System.Text.StringBuilder builder, int relativeLine)
    {
        var kept = Line(relativeLine);
        if (kept is string text)
        {
            builder.Append(text);
            return;
        }
        var narrow = Narrow(kept);
        Span<char> chunk = stackalloc char[512];
        for (var from = 0; from < narrow.Length; from += chunk.Length)
        {
            var count = Math.Min(chunk.Length, narrow.Length - from);
            System.Text.Encoding.Latin1.GetChars(narrow.Slice(from, count), chunk);
            builder.Append(chunk[..count]);
        }
    }

    /// <summary>
    /// Keeps a line as one byte per character when every character fits in one (Latin-1, which holds nearly every
    /// abstract) and the line is long: at 100,000 entries the abstracts are most of the document, and as UTF-16 strings
    /// they kept the document above twice the file's size. The text stays the same, so this may run on a node other
    /// threads read: each read takes the field once, and sees the string or the finished bytes.
    /// </summary>
    private protected void CompactLine(int relativeLine)
    {
        if (Line(relativeLine) is not string { Length: >= MinCompactLength } text || text.AsSpan().ContainsAnyExceptInRange('\0', '\u00FF')) return;
        // On the pinned object heap, which is collected with gen2 only and never copied: these bytes live as long as
        // the entry does, and promoting 120 MB of them through gen0 and gen1 after a large open paused the queue for
        // the user's first keystrokes. They hold no references, so they cost the younger collections nothing.
        var narrow = GC.AllocateUninitializedArray<byte>(text.Length, pinned: true);
        System.Text.Encoding.Latin1.GetBytes(text, narrow);
        switch (relativeLine)
        {
            case 0: Volatile.Write(ref line0, narrow); break;
            case 1: Volatile.Write(ref line1, narrow); break;
            default: Volatile.Write(ref line2, narrow); break;
        }
    }

    /// <summary>Part of a line's text, decoding only that part of a compact line.</summary>
    public string LineSlice(int relativeLine, int start, int length) => Line(relativeLine) switch
    {
        string text => text.Substring(start, length),
        var narrow => System.Text.Encoding.Latin1.GetString(Narrow(narrow).Slice(start, length)),
    };

    /// <summary>Shorter lines stay strings: a narrow form saves too little on them.</summary>
    internal const int MinCompactLength = 64;

    internal bool IsCompact(int relativeLine) => Line(relativeLine) is not string;

    /// <summary>
    /// Keeps a line as <paramref name="slice"/>, the bytes it was read from, which must be its text in ASCII. Only the
    /// parser calls this, on a node it has just made and not yet handed out.
    /// </summary>
    internal void KeepNarrow(int relativeLine, NarrowSlice slice)
    {
        switch (relativeLine)
        {
            case 0: line0 = slice; break;
            case 1: line1 = slice; break;
            default: line2 = slice; break;
        }
    }

    /// <summary>Whether line <paramref name="relativeLine"/> of this node and line <paramref name="otherLine"/> of
    /// <paramref name="other"/> have the same text.</summary>
    internal bool SameLine(int relativeLine, ItemNode other, int otherLine) => (Line(relativeLine), other.Line(otherLine)) switch
    {
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        (not string, not string) => Narrow(Line(relativeLine)).SequenceEqual(Narrow(other.Line(otherLine))),
        _ => string.Equals(LineText(relativeLine), other.LineText(otherLine), StringComparison.Ordinal),
    };

    /// <summary>The ordinal hash of a line's text (equal to its string's), whichever way the line is kept.</summary>
    internal int LineHash(int relativeLine)
    {
        var kept = Line(relativeLine);
        if (kept is string text) return string.GetHashCode(text.AsSpan());
        var narrow = Narrow(kept);
        var wide = System.Buffers.ArrayPool<char>.Shared.Rent(narrow.Length);
        try
        {
            var count = System.Text.Encoding.Latin1.GetChars(narrow, wide);
            return string.GetHashCode(wide.AsSpan(0, count));
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(wide);
        }
    }

    public LineEnding LineEndingOf(int relativeLine) =>
        (uint)relativeLine < lineCount ? (LineEnding)((packedEndings >> (2 * relativeLine)) & 3) : throw new ArgumentOutOfRangeException(nameof(relativeLine));

    /// <summary>Whether the tree should be able to find this item quickly when collecting findings or directives.</summary>
    internal virtual bool IsFlagged => !Problems.IsEmpty;

    public string GetText()
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < LineCount; i++)
        {
            AppendLine(builder, i);
            builder.Append(LineEndingOf(i).Text());
        }
        return builder.ToString();
    }
}

/// <summary>
/// A line kept as a range of the UTF-8 bytes a document was read from, when those are ASCII (so one byte per
/// character, as a compact line is): 32 bytes for an abstract instead of a copy of it.
/// </summary>
internal sealed class NarrowSlice(byte[] bytes, int start, int length)
{
    public ReadOnlySpan<byte> Span => bytes.AsSpan(start, length);
}

public sealed class MetadataNode
{
    internal MetadataNode(LineSpan whole, LineSpan? score, LineSpan? category, LineSpan? date, LineSpan? code,
        double? scoreValue, string? categoryText, DateOnly? dateValue, bool hasCode, bool isReadable)
    {
        Whole = whole; Score = score; Category = category; Date = date; Code = code;
        ScoreValue = scoreValue; CategoryText = categoryText; DateValue = dateValue; HasCode = hasCode; IsReadable = isReadable;
    }

    public LineSpan Whole { get; }
    public LineSpan? Score { get; }
    public LineSpan? Category { get; }
    public LineSpan? Date { get; }
    public LineSpan? Code { get; }
    public double? ScoreValue { get; }
    public string? CategoryText { get; }
    /// <summary>Null when the date is missing, unreadable or impossible.</summary>
    public DateOnly? DateValue { get; }
    public bool HasCode { get; }
    public bool IsReadable { get; }
}

/// <summary>A metadata line with no header after it, or the metadata of an entry.</summary>
public sealed class OrphanMetadataNode : ItemNode
{
    internal OrphanMetadataNode(string[] lines, LineEnding[] endings, ImmutableArray<SyntaxProblem> problems, MetadataNode metadata)
        : base(ItemKind.OrphanMetadata, lines, endings, problems) => Metadata = metadata;

    public MetadataNode Metadata { get; }
}

public sealed class HeadingNode : ItemNode
{
    internal HeadingNode(string[] lines, LineEnding[] endings, ImmutableArray<SyntaxProblem> problems, int level, LineSpan title)
        : base(ItemKind.Heading, lines, endings, problems)
    {
        Level = level;
        TitleSpan = title;
    }

    /// <summary>1 for <c>#</c>, 2 for <c>##</c>, and so on.</summary>
    public int Level { get; }
    public LineSpan TitleSpan { get; }
    public string Title => LineText(0).Substring(TitleSpan.Start, TitleSpan.Length);
}

public enum DirectiveScope { NextEntry, File }

/// <summary>
/// <c>// paperlsp-ignore CODE...</c> (next entry) or <c>// paperlsp-ignore-file CODE...</c> (whole file). No codes means
/// every code. <c>// paperlsp-not-duplicate "Title" Surname Year</c> (next entry) carries <see cref="NotDuplicateOf"/>
/// instead, and silences only the pair it names.
/// </summary>
public sealed record Directive(DirectiveScope Scope, ImmutableArray<string> Codes, LineSpan KeywordSpan, ImmutableArray<LineSpan> CodeSpans, NotDuplicateTarget? NotDuplicateOf = null)
{
    public bool Covers(string code) => NotDuplicateOf is null && (Codes.IsEmpty || Codes.Contains(code, StringComparer.OrdinalIgnoreCase));
}

/// <summary>The other paper a <c>paperlsp-not-duplicate</c> directive names: by title, and when titles are equal by its first author's surname and year.</summary>
public sealed record NotDuplicateTarget(string Title, string TitleKey, string? Surname, int? Year, LineSpan TitleSpan);

public sealed class CommentNode : ItemNode
{
    internal CommentNode(string[] lines, LineEnding[] endings, ImmutableArray<SyntaxProblem> problems, LineSpan comment, Directive? directive)
        : base(ItemKind.Comment, lines, endings, problems)
    {
        CommentSpan = comment;
        Directive = directive;
    }

    public LineSpan CommentSpan { get; }
    public Directive? Directive { get; }
    internal override bool IsFlagged => base.IsFlagged || Directive is not null; // duplicate findings read every directive
}

public enum BoundaryConfidence
{
    /// <summary>The title runs into the authors at a clear word boundary (e.g. <c>ModelsYung-Sung</c>), or the writer used <c> | </c>.</summary>
    Certain,
    /// <summary>More than one reading is plausible; the parser picked one and says so.</summary>
    Ambiguous,
    /// <summary>No author list was found.</summary>
    None,
}

/// <summary>The kinds of value other layers keep on an entry node (see <see cref="EntryNode.Derived"/>).</summary>
internal enum EntryDerivedSlot : byte { Facts, Related, Fingerprint }

public sealed class EntryNode : ItemNode
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal EntryNode(string[] lines, LineEnding[] endings, ImmutableArray<SyntaxProblem> problems,
        MetadataNode? metadata, HeaderReading header, int headerLine, int abstractLine, LineSpan abstractSpan, bool compact = true)
        : base(ItemKind.Entry, lines, endings, problems)
    {
        Metadata = metadata;
        Header = header;
        HeaderLine = headerLine;
        AbstractLine = abstractLine;
        AbstractSpan = abstractSpan;
        Title = LineText(headerLine).Substring(header.Title.Start, header.Title.Length);
        TitleKey = Syntax.TitleKey.Normalize(Title);
        TitleKeyHash = string.GetHashCode(TitleKey, StringComparison.Ordinal);
        if (compact) Compact();
    }

    /// <summary>Keeps the abstract compact if it can be (see <see cref="ItemNode.CompactLine"/>); any thread, any time.</summary>
    internal void Compact()
    {
        if (AbstractLine >= 0) CompactLine(AbstractLine);
    }

    private int textHash;

    // What other layers derive from an entry (index facts, relatedness facts, duplicate fingerprint), kept on the node
    // that it is derived from. A ConditionalWeakTable per kind held one GC handle per entry, and every collection,
    // gen0 included, walks them all: at 100,000 entries the three tables added milliseconds to each pause.
    private object? derivedFacts;
    private object? derivedRelated;
    private object? derivedFingerprint;

    /// <summary>The value of <paramref name="slot"/>, made by <paramref name="make"/> the first time; a race makes it
    /// twice and keeps one, which is harmless because it depends on the immutable node alone.</summary>
    internal T Derived<T>(EntryDerivedSlot slot, Func<EntryNode, T> make) where T : class
    {
        ref var field = ref slot == EntryDerivedSlot.Facts ? ref derivedFacts
            : ref slot == EntryDerivedSlot.Related ? ref derivedRelated : ref derivedFingerprint;
        if (Volatile.Read(ref field) is T kept) return kept;
        var made = make(this);
        return Interlocked.CompareExchange(ref field, made, null) as T ?? made;
    }

    /// <summary>Hash of the entry's lines (not their line ends), computed once: exact copies are found without copying text.</summary>
    internal int TextHash
    {
        get
        {
            if (textHash == 0)
            {
                var hash = new HashCode();
                for (var i = 0; i < LineCount; i++) hash.Add(LineHash(i));
                textHash = hash.ToHashCode() | 1;
            }
            return textHash;
        }
    }

    /// <summary>Whether <paramref name="other"/> has exactly this entry's lines (line ends aside).</summary>
    internal bool HasSameText(EntryNode other) =>
        ReferenceEquals(this, other) || (TextHash == other.TextHash && LineCount == other.LineCount && SameLines(other));

    private bool SameLines(EntryNode other)
    {
        for (var i = 0; i < LineCount; i++)
            if (!SameLine(i, other, i)) return false;
        return true;
    }

    /// <summary>Hash of <see cref="TitleKey"/>, kept so whole-file duplicate searches compare integers.</summary>
    internal int TitleKeyHash { get; }

    public MetadataNode? Metadata { get; }
    /// <summary>Line of the header, relative to the entry (0, or 1 after a metadata line).</summary>
    public int HeaderLine { get; }
    /// <summary>Line of the abstract relative to the entry, or -1 when the entry has none.</summary>
    public int AbstractLine { get; }
    public LineSpan AbstractSpan { get; }
    internal HeaderReading Header { get; }

    public string Title { get; }
    /// <summary>The title lower-cased with punctuation and spacing removed: equal keys mean the same paper.</summary>
    public string TitleKey { get; }
    public bool EtAl => Header.EtAl is not null;
    public BoundaryConfidence Confidence => Header.Confidence;
    public IReadOnlyList<string> Authors => Header.Authors.Select(a => LineText(HeaderLine).Substring(a.Start, a.Length)).ToArray();
    public IReadOnlyList<string> Affiliations => Header.Affiliations.Select(a => LineText(HeaderLine).Substring(a.Start, a.Length)).ToArray();
    public string Abstract => AbstractLine < 0 ? "" : LineSlice(AbstractLine, AbstractSpan.Start, AbstractSpan.Length);
}
