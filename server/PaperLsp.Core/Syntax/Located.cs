using PaperLsp.Text;

namespace PaperLsp.Syntax;

/// <summary>An item at its place in a document snapshot: the node plus its first line.</summary>
public readonly record struct ItemSyntax(ItemNode Node, int StartLine)
{
    public int EndLine => StartLine + Node.LineCount - 1;
    public ItemKind Kind => Node.Kind;

    /// <summary>From the start of the first line to the end of the last line's text.</summary>
    public TextRange Range => new(new TextPosition(StartLine, 0), new TextPosition(EndLine, Node.LineLength(Node.LineCount - 1)));

    public TextRange ToRange(LineSpan span) =>
        new(new TextPosition(StartLine + span.Line, span.Start), new TextPosition(StartLine + span.Line, span.End));

    public TextRange ToRange(int relativeLine, ColumnSpan span) => ToRange(new LineSpan(relativeLine, span.Start, span.Length));

    public EntrySyntax? AsEntry => Node is EntryNode entry ? new EntrySyntax(entry, StartLine) : null;
}

/// <summary>A located entry: every part of it as an absolute range.</summary>
public readonly record struct EntrySyntax(EntryNode Node, int StartLine)
{
    public ItemSyntax Item => new(Node, StartLine);
    public int EndLine => StartLine + Node.LineCount - 1;
    public int HeaderLine => StartLine + Node.HeaderLine;
    public int? MetadataLine => Node.Metadata is null ? null : StartLine;
    public int? AbstractLine => Node.AbstractLine < 0 ? null : StartLine + Node.AbstractLine;

    public TextRange Range => Item.Range;
    public string Title => Node.Title;
    public TextRange TitleRange => Item.ToRange(Node.HeaderLine, Node.Header.Title);

    public IReadOnlyList<(string Name, TextRange Range)> Authors
    {
        get
        {
            var header = Node.LineText(Node.HeaderLine);
            var item = Item;
            var headerLine = Node.HeaderLine;
            return Node.Header.Authors.Select(span => (header.Substring(span.Start, span.Length), item.ToRange(headerLine, span))).ToArray();
        }
    }

    public IReadOnlyList<(string Name, TextRange Range)> Affiliations
    {
        get
        {
            var header = Node.LineText(Node.HeaderLine);
            var item = Item;
            var headerLine = Node.HeaderLine;
            return Node.Header.Affiliations.Select(span => (header.Substring(span.Start, span.Length), item.ToRange(headerLine, span))).ToArray();
        }
    }

    public TextRange? EtAlRange => Node.Header.EtAl is { } span ? Item.ToRange(Node.HeaderLine, span) : null;
    public TextRange? SeparatorRange => Node.Header.Separator is { } span ? Item.ToRange(Node.HeaderLine, span) : null;
    public TextRange? AffiliationMarkerRange => Node.Header.AffiliationMarker is { } span ? Item.ToRange(Node.HeaderLine, span) : null;

    /// <summary>The authors as written, from the first author to the end of "et al." (the header minus title and affiliations).</summary>
    public string AuthorsText
    {
        get
        {
            var reading = Node.Header;
            if (reading.Authors.IsEmpty) return "";
            var start = reading.Authors[0].Start;
            var end = reading.EtAl?.End ?? reading.Authors[^1].End;
            return Node.LineText(Node.HeaderLine)[start..end];
        }
    }

    public TextRange? AbstractRange => Node.AbstractLine < 0 ? null : Item.ToRange(Node.AbstractSpan);
    public string Abstract => Node.Abstract;

    public MetadataNode? Metadata => Node.Metadata;
    public TextRange? Locate(LineSpan? span) => span is { } s ? Item.ToRange(s) : null;
}
