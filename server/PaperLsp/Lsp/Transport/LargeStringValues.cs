using System.Text;
using System.Text.Json;
using Newtonsoft.Json.Linq;
using PaperLsp.Text;

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

    public sealed class Extracted(byte[] skeleton, Dictionary<string, string> byPlaceholder, string? documentPlaceholder)
    {
        public byte[] Skeleton { get; } = skeleton;

        /// <summary>The placeholder of the didOpen text taken out as UTF-8 (see <see cref="PendingTexts"/>), if any.</summary>
        public string? DocumentPlaceholder { get; } = documentPlaceholder;

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

    /// <summary>
    /// The body without its large string values, or null when it has none or should be read as it is. With
    /// <paramref name="pending"/>, the text of a didOpen (<c>params.textDocument.text</c>) is not decoded into a string:
    /// it is unescaped inside <paramref name="body"/>, added to <paramref name="pending"/> as UTF-8, and its placeholder
    /// stays in the message for the handler to take it by.
    /// </summary>
    public static Extracted? TryExtract(byte[] body, int minimumBytes = MinimumBytes, PendingTexts? pending = null)
    {
        if (body.Length < minimumBytes) return null;
        var found = FindLarge(body, minimumBytes);
        if (found is not { Strings.Count: > 0 } large) return null;
        // One didOpen text, where the protocol puts it; anything odder (two of them, say) takes the string path.
        var documentText = pending is not null && large.Method == DidOpenMethod && large.Strings.Count(s => s.IsDocumentText) == 1
            ? large.Strings.First(s => s.IsDocumentText)
            : default;

        var nonce = Guid.NewGuid().ToString("N");
        var byPlaceholder = new Dictionary<string, string>(StringComparer.Ordinal);
        string? documentPlaceholder = null;
        var skeleton = new MemoryStream();
        var copied = 0;
        var index = 0;
        foreach (var (start, length, isDocumentText) in large.Strings)
        {
            // start and length cover the string's contents, without its quotes.
            var placeholder = $"paperlsp-large-string-{nonce}-{index++}";
            if (isDocumentText && documentText.Length > 0) documentPlaceholder = placeholder;
            else if (JsonStringDecoder.Decode(body.AsMemory(start, length)) is { } text) byPlaceholder.Add(placeholder, text);
            else return null;
            skeleton.Write(body, copied, start - copied);
            skeleton.Write(Encoding.ASCII.GetBytes(placeholder));
            copied = start + length;
        }
        skeleton.Write(body, copied, body.Length - copied);
        if (documentPlaceholder is not null)
        {
            // Last, once nothing else can send the body back to Newtonsoft: this rewrites the string's bytes (only those;
            // the skeleton was copied from around them), and leaves them as they were when it refuses them.
            var unescaped = JsonStringDecoder.UnescapeInPlace(body.AsSpan(documentText.Start, documentText.Length));
            if (unescaped < 0) return null;
            pending!.Add(documentPlaceholder, new Utf8Text(body, documentText.Start, unescaped));
        }
        return new Extracted(skeleton.ToArray(), byPlaceholder, documentPlaceholder);
    }

    private const string DidOpenMethod = "textDocument/didOpen";

    private readonly record struct LargeString(int Start, int Length, bool IsDocumentText);

    private sealed record Found(List<LargeString> Strings, string? Method);

    /// <summary>
    /// Where the string values of at least <paramref name="minimumBytes"/> are, which of them sits at
    /// <c>params.textDocument.text</c>, and the message's method; null when the strict reader refuses the body.
    /// </summary>
    private static Found? FindLarge(byte[] body, int minimumBytes)
    {
        var found = new List<LargeString>();
        string? method = null;
        // The property name at each depth of the path to the current token; null for an array's elements.
        var names = new string?[IncomingMessage.MaxDepth + 2];
        // The depth was checked before (IncomingMessage.MaxDepth); the reader's own limit only has to stay out of the way.
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = IncomingMessage.MaxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                var depth = reader.CurrentDepth;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName when depth <= 3:
                        names[depth] = reader.GetString();
                        break;
                    case JsonTokenType.StartArray when depth + 1 < names.Length:
                        names[depth + 1] = null;
                        break;
                    // Property names are a token of their own (PropertyName), so only values are taken out.
                    case JsonTokenType.String:
                        if (depth == 1 && names[1] == "method" && !reader.ValueIsEscaped) method = reader.GetString();
                        if (reader.ValueSpan.Length >= minimumBytes)
                            found.Add(new LargeString((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length,
                                depth == 3 && names[1] == "params" && names[2] == "textDocument" && names[3] == "text"));
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // A property name that is not UTF-8 (GetString): leave the body to Newtonsoft.
            return null;
        }
        return new Found(found, method);
    }
}
