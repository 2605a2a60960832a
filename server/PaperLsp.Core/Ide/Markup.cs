using System.Text;

namespace PaperLsp.Ide;

/// <summary>
/// A card written once and rendered twice: as markdown (text escaped so titles with <c>*</c>, <c>_</c>, <c>$\infty$</c>,
/// <c>&lt;</c> or <c>|</c> show as written) and as plain text for clients that take only plain text.
/// </summary>
public sealed class Markup
{
    private readonly StringBuilder markdown = new();
    private readonly StringBuilder plain = new();

    public string Markdown => markdown.ToString().TrimEnd();
    public string Plain => plain.ToString().TrimEnd();

    public Markup Heading(string text)
    {
        markdown.Append("**").Append(Escape(text)).Append("**\n\n");
        plain.Append(text).Append("\n\n");
        return this;
    }

    /// <summary>A paragraph of pieces: plain strings are escaped, <see cref="Code"/> pieces are shown as code.</summary>
    public Markup Paragraph(params Piece[] pieces)
    {
        AppendPieces(pieces);
        markdown.Append("\n\n");
        plain.Append("\n\n");
        return this;
    }

    public Markup Text(string text) => Paragraph(text);

    /// <summary>Pieces in both renderings: escaped or marked up in the markdown, as written in the plain text.</summary>
    private void AppendPieces(Piece[] pieces)
    {
        foreach (var piece in pieces)
        {
            markdown.Append(piece.Kind switch
            {
                PieceKind.Code => CodeSpan(piece.Text),
                PieceKind.Strong => "**" + Escape(piece.Text) + "**",
                PieceKind.Link => $"[{Escape(piece.Text)}]({piece.Target})",
                _ => Escape(piece.Text),
            });
            plain.Append(piece.Text);
        }
    }

    public Markup Bullets(IEnumerable<Piece[]> items)
    {
        foreach (var item in items)
        {
            markdown.Append("- ");
            plain.Append("• ");
            AppendPieces(item);
            markdown.Append('\n');
            plain.Append('\n');
        }
        markdown.Append('\n');
        plain.Append('\n');
        return this;
    }

    public Markup Rule()
    {
        markdown.Append("---\n\n");
        plain.Append("\n");
        return this;
    }

    public static Piece Code(string text) => new(PieceKind.Code, text, null);
    public static Piece Strong(string text) => new(PieceKind.Strong, text, null);
    public static Piece Link(string text, string target) => new(PieceKind.Link, text, target);

    /// <summary>Backslash-escapes what markdown would read as markup; a line start that would become a heading, list or
    /// quote is escaped too. Newlines become spaces: a card's text is one paragraph.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n') { builder.Append(' '); continue; }
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '$' or '~' or '&' or '#') builder.Append('\\');
            else if (builder.Length == 0 && c is '+' or '-' or '=') builder.Append('\\');
            else if (builder.Length > 0 && c == '.' && i > 0 && char.IsAsciiDigit(text[i - 1]) && builder.ToString().All(char.IsAsciiDigit)) builder.Append('\\');
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static string CodeSpan(string text)
    {
        var fence = text.Contains('`') ? "`` " : "`";
        var close = text.Contains('`') ? " ``" : "`";
        return fence + text.Replace('\n', ' ') + close;
    }

    public enum PieceKind { Text, Code, Strong, Link }

    public readonly record struct Piece(PieceKind Kind, string Text, string? Target)
    {
        public static implicit operator Piece(string text) => new(PieceKind.Text, text, null);
    }
}
