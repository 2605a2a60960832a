using System.Text;
using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Lsp.Transport;

/// <summary>
/// Takes the large string values (a didOpen's text, a didChange's full text) out of a message body before Newtonsoft
/// reads it. Newtonsoft reads a string char by char into a buffer that doubles as it grows, after decoding the whole
/// body through a <see cref="StreamReader"/>: for a 141 MB list that is seconds and gigabytes. Here one pass of
/// <see cref="Utf8JsonReader"/> finds them, each is decoded once into a string of the exact size
/// (<see cref="JsonStringDecoder"/>), and Newtonsoft gets the rest of the message, the <see cref="Extracted.Skeleton"/>,
/// with a unique placeholder string in their place. It then reads and checks the message exactly as before (the types
/// it sees are the same), and <see cref="Extracted.Restore"/> puts the strings back into its tree.
/// Anything unusual (JSON that the strict reader refuses but Newtonsoft may accept, bytes that are not UTF-8) leaves the
/// body to Newtonsoft untouched, so its answers to bad input do not change.
/// </summary>
internal static class LargeStringValues
{
    /// <summary>Strings shorter than this are not worth taking out.</summary>
    public const int MinimumBytes = 64 * 1024;

    public sealed class Extracted(byte[] skeleton, Dictionary<string, string> byPlaceholder)
    {
        public byte[] Skeleton { get; } = skeleton;

        /// <summary>Replaces each placeholder in <paramref name="token"/> (read from <see cref="Skeleton"/>) by its string.</summary>
        public void Restore(JToken token)
        {
            IEnumerable<JToken> tokens = token is JContainer container ? container.DescendantsAndSelf() : [token];
            foreach (var value in tokens.OfType<JValue>())
            {
                if (value.Value is string text && byPlaceholder.TryGetValue(text, out var original)) value.Value = original;
            }
        }
    }

    /// <summary>The body without its large string values, or null when it has none or should be read as it is.</summary>
    public static Extracted? TryExtract(byte[] body, int minimumBytes = MinimumBytes)
    {
        if (body.Length < minimumBytes) return null;
        var large = FindLarge(body, minimumBytes);
        if (large is not { Count: > 0 }) return null;

        var nonce = Guid.NewGuid().ToString("N");
        var byPlaceholder = new Dictionary<string, string>(StringComparer.Ordinal);
        var skeleton = new MemoryStream();
        var copied = 0;
        foreach (var (start, length) in large)
        {
            // start and length cover the string's contents, without its quotes.
            if (JsonStringDecoder.Decode(body.AsMemory(start, length)) is not { } text) return null;
            var placeholder = $"paperlsp-large-string-{nonce}-{byPlaceholder.Count}";
            byPlaceholder.Add(placeholder, text);
            skeleton.Write(body, copied, start - copied);
            skeleton.Write(Encoding.ASCII.GetBytes(placeholder));
            copied = start + length;
        }
        skeleton.Write(body, copied, body.Length - copied);
        return new Extracted(skeleton.ToArray(), byPlaceholder);
    }

    /// <summary>Where the string values of at least <paramref name="minimumBytes"/> are; null when the strict reader refuses the body.</summary>
    private static List<(int Start, int Length)>? FindLarge(byte[] body, int minimumBytes)
    {
        var found = new List<(int, int)>();
        // The depth was checked before (IncomingMessage.MaxDepth); the reader's own limit only has to stay out of the way.
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = IncomingMessage.MaxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                // Property names are a token of their own (PropertyName), so only values are taken out.
                if (reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length >= minimumBytes)
                    found.Add(((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length));
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return found;
    }
}
