using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Newtonsoft.Json;

namespace PaperLsp.Lsp;

/// <summary>
/// A JSON value written as UTF-8 into pooled 1 MiB chunks, which <see cref="LspMessageHandler"/> sends as a response's
/// result as it is: no UTF-16 string, no <c>JRaw</c> re-encoded by a <c>JsonTextWriter</c>, no large object left for the
/// collector (a 100,000-entry outline is 32 MB; in a server holding a 3 GB heap, each such string cost a full
/// collection). The text is what Newtonsoft.Json writes for the same values and then encodes as UTF-8 (strings escaped
/// by <see cref="JsonConvert.ToString(string)"/>'s rules, a lone surrogate sent as U+FFFD), so switching a feature to it
/// changes no byte on the wire. Disposing it returns the chunks; the handler does so once the frame is written.
/// </summary>
public sealed class Utf8JsonBuffer : IDisposable
{
    /// <summary>In the shared pool's range on every runtime, and few enough per response to stay pooled.</summary>
    public const int ResponseChunkSize = 1 << 20;

    /// <summary>The most a string of n UTF-16 units becomes in UTF-8: 3 bytes per unit (a pair is 4 bytes for 2 units).</summary>
    private const int MaxBytesPerChar = 3;

    /// <summary>Characters Newtonsoft.Json escapes in a double-quoted string by default; a string without any is copied as it is.</summary>
    private static readonly SearchValues<char> Escaped = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        "\"\\\u0085\u2028\u2029");

    /// <summary>Full chunks and how much of each is used (a value that does not fit in a chunk's rest starts the next).</summary>
    private readonly List<(byte[] Chunk, int Used)> filled = [];
    private readonly int chunkSize;
    private byte[] chunk;
    private int position;
    private long filledLength;

    /// <param name="chunkSize">The size of each pooled chunk: <see cref="ResponseChunkSize"/> for a response, less for a small piece.</param>
    public Utf8JsonBuffer(int chunkSize = ResponseChunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 64);
        this.chunkSize = chunkSize;
        chunk = ArrayPool<byte>.Shared.Rent(chunkSize);
    }

    public long Length => filledLength + position;

    /// <summary>Bytes as they are, e.g. punctuation and property names (<c>"\"name\":"u8</c>).</summary>
    public void Raw(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length <= chunk.Length - position)
        {
            bytes.CopyTo(chunk.AsSpan(position));
            position += bytes.Length;
            return;
        }
        while (bytes.Length > 0)
        {
            if (position == chunk.Length) NextChunk();
            var take = Math.Min(bytes.Length, chunk.Length - position);
            bytes[..take].CopyTo(chunk.AsSpan(position));
            position += take;
            bytes = bytes[take..];
        }
    }

    public void Raw(byte value)
    {
        if (position == chunk.Length) NextChunk();
        chunk[position++] = value;
    }

    /// <summary>An integer as Newtonsoft.Json writes it (invariant digits).</summary>
    public void Number(long value)
    {
        // 20 bytes hold any long with its sign.
        if (chunk.Length - position < 20) NextChunk();
        Utf8Formatter.TryFormat(value, chunk.AsSpan(position), out var written);
        position += written;
    }

    /// <summary>A JSON string literal of <paramref name="value"/>, quotes included, escaped as Newtonsoft.Json escapes it.</summary>
    public void String(ReadOnlySpan<char> value)
    {
        if (value.ContainsAny(Escaped))
        {
            // Rare (control characters, quotes, backslashes, U+2028/9): the serialiser's own escaping, so they cannot differ.
            Encoded(JsonConvert.ToString(value.ToString()));
            return;
        }
        Raw((byte)'"');
        Encoded(value);
        Raw((byte)'"');
    }

    /// <summary>UTF-16 text as UTF-8, a lone surrogate as U+FFFD (what the message formatter's UTF-8 encoding does).</summary>
    private void Encoded(ReadOnlySpan<char> text)
    {
        if (text.Length > chunkSize / MaxBytesPerChar)
        {
            var bytes = Encoding.UTF8.GetBytes(text.ToArray());
            Raw(bytes);
            return;
        }
        if (chunk.Length - position < text.Length * MaxBytesPerChar) NextChunk();
        position += Encoding.UTF8.GetBytes(text, chunk.AsSpan(position));
    }

    private void NextChunk()
    {
        ObjectDisposedException.ThrowIf(chunk.Length == 0, this);
        filled.Add((chunk, position));
        filledLength += position;
        chunk = ArrayPool<byte>.Shared.Rent(chunkSize);
        position = 0;
    }

    /// <summary>
    /// Copies the text to <paramref name="writer"/>, asking it for a buffer as large as each chunk: a pipe then holds the
    /// text in segments of that size, and its stream is written a chunk at a time, not in the pipe's 4 KiB segments
    /// (for a 32 MB answer, 32 writes to stdout instead of 8,000).
    /// </summary>
    public void CopyTo(IBufferWriter<byte> writer)
    {
        foreach (var (full, used) in filled) CopyTo(writer, full.AsSpan(0, used));
        CopyTo(writer, chunk.AsSpan(0, position));
    }

    private static void CopyTo(IBufferWriter<byte> writer, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return;
        var span = writer.GetSpan(bytes.Length);
        if (span.Length >= bytes.Length)
        {
            bytes.CopyTo(span);
            writer.Advance(bytes.Length);
        }
        else writer.Write(bytes);
    }

    /// <summary>Empties the buffer for reuse, keeping one chunk (for writing many small pieces one after another).</summary>
    public void Clear()
    {
        foreach (var (full, _) in filled) ArrayPool<byte>.Shared.Return(full);
        filled.Clear();
        position = 0;
        filledLength = 0;
    }

    /// <summary>A copy of the text.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[checked((int)Length)];
        var at = 0;
        foreach (var (full, used) in filled)
        {
            full.AsSpan(0, used).CopyTo(bytes.AsSpan(at));
            at += used;
        }
        chunk.AsSpan(0, position).CopyTo(bytes.AsSpan(at));
        return bytes;
    }

    public override string ToString() => Encoding.UTF8.GetString(ToArray());

    public void Dispose()
    {
        foreach (var (full, _) in filled) ArrayPool<byte>.Shared.Return(full);
        filled.Clear();
        if (chunk.Length > 0) ArrayPool<byte>.Shared.Return(chunk);
        chunk = [];
        position = 0;
        filledLength = 0;
    }
}
