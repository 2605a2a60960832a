using System.IO.Pipelines;
using PaperLsp.Lsp.Transport;

namespace PaperLsp.Tests.Lsp.Transport;

/// <summary>The server's input is read a megabyte at a time; what arrived must be served at once, in order, and whole.</summary>
public class LargeReadStreamTests
{
    [Test]
    public async Task A_read_returns_what_has_arrived_without_waiting_for_more()
    {
        var pipe = new Pipe();
        await using var stream = new LargeReadStream(pipe.Reader.AsStream(), bufferBytes: 64);
        await pipe.Writer.WriteAsync("Content-Length: 2\r\n\r\n{}"u8.ToArray());
        var first = new byte[4096];
        var read = await stream.ReadAsync(first).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(System.Text.Encoding.ASCII.GetString(first, 0, read), Is.EqualTo("Content-Length: 2\r\n\r\n{}"));

        // Nothing held: the next read waits for the writer, and gets what it wrote.
        var pending = stream.ReadAsync(first).AsTask();
        await Task.Delay(50);
        Assert.That(pending.IsCompleted, Is.False);
        await pipe.Writer.WriteAsync("x"u8.ToArray());
        Assert.That(await pending.WaitAsync(TimeSpan.FromSeconds(5)), Is.EqualTo(1));
    }

    [Test]
    public async Task Small_and_large_reads_in_any_mix_give_the_bytes_in_order()
    {
        var data = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7 + i / 251)).ToArray();
        var random = new Random(20261203);
        await using var stream = new LargeReadStream(new TrickleStream(data, random), bufferBytes: 1000);
        var got = new List<byte>();
        while (true)
        {
            var chunk = new byte[random.Next(1, 2500)];
            var read = random.Next(2) == 0 ? await stream.ReadAsync(chunk) : stream.Read(chunk, 0, chunk.Length);
            if (read == 0) break;
            got.AddRange(chunk.AsSpan(0, read));
        }
        Assert.That(got, Is.EqualTo(data));
    }

    /// <summary>A stream that hands out its bytes in random small pieces, as a pipe does.</summary>
    private sealed class TrickleStream(byte[] data, Random random) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, random.Next(1, 700)));
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, random.Next(1, 700))]);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));
    }
}
