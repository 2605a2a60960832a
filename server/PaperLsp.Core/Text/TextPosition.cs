namespace PaperLsp.Text;

/// <summary>A position as LSP counts it: zero-based line, and zero-based UTF-16 code unit within the line.</summary>
public readonly record struct TextPosition(int Line, int Character) : IComparable<TextPosition>
{
    public int CompareTo(TextPosition other) =>
        Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);

    public static bool operator <(TextPosition a, TextPosition b) => a.CompareTo(b) < 0;
    public static bool operator >(TextPosition a, TextPosition b) => a.CompareTo(b) > 0;
    public static bool operator <=(TextPosition a, TextPosition b) => a.CompareTo(b) <= 0;
    public static bool operator >=(TextPosition a, TextPosition b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Line}:{Character}";
}

/// <summary>A half-open range [Start, End) in UTF-16 positions.</summary>
public readonly record struct TextRange(TextPosition Start, TextPosition End)
{
    public static TextRange OnLine(int line, int start, int length) =>
        new(new TextPosition(line, start), new TextPosition(line, start + length));

    public bool Contains(TextPosition position) => Start <= position && position <= End;

    public bool Intersects(TextRange other) => Start <= other.End && other.Start <= End;

    public override string ToString() => $"{Start}-{End}";
}

/// <summary>An LSP-style edit: replace <see cref="Range"/> with <see cref="Text"/>; a null range replaces the whole document.</summary>
public sealed record TextChange(TextRange? Range, string Text);
