namespace PaperLsp.Lsp.Transport;

/// <summary>
/// Reads its inner stream up to a megabyte at a time and serves smaller reads from what it holds. StreamJsonRpc's
/// reader asks for 4 KiB at a time: a 141 MB didOpen took 34,887 reads of stdin (strace), each a thread-pool hop,
/// since the console stream reads synchronously. A read returns what is held without waiting for more, as a pipe
/// does: a message that has arrived whole is never held back waiting for the next one.
/// </summary>
internal sealed class LargeReadStream(Stream inner, int bufferBytes = LargeReadStream.DefaultBufferBytes) : Stream
{
    /// <summary>As much as a widened stdin pipe holds (<see cref="StdioBuffers"/>).</summary>
    public const int DefaultBufferBytes = 1024 * 1024;

    private readonly byte[] buffer = new byte[bufferBytes];
    private int start;
    private int end;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] destination, int offset, int count) => Read(destination.AsSpan(offset, count));

    public override int Read(Span<byte> destination)
    {
        if (destination.IsEmpty) return 0;
        if (start == end)
        {
            // A read as large as the buffer gains nothing from it.
            if (destination.Length >= buffer.Length) return inner.Read(destination);
            start = 0;
            end = inner.Read(buffer, 0, buffer.Length);
            if (end == 0) return 0;
        }
        return Take(destination);
    }

    public override Task<int> ReadAsync(byte[] destination, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(destination.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (destination.IsEmpty) return 0;
        if (start == end)
        {
            if (destination.Length >= buffer.Length) return await inner.ReadAsync(destination, cancellationToken).ConfigureAwait(false);
            start = 0;
            end = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (end == 0) return 0;
        }
        return Take(destination.Span);
    }

    private int Take(Span<byte> destination)
    {
        var count = Math.Min(destination.Length, end - start);
        buffer.AsSpan(start, count).CopyTo(destination);
        start += count;
        return count;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] source, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
