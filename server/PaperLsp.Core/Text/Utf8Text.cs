using System.Text;
using System.Text.Unicode;

namespace PaperLsp.Text;

/// <summary>
/// A document's text as UTF-8: <see cref="Length"/> bytes of <see cref="Buffer"/> from <see cref="Start"/>. The server
/// unescapes a large didOpen's text inside the message body and reads it from there, so the text never exists as one
/// UTF-16 string (282 MB for a 141 MB list). The bytes must not change afterwards: a document read from them keeps
/// slices of them as its lines (see <see cref="Syntax.PaperDocument.Parse(Utf8Text)"/>).
/// </summary>
public readonly record struct Utf8Text
{
    public Utf8Text(byte[] buffer, int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if ((long)start + length > buffer.Length) throw new ArgumentOutOfRangeException(nameof(length));
        if (!Utf8.IsValid(buffer.AsSpan(start, length))) throw new ArgumentException("The bytes are not UTF-8.", nameof(buffer));
        Buffer = buffer;
        Start = start;
        Length = length;
    }

    public byte[] Buffer { get; }
    public int Start { get; }
    public int Length { get; }
    public ReadOnlySpan<byte> Span => Buffer.AsSpan(Start, Length);

    public static Utf8Text From(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new Utf8Text(bytes, 0, bytes.Length);
    }

    public override string ToString() => Encoding.UTF8.GetString(Span);
}
