using System.Collections.Concurrent;
using PaperLsp.Text;

namespace PaperLsp.Lsp.Transport;

/// <summary>
/// The texts of large didOpen messages, unescaped as UTF-8 inside their message bodies (<see cref="LargeStringValues"/>),
/// waiting for their handler. The message goes on through Newtonsoft and StreamJsonRpc with a unique placeholder as its
/// text, and the didOpen handler takes the bytes by that placeholder: so a 141 MB list never becomes a
/// 282 MB string, and the document keeps slices of the body as its lines.
/// </summary>
public sealed class PendingTexts
{
    private readonly ConcurrentDictionary<string, Utf8Text> byPlaceholder = new(StringComparer.Ordinal);

    public int Count => byPlaceholder.Count;

    internal void Add(string placeholder, Utf8Text text)
    {
        if (!byPlaceholder.TryAdd(placeholder, text)) throw new InvalidOperationException("A placeholder is used once.");
    }

    /// <summary>The UTF-8 text that <paramref name="text"/> stands for, taken out; false for an ordinary text.</summary>
    public bool TryTake(string text, out Utf8Text utf8) => byPlaceholder.TryRemove(text, out utf8);

    /// <summary>Lets go of the text of a didOpen that will not be handled (refused, or ignored before initialize).</summary>
    public void Forget(string? text)
    {
        if (text is not null) byPlaceholder.TryRemove(text, out _);
    }

    /// <summary><see cref="Forget(string?)"/> the text of a didOpen's params that will not be handled.</summary>
    public void ForgetIn(Newtonsoft.Json.Linq.JToken? didOpenParams) =>
        Forget((didOpenParams?.SelectToken("textDocument.text") as Newtonsoft.Json.Linq.JValue)?.Value as string);
}
