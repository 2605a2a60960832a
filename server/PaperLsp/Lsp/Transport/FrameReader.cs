using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;

namespace PaperLsp.Lsp.Transport;

/// <summary>What one read of the input gave: a message body, a framing error to answer, or the end of the input.</summary>
internal abstract record Frame
{
    public sealed record Body(byte[] Bytes) : Frame;

    /// <summary>The header was unusable; the reader re-synchronises on the next <c>Content-Length</c> header.</summary>
    public sealed record Bad(string Problem) : Frame;

    /// <summary>The input ended. <see cref="Problem"/> is null when it ended between messages.</summary>
    public sealed record End(string? Problem) : Frame;
}

/// <summary>
/// Reads LSP base-protocol frames (<c>Content-Length: N</c>, a blank line, N bytes) leniently, as vscode-jsonrpc does:
/// header names in any case, lines ended by CRLF or a bare LF, other headers ignored. A header it cannot use (no or a
/// negative or non-numeric length, a line without a colon, a line too long) is reported once as <see cref="Frame.Bad"/>;
/// the next read then skips input up to the next <c>Content-Length</c> header, wherever it is (a body that followed a bad
/// header does not end in a newline), so the stream gets back in step with the client's next message.
/// </summary>
internal sealed class FrameReader(PipeReader reader, long maxBodyBytes)
{
    public const int MaxHeaderLineBytes = 8192;

    private static readonly byte[] ContentLength = "content-length:"u8.ToArray();
    private bool resynchronising;

    public async ValueTask<Frame> ReadAsync(CancellationToken cancellationToken)
    {
        if (resynchronising)
        {
            resynchronising = false;
            if (!await SkipToNextHeaderAsync(cancellationToken).ConfigureAwait(false)) return new Frame.End(null);
        }

        long? length = null;
        var sawHeader = false;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var newline = buffer.PositionOf((byte)'\n');
            if (newline is null)
            {
                if (buffer.Length > MaxHeaderLineBytes)
                {
                    reader.AdvanceTo(buffer.GetPosition(buffer.Length - ContentLength.Length));
                    return Bad($"a header line longer than {MaxHeaderLineBytes} bytes");
                }
                if (result.IsCompleted)
                {
                    reader.AdvanceTo(buffer.End);
                    return new Frame.End(buffer.IsEmpty && !sawHeader ? null : "the input ended inside a message header");
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }

            var lineBytes = buffer.Slice(0, newline.Value);
            if (lineBytes.Length > MaxHeaderLineBytes)
            {
                // Not consumed to its end: the next real header may be glued to this junk's tail.
                reader.AdvanceTo(buffer.GetPosition(MaxHeaderLineBytes));
                return Bad($"a header line longer than {MaxHeaderLineBytes} bytes");
            }
            var line = Encoding.ASCII.GetString(lineBytes).TrimEnd('\r');
            var glued = line.IndexOf("content-length:", StringComparison.OrdinalIgnoreCase);
            if (glued > 0)
            {
                // Junk (say, the body of a frame whose header was bad) runs into the next header: start over at it.
                reader.AdvanceTo(buffer.GetPosition(glued));
                return Bad($"bytes that are not a header before Content-Length ({Quote(line[..glued])})");
            }
            reader.AdvanceTo(buffer.GetPosition(1, newline.Value));

            if (line.Length == 0)
            {
                // Blank lines between messages are tolerated; a blank line after headers ends them.
                if (!sawHeader) continue;
                break;
            }
            sawHeader = true;
            var colon = line.IndexOf(':');
            if (colon <= 0) return Bad($"a header line without a name and colon ({Quote(line)})");
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                return Bad($"Content-Length {Quote(value)} is not a non-negative whole number");
            if (length is { } earlier && earlier != parsed) return Bad($"two different Content-Length headers ({earlier} and {parsed})");
            length = parsed;
        }

        if (length is not { } size) return Bad("a header without Content-Length");
        if (size > maxBodyBytes)
        {
            // The length is believable, only too large: skip exactly that many bytes, and the stream stays in step.
            if (!await DiscardAsync(size, cancellationToken).ConfigureAwait(false))
                return new Frame.End($"the input ended inside a message ({size} bytes announced)");
            return new Frame.Bad($"a message of {size} bytes, more than the limit of {maxBodyBytes}");
        }

        // Straight into the body's own array, as the input arrives: waiting for the whole body in the pipe and then
        // copying it out held a large didOpen twice (141 MB in pipe segments and again in the array), and the second
        // copy into fresh memory took a third of a second.
        var bytes = GC.AllocateUninitializedArray<byte>((int)size);
        var filled = 0;
        while (filled < size)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var take = (int)Math.Min(buffer.Length, size - filled);
            buffer.Slice(0, take).CopyTo(bytes.AsSpan(filled));
            filled += take;
            reader.AdvanceTo(buffer.GetPosition(take));
            if (filled < size && result.IsCompleted)
                return new Frame.End($"the input ended inside a message ({size} bytes announced, {filled} received)");
        }
        return new Frame.Body(bytes);
    }

    private Frame.Bad Bad(string problem)
    {
        resynchronising = true;
        return new Frame.Bad(problem);
    }

    /// <summary>Skips to the next "Content-Length:" (any case). False when the input ends first.</summary>
    private async ValueTask<bool> SkipToNextHeaderAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var found = IndexOfIgnoringAsciiCase(buffer, ContentLength);
            if (found >= 0)
            {
                reader.AdvanceTo(buffer.GetPosition(found));
                return true;
            }
            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                return false;
            }
            // Keep a tail that could be the start of the header name.
            var keep = Math.Min(buffer.Length, ContentLength.Length - 1);
            reader.AdvanceTo(buffer.GetPosition(buffer.Length - keep), buffer.End);
        }
    }

    private async ValueTask<bool> DiscardAsync(long count, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var take = Math.Min(count, result.Buffer.Length);
            reader.AdvanceTo(result.Buffer.GetPosition(take));
            count -= take;
            if (count > 0 && result.IsCompleted) return false;
        }
        return true;
    }

    private static long IndexOfIgnoringAsciiCase(ReadOnlySequence<byte> buffer, byte[] lowerCasePattern)
    {
        // Input between messages is small (it is what we are discarding), so a plain scan is enough.
        var bytes = buffer.IsSingleSegment ? buffer.FirstSpan : buffer.ToArray();
        for (var i = 0; i + lowerCasePattern.Length <= bytes.Length; i++)
        {
            var match = true;
            for (var j = 0; j < lowerCasePattern.Length && match; j++)
            {
                var b = bytes[i + j];
                if (b is >= (byte)'A' and <= (byte)'Z') b = (byte)(b + 32);
                match = b == lowerCasePattern[j];
            }
            if (match) return i;
        }
        return -1;
    }

    private static string Quote(string text) => "'" + (text.Length > 40 ? text[..40] + "…" : text) + "'";
}
