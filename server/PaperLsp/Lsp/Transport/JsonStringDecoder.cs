using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace PaperLsp.Lsp.Transport;

/// <summary>
/// Turns the raw bytes of a JSON string (between its quotes, escapes included) into the string, in one allocation of
/// the exact size: the runs between escapes are transcoded straight into the result, with no intermediate buffer. It
/// decodes as Newtonsoft does: <c>\uXXXX</c> becomes that UTF-16 unit, except a surrogate that is not half of an escaped
/// pair, which becomes U+FFFD.
/// Bytes that are not UTF-8 are refused (null) rather than replaced, so the caller can leave such a message to the reader
/// that has always handled it. The bytes must already have passed a JSON reader: every escape is well-formed.
/// </summary>
internal static class JsonStringDecoder
{
    public static string? Decode(ReadOnlyMemory<byte> escaped)
    {
        var bytes = escaped.Span;
        if (!Utf8.IsValid(bytes)) return null;
        return string.Create(CharCount(bytes), escaped, static (destination, source) => Write(source.Span, destination));
    }

    private static int CharCount(ReadOnlySpan<byte> bytes)
    {
        var count = 0;
        while (true)
        {
            var backslash = bytes.IndexOf((byte)'\\');
            // A backslash is ASCII, so the run before it is whole UTF-8 on its own.
            var run = backslash < 0 ? bytes : bytes[..backslash];
            count += Encoding.UTF8.GetCharCount(run);
            if (backslash < 0) return count;
            count++;
            bytes = bytes[(backslash + EscapeLength(bytes[backslash + 1]))..];
        }
    }

    private static void Write(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        while (true)
        {
            var backslash = bytes.IndexOf((byte)'\\');
            var run = backslash < 0 ? bytes : bytes[..backslash];
            destination = destination[Encoding.UTF8.GetChars(run, destination)..];
            if (backslash < 0) return;
            var kind = bytes[backslash + 1];
            bytes = bytes[backslash..];
            if (kind == 'u')
            {
                var unit = Hex(bytes);
                if (char.IsHighSurrogate(unit) && bytes.Length >= 12 && bytes[6] == '\\' && bytes[7] == 'u' && Hex(bytes[6..]) is var low && char.IsLowSurrogate(low))
                {
                    destination[0] = unit;
                    destination[1] = low;
                    destination = destination[2..];
                    bytes = bytes[12..];
                    continue;
                }
                // A surrogate that is not half of a pair is replaced, as Newtonsoft does.
                destination[0] = char.IsSurrogate(unit) ? '\uFFFD' : unit;
            }
            else
            {
                destination[0] = kind switch
                {
                    (byte)'n' => '\n',
                    (byte)'r' => '\r',
                    (byte)'t' => '\t',
                    (byte)'b' => '\b',
                    (byte)'f' => '\f',
                    // '"', '\\' and '/' stand for themselves.
                    _ => (char)kind,
                };
            }
            destination = destination[1..];
            bytes = bytes[EscapeLength(kind)..];
        }
    }

    /// <summary>
    /// Unescapes a JSON string's bytes where they are, into the UTF-8 of the string <see cref="Decode"/> makes (a lone
    /// surrogate escape becomes U+FFFD, as there), and returns its length; the bytes after it are left as they were.
    /// No escape is shorter than what it stands for in UTF-8, so the writer never overtakes the reader. -1, with the
    /// bytes untouched, when they are not UTF-8.
    /// </summary>
    public static int UnescapeInPlace(Span<byte> bytes)
    {
        if (!Utf8.IsValid(bytes)) return -1;
        var read = 0;
        var written = 0;
        while (true)
        {
            var backslash = bytes[read..].IndexOf((byte)'\\');
            var run = backslash < 0 ? bytes.Length - read : backslash;
            // Overlapping ranges, the destination first: Span.CopyTo copies as memmove does.
            if (written != read) bytes.Slice(read, run).CopyTo(bytes[written..]);
            read += run;
            written += run;
            if (backslash < 0) return written;
            var kind = bytes[read + 1];
            if (kind == 'u')
            {
                var unit = Hex(bytes[read..]);
                if (char.IsHighSurrogate(unit) && bytes.Length - read >= 12 && bytes[read + 6] == '\\' && bytes[read + 7] == 'u'
                    && Hex(bytes[(read + 6)..]) is var low && char.IsLowSurrogate(low))
                {
                    written += new Rune(unit, low).EncodeToUtf8(bytes[written..]);
                    read += 12;
                    continue;
                }
                written += (char.IsSurrogate(unit) ? Rune.ReplacementChar : new Rune(unit)).EncodeToUtf8(bytes[written..]);
            }
            else
            {
                bytes[written++] = kind switch
                {
                    (byte)'n' => (byte)'\n',
                    (byte)'r' => (byte)'\r',
                    (byte)'t' => (byte)'\t',
                    (byte)'b' => (byte)'\b',
                    (byte)'f' => (byte)'\f',
                    _ => kind,
                };
            }
            read += EscapeLength(kind);
        }
    }

    /// <summary>The unit of the <c>\uXXXX</c> escape that <paramref name="escape"/> starts with.</summary>
    private static char Hex(ReadOnlySpan<byte> escape) =>
        (char)ushort.Parse(escape.Slice(2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private static int EscapeLength(byte kind) => kind == 'u' ? 6 : 2;
}
