using System.Runtime.CompilerServices;
using System.Text;
using PaperLsp.Text;

namespace PaperLsp.Syntax;

/// <summary>What an edit did to the item sequence: from item <see cref="Index"/>, which started at <see cref="StartLine"/>, <see cref="Removed"/> were replaced by <see cref="Added"/>.</summary>
public sealed record ItemDelta(int Index, int StartLine, IReadOnlyList<ItemNode> Removed, IReadOnlyList<ItemNode> Added);

/// <summary>
/// An immutable snapshot of a paper-list file: its items (entries, comments, headings, blank and stray lines) in a
/// persistent tree. <see cref="Apply(TextChange)"/> re-reads only the items an edit touches, and the result always equals
/// <see cref="Parse"/> of the new text. Positions are lines and UTF-16 code units.
/// </summary>
public sealed class PaperDocument
{
    private readonly ItemTree tree;

    private PaperDocument(ItemTree tree, IReadOnlyList<ItemDelta> deltas, FlaggedItemsBox? flaggedBox = null)
    {
        this.tree = tree;
        Deltas = deltas;
        FlaggedBox = flaggedBox ?? new FlaggedItemsBox();
    }

    /// <summary>
    /// A place for a value that a layer above makes from the flagged items alone (which items, at which lines, under
    /// which directives), shared by consecutive versions whose edits left those as they were: see
    /// <see cref="LeavesFlaggedItems"/>. Most keystrokes are such edits, and the value then need not be made again.
    /// </summary>
    internal FlaggedItemsBox FlaggedBox { get; }

    internal sealed class FlaggedItemsBox
    {
        private volatile object? value;

        public object? Value
        {
            get => value;
            set => this.value = value;
        }
    }

    /// <summary>
    /// Whether every flagged item is the same node at the same line after <paramref name="delta"/>, under the same
    /// directives: no item it removed or added carries a finding or is a comment (a comment can be a directive, or
    /// join the run of comments above a flagged item whose directives are read), and it moved no line.
    /// </summary>
    private static bool LeavesFlaggedItems(ItemDelta delta)
    {
        var lines = 0;
        foreach (var item in delta.Removed)
        {
            if (!item.Problems.IsEmpty || item.Kind == ItemKind.Comment) return false;
            lines += item.LineCount;
        }
        foreach (var item in delta.Added)
        {
            if (!item.Problems.IsEmpty || item.Kind == ItemKind.Comment) return false;
            lines -= item.LineCount;
        }
        return lines == 0;
    }

    /// <summary>
    /// Every delta from the snapshot this one was made from, in order: one per change of <see cref="Apply(TextChange)"/>,
    /// several after <see cref="Apply(IEnumerable{TextChange})"/> (a multi-cursor didChange). Empty for a fresh parse.
    /// An index that follows a document must apply all of them: each is positioned against the document the previous left.
    /// </summary>
    public IReadOnlyList<ItemDelta> Deltas { get; }

    /// <summary>The last of <see cref="Deltas"/>; null for a fresh parse. Alone it describes only the last change.</summary>
    public ItemDelta? LastDelta => Deltas.Count == 0 ? null : Deltas[^1];

    /// <summary>Number of lines. An empty text has one empty line, as editors show it.</summary>
    public int LineCount => Math.Max(1, tree.LineCount);
    public int ItemCount => tree.Count;
    public int EntryCount => tree.EntryCount;

    /// <summary>
    /// Reads a whole text. A large one is read in chunks, one per core (up to <see cref="MaxChunks"/>), with the same
    /// result as one sequential read: see <see cref="ParseInChunks(string, IReadOnlyList{int}, bool)"/>.
    /// </summary>
    public static PaperDocument Parse(string text) => Parse(new RawText(text));

    /// <summary>
    /// Reads UTF-8 text, with the same result as <see cref="Parse(string)"/> of its decoding. Long ASCII lines (most
    /// abstracts) are kept as slices of <paramref name="text"/>'s buffer rather than copied, so the document holds on to
    /// that buffer (see <see cref="Utf8Text"/>).
    /// </summary>
    public static PaperDocument Parse(Utf8Text text) => Parse(new RawText(text));

    private static PaperDocument Parse(RawText text)
    {
        var length = text.End - text.Begin;
        var chunks = Math.Min(Math.Min(Environment.ProcessorCount, MaxChunks), length / MinChunkLength);
        if (chunks < 2) return ParseSequential(text);
        var cuts = new int[chunks - 1];
        for (var i = 0; i < cuts.Length; i++) cuts[i] = (int)((long)length * (i + 1) / chunks);
        return ParseInChunks(text, cuts, parallel: true);
    }

    /// <summary>Below this many UTF-16 units (or UTF-8 bytes) per chunk, starting threads costs more than it saves.</summary>
    private const int MinChunkLength = 1 << 20;

    private const int MaxChunks = 8;

    /// <summary>One pass over the whole text on the calling thread: the reading every other path must equal.</summary>
    internal static PaperDocument ParseSequential(string text) => ParseSequential(new RawText(text));

    internal static PaperDocument ParseSequential(Utf8Text text) => ParseSequential(new RawText(text));

    private static PaperDocument ParseSequential(RawText text)
    {
        var lines = text.Split(text.Begin, text.End, last: true);
        var items = new List<ItemNode>();
        ParseItems(lines, 0, lines.Count, items);
        return new PaperDocument(ItemTree.Build(items), []);
    }

    /// <summary>
    /// Reads the text in chunks that start near the given offsets (<paramref name="cuts"/>, ascending), on several threads
    /// when <paramref name="parallel"/>, and joins them; the result equals <see cref="ParseSequential(string)"/> for any cuts.
    /// <para>Lines are split at the first line start at or after each cut. Items are read in chunks that start at a line
    /// that is not text (blank, comment, heading or metadata), the first at or after the cut's line: such a line always
    /// starts an item of its own (an entry's second and third lines are text), and how it reads does not depend on the
    /// item before it (only a text line can be a stray line). So each chunk's parser is in step with the sequential one
    /// from its first line, and no item crosses into the next chunk. A cut with no such line near it is dropped.</para>
    /// </summary>
    internal static PaperDocument ParseInChunks(string text, IReadOnlyList<int> cuts, bool parallel) => ParseInChunks(new RawText(text), cuts, parallel);

    /// <summary>As <see cref="ParseInChunks(string, IReadOnlyList{int}, bool)"/>; the cuts are byte offsets from the text's start.</summary>
    internal static PaperDocument ParseInChunks(Utf8Text text, IReadOnlyList<int> cuts, bool parallel) => ParseInChunks(new RawText(text), cuts, parallel);

    private static PaperDocument ParseInChunks(RawText text, IReadOnlyList<int> cuts, bool parallel)
    {
        var lineStarts = new List<int> { text.Begin };
        foreach (var cut in cuts)
        {
            // The first line start at or after the cut: just past a line feed at the cut's previous character or later.
            var at = text.Begin + Math.Clamp(cut, 0, text.End - text.Begin);
            var newline = at <= text.Begin ? -1 : text.IndexOfLineFeed(at - 1);
            if (newline >= 0 && newline + 1 < text.End && newline + 1 > lineStarts[^1]) lineStarts.Add(newline + 1);
        }
        var pieces = new LineBuffer[lineStarts.Count];
        Run(pieces.Length, parallel, i => pieces[i] = text.Split(lineStarts[i], i + 1 < lineStarts.Count ? lineStarts[i + 1] : text.End, last: i + 1 == lineStarts.Count));
        var lines = LineBuffer.Concat(pieces);

        var itemStarts = new List<int> { 0 };
        var lineOfCut = 0;
        for (var i = 1; i < pieces.Length; i++)
        {
            lineOfCut += pieces[i - 1].Count;
            if (SyncLineFrom(lines, Math.Max(lineOfCut, itemStarts[^1] + 1)) is var sync and >= 0) itemStarts.Add(sync);
        }
        var chunkItems = new List<ItemNode>[itemStarts.Count];
        Run(chunkItems.Length, parallel, i =>
        {
            chunkItems[i] = new List<ItemNode>();
            ParseItems(lines, itemStarts[i], i + 1 < itemStarts.Count ? itemStarts[i + 1] : lines.Count, chunkItems[i], compactLines: false);
        });
        var items = new List<ItemNode>(chunkItems.Sum(chunk => chunk.Count));
        foreach (var chunk in chunkItems) items.AddRange(chunk);
        return new PaperDocument(ItemTree.Build(items), []);
    }

    /// <summary>A whole text to read, a string or UTF-8; offsets are into the string or the byte buffer.</summary>
    private readonly struct RawText
    {
        private readonly string? text;
        private readonly Utf8Text utf8;

        public RawText(string text)
        {
            this.text = text;
            End = text.Length;
        }

        public RawText(Utf8Text utf8)
        {
            this.utf8 = utf8;
            Begin = utf8.Start;
            End = utf8.Start + utf8.Length;
        }

        public int Begin { get; }
        public int End { get; }

        public int IndexOfLineFeed(int from)
        {
            var found = text is not null
                ? text.AsSpan(from, End - from).IndexOf('\n')
                : utf8.Buffer.AsSpan(from, End - from).IndexOf((byte)'\n');
            return found < 0 ? -1 : from + found;
        }

        public LineBuffer Split(int start, int end, bool last) =>
            text is not null ? LineBuffer.Split(text, start, end, last) : LineBuffer.Split(utf8, start, end, last);
    }

    /// <summary>How far past a cut to look for a line that is not text before giving the cut up.</summary>
    private const int SyncSearchLines = 4096;

    private static int SyncLineFrom(LineBuffer lines, int from)
    {
        var parser = new Parser(lines);
        for (var line = from; line < lines.Count && line < from + SyncSearchLines; line++)
            if (parser.Classify(line) != LineClass.Text) return line;
        return -1;
    }

    /// <summary>
    /// Runs the chunks, each but the first on a thread of its own. Not the thread pool: in the server its threads may be
    /// blocked reading the input, and a traced 100,000-entry open ran its second chunk only after the first had ended,
    /// 0.9 s later, until the pool added a thread.
    /// </summary>
    private static void Run(int count, bool parallel, Action<int> body)
    {
        if (!parallel || count < 2)
        {
            for (var i = 0; i < count; i++) body(i);
            return;
        }
        var failures = new Exception?[count];
        var threads = new Thread[count - 1];
        for (var i = 1; i < count; i++)
        {
            var chunk = i;
            threads[i - 1] = new Thread(() =>
            {
                try { body(chunk); }
                catch (Exception exception) { failures[chunk] = exception; }
            }) { IsBackground = true, Name = "paperlsp read chunk" };
            threads[i - 1].Start();
        }
        try { body(0); }
        catch (Exception exception) { failures[0] = exception; }
        foreach (var thread in threads) thread.Join();
        if (failures.FirstOrDefault(failure => failure is not null) is { } first)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
    }

    /// <summary>Reads the items of lines [from, to); <paramref name="from"/> starts an item and the item before it allows no stray line, or it is not text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ParseItems(LineBuffer lines, int from, int to, List<ItemNode> items, bool compactLines = true)
    {
        var parser = new Parser(lines, compactLines);
        var strayAllowed = false;
        for (var line = from; line < to;)
        {
            var item = parser.ParseItem(line, strayAllowed);
            items.Add(item);
            strayAllowed = Parser.AllowsStrayAfter(item);
            line += item.LineCount;
        }
    }

    /// <summary>
    /// Makes every abstract that can be compact so (one byte per character). A large read in chunks leaves that to
    /// this call, so the first diagnostics do not wait for it; run it off the critical path (any thread, more than once,
    /// while others read). Returns how many lines it made compact.
    /// </summary>
    public int CompactLines(CancellationToken cancellationToken = default)
    {
        var compacted = 0;
        foreach (var (item, _) in tree.Enumerate())
        {
            if (item is not EntryNode { AbstractLine: >= 0 } entry || entry.IsCompact(entry.AbstractLine)) continue;
            cancellationToken.ThrowIfCancellationRequested();
            entry.Compact();
            if (entry.IsCompact(entry.AbstractLine)) compacted++;
        }
        return compacted;
    }

    public string GetText()
    {
        var builder = new StringBuilder();
        foreach (var (item, _) in tree.Enumerate())
            for (var i = 0; i < item.LineCount; i++)
            {
                item.AppendLine(builder, i);
                builder.Append(item.LineEndingOf(i).Text());
            }
        return builder.ToString();
    }

    /// <summary>The text of a line, without its terminator; empty past the end.</summary>
    public string GetLineText(int line)
    {
        if ((uint)line >= (uint)tree.LineCount) return "";
        var (item, _, start) = tree.FindByLine(line);
        return item.LineText(line - start);
    }

    /// <summary>The length of a line in UTF-16 code units, without its terminator; 0 past the end. Copies no text.</summary>
    public int GetLineLength(int line)
    {
        if ((uint)line >= (uint)tree.LineCount) return 0;
        var (item, _, start) = tree.FindByLine(line);
        return item.LineLength(line - start);
    }

    public LineEnding GetLineEnding(int line)
    {
        if ((uint)line >= (uint)tree.LineCount) return LineEnding.None;
        var (item, _, start) = tree.FindByLine(line);
        return item.LineEndingOf(line - start);
    }

    /// <summary>All items in order, located.</summary>
    public IEnumerable<ItemSyntax> Items => tree.Enumerate().Select(pair => new ItemSyntax(pair.Item, pair.StartLine));

    /// <summary>Items from the one containing <paramref name="line"/> onwards.</summary>
    public IEnumerable<ItemSyntax> ItemsFrom(int line)
    {
        if (tree.Count == 0) return [];
        var (_, index, _) = tree.FindByLine(Math.Clamp(line, 0, tree.LineCount - 1));
        return tree.Enumerate(index).Select(pair => new ItemSyntax(pair.Item, pair.StartLine));
    }

    public IEnumerable<EntrySyntax> Entries =>
        tree.Enumerate().Where(pair => pair.Item is EntryNode).Select(pair => new EntrySyntax((EntryNode)pair.Item, pair.StartLine));

    /// <summary>Items that carry findings or file-wide directives; cheap even in huge files.</summary>
    public IEnumerable<ItemSyntax> FlaggedItems => tree.EnumerateFlagged().Select(pair => new ItemSyntax(pair.Item, pair.StartLine));

    /// <summary>Comments that hold a directive (<c>// paperlsp-ignore…</c>, <c>// paperlsp-not-duplicate…</c>); skips everything else, findings included.</summary>
    public IEnumerable<ItemSyntax> DirectiveItems => tree.EnumerateDirectives().Select(pair => new ItemSyntax(pair.Item, pair.StartLine));

    /// <summary>Entries whose title key has one of the given hashes (see <see cref="EntryNode.TitleKeyHash"/>); skips most of a large file.</summary>
    internal IEnumerable<EntrySyntax> FindEntriesByTitleHash(IReadOnlySet<int> hashes) =>
        tree.FindEntriesByTitleHash(hashes).Select(pair => new EntrySyntax(pair.Entry, pair.StartLine));

    /// <summary>The item containing <paramref name="line"/>, or null past the end.</summary>
    public ItemSyntax? FindItem(int line)
    {
        if ((uint)line >= (uint)tree.LineCount) return null;
        var (item, _, start) = tree.FindByLine(line);
        return new ItemSyntax(item, start);
    }

    /// <summary>The item just before the one starting at <paramref name="startLine"/>, if any.</summary>
    public ItemSyntax? PreviousItem(int startLine) => startLine <= 0 ? null : FindItem(startLine - 1);

    public EntrySyntax? FindEntry(int line) => FindItem(line) is { Node: EntryNode entry } item ? new EntrySyntax(entry, item.StartLine) : null;

    /// <summary>Clamps a client position into the document: past the end of a line to its end, past the last line to the end.</summary>
    public TextPosition Clamp(TextPosition position)
    {
        if (position.Line < 0) return new TextPosition(0, 0);
        if (position.Line >= tree.LineCount)
        {
            var lastLine = Math.Max(0, tree.LineCount - 1);
            return new TextPosition(lastLine, GetLineLength(lastLine));
        }
        return new TextPosition(position.Line, Math.Clamp(position.Character, 0, GetLineLength(position.Line)));
    }

    /// <summary>Applies edits in order; the result carries the delta of every one of them.</summary>
    public PaperDocument Apply(IEnumerable<TextChange> changes) => Apply(changes.Select(change => (Func<PaperDocument, TextChange>)(_ => change)));

    /// <summary>
    /// Applies edits in order, each made against the document the previous ones left (as LSP positions the changes of
    /// one didChange); the result carries the delta of every one of them.
    /// </summary>
    public PaperDocument Apply(IEnumerable<Func<PaperDocument, TextChange>> changes)
    {
        var document = this;
        List<ItemDelta>? deltas = null;
        foreach (var makeChange in changes)
        {
            document = document.Apply(makeChange(document));
            (deltas ??= []).AddRange(document.Deltas);
        }
        // No change at all: the same items, and nothing for an index to apply. The last document's box is this one's
        // exactly when every change left the flagged items as they were.
        return new PaperDocument(document.tree, (IReadOnlyList<ItemDelta>?)deltas ?? [], document.FlaggedBox);
    }

    /// <summary>Applies one LSP-style edit, re-reading only the items around it.</summary>
    public PaperDocument Apply(TextChange change)
    {
        if (change.Range is null || tree.Count == 0) return Replaced(change.Text);

        var start = Clamp(change.Range.Value.Start);
        var end = Clamp(change.Range.Value.End);
        if (end < start) (start, end) = (end, start);

        // The edited lines, spliced: prefix of the first line + new text + suffix of the last line with its terminator.
        var firstLine = start.Line;
        var spliced = GetLineText(start.Line)[..start.Character] + change.Text + GetLineText(end.Line)[end.Character..] + GetLineEnding(end.Line).Text();
        if (firstLine > 0 && spliced.StartsWith('\n') && GetLineEnding(firstLine - 1) == LineEnding.Cr)
        {
            // A lone CR ending the line before fuses with this LF into one CRLF: re-read that line too.
            firstLine--;
            spliced = GetLineText(firstLine) + "\r" + spliced;
        }
        var oldLastLine = end.Line;
        var newLines = LineBuffer.Split(spliced);
        // The spliced text ends with the old last line's terminator, so it splits into one empty line too many.
        if (GetLineEnding(oldLastLine) != LineEnding.None) newLines.RemoveLast();
        var delta = newLines.Count - (oldLastLine - firstLine + 1);

        // Restart at the first item whose lookahead (one line past its end) reaches the edit.
        var restartProbe = Math.Max(0, firstLine - 1);
        var (_, restartIndex, restartLine) = tree.FindByLine(restartProbe);
        var strayAllowed = restartIndex > 0 && Parser.AllowsStrayAfter(tree.At(restartIndex - 1).Item);

        var source = new SplicedLines(this, firstLine, newLines, delta);
        var parser = new Parser(source);
        var added = new List<ItemNode>();
        var line = restartLine;
        var editEndNew = firstLine + newLines.Count; // first new line after the spliced region
        var resumeIndex = tree.Count;
        while (line < source.Count)
        {
            if (line >= editEndNew)
            {
                // Past the edit: stop as soon as an old item starts here and the parser's state matches the old one.
                var oldLine = line - delta;
                var (oldItem, oldIndex, oldStart) = tree.FindByLine(oldLine);
                var oldStrayAllowed = oldIndex > 0 && Parser.AllowsStrayAfter(tree.At(oldIndex - 1).Item);
                if (oldStart == oldLine && oldStrayAllowed == strayAllowed)
                {
                    resumeIndex = oldIndex;
                    break;
                }
            }
            var item = parser.ParseItem(line, strayAllowed);
            added.Add(item);
            strayAllowed = Parser.AllowsStrayAfter(item);
            line += item.LineCount;
        }

        var removed = new List<ItemNode>(resumeIndex - restartIndex);
        foreach (var (item, _) in tree.Enumerate(restartIndex))
        {
            if (removed.Count == resumeIndex - restartIndex) break;
            removed.Add(item);
        }
        var itemDelta = new ItemDelta(restartIndex, restartLine, removed, added);
        return new PaperDocument(tree.Replace(restartIndex, removed.Count, added), [itemDelta], LeavesFlaggedItems(itemDelta) ? FlaggedBox : null);
    }

    private PaperDocument Replaced(string text)
    {
        var fresh = Parse(text);
        var removed = tree.Enumerate().Select(pair => pair.Item).ToList();
        var added = fresh.tree.Enumerate().Select(pair => pair.Item).ToList();
        return new PaperDocument(fresh.tree, [new ItemDelta(0, 0, removed, added)]);
    }

    /// <summary>The new document's lines during a reparse: old lines before and after the edit, spliced lines inside it.</summary>
    private sealed class SplicedLines(PaperDocument old, int firstLine, LineBuffer splicedLines, int delta) : ILineSource
    {
        public int Count { get; } = old.tree.LineCount + delta;

        public string Text(int line) =>
            line < firstLine ? old.GetLineText(line)
            : line < firstLine + splicedLines.Count ? splicedLines.Text(line - firstLine)
            : old.GetLineText(line - delta);

        public LineEnding Ending(int line) =>
            line < firstLine ? old.GetLineEnding(line)
            : line < firstLine + splicedLines.Count ? splicedLines.Ending(line - firstLine)
            : old.GetLineEnding(line - delta);
    }
}

/// <summary>
/// Text split into lines as LSP counts them: "a\n" is two lines, the second empty; an empty text is one empty line.
/// The text is a string, or UTF-8 bytes (<see cref="Utf8Text"/>); a UTF-8 line break is the same bytes as in ASCII, and
/// no other character's encoding contains them, so the same split serves both.
/// </summary>
internal sealed class LineBuffer : ILineSource
{
    // Offsets into the text, not strings: a line's string is made when the parser reads it, so an abstract the entry
    // keeps compact lives as a string only briefly and dies young, instead of every line of a large file being made
    // up front and surviving (and being copied by) the collections of the whole read.
    private readonly string? text;
    private readonly byte[]? utf8;
    private readonly List<int> starts;
    private readonly List<int> lengths;
    private readonly List<LineEnding> endings;

    private LineBuffer(string? text, byte[]? utf8, List<int> starts, List<int> lengths, List<LineEnding> endings)
    {
        this.text = text;
        this.utf8 = utf8;
        this.starts = starts;
        this.lengths = lengths;
        this.endings = endings;
    }

    public int Count => starts.Count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Text(int line) =>
        utf8 is null ? text!.Substring(starts[line], lengths[line]) : Encoding.UTF8.GetString(utf8, starts[line], lengths[line]);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public LineEnding Ending(int line) => endings[line];

    /// <summary>
    /// A line of UTF-8 text that is ASCII and long enough to keep compact is kept as a slice of the bytes it was read
    /// from: the entry then holds no copy of its abstract at all (see <see cref="ItemNode.KeepNarrow"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public NarrowSlice? Narrow(int line)
    {
        if (utf8 is null || lengths[line] < ItemNode.MinCompactLength) return null;
        var bytes = utf8.AsSpan(starts[line], lengths[line]);
        return System.Text.Ascii.IsValid(bytes) ? new NarrowSlice(utf8, starts[line], lengths[line]) : null;
    }

    public void RemoveLast()
    {
        starts.RemoveAt(starts.Count - 1);
        lengths.RemoveAt(lengths.Count - 1);
        endings.RemoveAt(endings.Count - 1);
    }

    public static LineBuffer Split(string text) => Split(text, 0, text.Length, last: true);

    /// <summary>
    /// The lines of text[start..end). Unless <paramref name="last"/>, the range ends right after a line break and the
    /// empty line after it belongs to the next range.
    /// </summary>
    public static LineBuffer Split(string text, int start, int end, bool last)
    {
        var (starts, lengths, endings) = SplitCore<char>(text, start, end, last, '\r', '\n');
        return new LineBuffer(text, null, starts, lengths, endings);
    }

    /// <summary>
    /// The lines of bytes [start, end) of <paramref name="text"/>'s buffer (offsets into the buffer, in bytes), as
    /// <see cref="Split(string, int, int, bool)"/>. Nothing past the text's end is read: in a message body, what follows
    /// the text is the rest of the message, or what unescaping it left behind.
    /// </summary>
    public static LineBuffer Split(Utf8Text text, int start, int end, bool last)
    {
        var all = text.Buffer.AsSpan(0, text.Start + text.Length);
        var (starts, lengths, endings) = SplitCore<byte>(all, start, end, last, (byte)'\r', (byte)'\n');
        return new LineBuffer(null, text.Buffer, starts, lengths, endings);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (List<int>, List<int>, List<LineEnding>) SplitCore<T>(ReadOnlySpan<T> all, int start, int end, bool last, T cr, T lf)
        where T : unmanaged, IEquatable<T>
    {
        var capacity = Math.Max(4, (end - start) / 400);
        var starts = new List<int>(capacity);
        var lengths = new List<int>(capacity);
        var endings = new List<LineEnding>(capacity);
        while (true)
        {
            var breakAt = all.Slice(start, end - start).IndexOfAny(cr, lf);
            if (breakAt < 0)
            {
                // A range that is not the last ends right after a line break: its last line is already taken.
                if (last)
                {
                    starts.Add(start);
                    lengths.Add(end - start);
                    endings.Add(LineEnding.None);
                }
                break;
            }
            breakAt += start;
            starts.Add(start);
            lengths.Add(breakAt - start);
            if (all[breakAt].Equals(cr) && breakAt + 1 < all.Length && all[breakAt + 1].Equals(lf))
            {
                endings.Add(LineEnding.CrLf);
                start = breakAt + 2;
            }
            else
            {
                endings.Add(all[breakAt].Equals(lf) ? LineEnding.Lf : LineEnding.Cr);
                start = breakAt + 1;
            }
        }
        return (starts, lengths, endings);
    }

    /// <summary>Pieces of one text split in order.</summary>
    public static LineBuffer Concat(IReadOnlyList<LineBuffer> pieces)
    {
        if (pieces.Count == 1) return pieces[0];
        var count = pieces.Sum(piece => piece.Count);
        var starts = new List<int>(count);
        var lengths = new List<int>(count);
        var endings = new List<LineEnding>(count);
        foreach (var piece in pieces)
        {
            if (!ReferenceEquals(piece.text, pieces[0].text) || !ReferenceEquals(piece.utf8, pieces[0].utf8)) throw new ArgumentException("The pieces are of one text.");
            starts.AddRange(piece.starts);
            lengths.AddRange(piece.lengths);
            endings.AddRange(piece.endings);
        }
        return new LineBuffer(pieces[0].text, pieces[0].utf8, starts, lengths, endings);
    }
}
