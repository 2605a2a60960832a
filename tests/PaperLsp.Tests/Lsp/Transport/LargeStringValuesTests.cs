using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PaperLsp.Lsp.Transport;

namespace PaperLsp.Tests.Lsp.Transport;

/// <summary>
/// A body whose large strings bypass Newtonsoft must read as exactly the message Newtonsoft alone reads
/// (<c>largeStringBytes: int.MaxValue</c> is that old path), and bodies the strict reader cannot take must go the old
/// way untouched, so their answers do not change.
/// </summary>
public class LargeStringValuesTests
{
    private const string Uri = "file:///transport/list.papers";

    /// <summary>Text with everything that is hard to decode: CRLF, a BOM character, astral characters, lone surrogates, NUL, quotes and backslashes.</summary>
    private static readonly string[] Pieces =
        ["plain ascii words ", "\r\n", "\n", "\r", "\t", "\0", "\"", "\\", "/", "é", "中文", "😀", "𝔘", "\uFEFF", "\u2028", "\ud800", "\udfff", "\u001f", "\u007f", "@misc{k, title = {T}}"];

    private static Gen<string> TextGen() =>
        Gen.Elements(Pieces).ArrayOf().Select(parts => string.Concat(parts));

    private static string Serialize(JToken message, StringEscapeHandling escaping) =>
        JsonConvert.SerializeObject(message, new JsonSerializerSettings { StringEscapeHandling = escaping });

    private static JObject DidOpen(string text, bool textFirst = false, bool extraKeys = false)
    {
        var document = new JObject();
        if (textFirst) document["text"] = text;
        document["uri"] = Uri;
        if (extraKeys) document["x-unknown"] = new JObject { ["nested"] = new JArray(1, "two", JValue.CreateNull(), 3.5, true) };
        document["languageId"] = "papers";
        document["version"] = 7;
        if (!textFirst) document["text"] = text;
        var message = new JObject { ["jsonrpc"] = "2.0", ["method"] = "textDocument/didOpen", ["params"] = new JObject { ["textDocument"] = document } };
        if (extraKeys) message["x-trailer"] = new string('z', 70_000);
        return message;
    }

    private static void AssertSameAsNewtonsoft(byte[] body, int largeStringBytes = LargeStringValues.MinimumBytes)
    {
        var expected = IncomingMessage.Classify(body, int.MaxValue);
        var actual = IncomingMessage.Classify(body, largeStringBytes);
        switch (expected)
        {
            case Incoming.Call call:
                var actualCall = (Incoming.Call)actual;
                Assert.That((actualCall.Method, actualCall.Id), Is.EqualTo((call.Method, call.Id)));
                Assert.That(JToken.DeepEquals(actualCall.Message, call.Message), Is.True, "the same message tree");
                break;
            default:
                Assert.That(actual, Is.EqualTo(expected));
                break;
        }
    }

    [Test]
    public void Any_text_reads_as_Newtonsoft_reads_it_when_every_string_bypasses_it()
    {
        var gen = from text in TextGen()
                  from textFirst in Gen.Elements(false, true)
                  from extraKeys in Gen.Elements(false, true)
                  from escaping in Gen.Elements(StringEscapeHandling.Default, StringEscapeHandling.EscapeNonAscii, StringEscapeHandling.EscapeHtml)
                  select (text, textFirst, extraKeys, escaping);
        var config = Config.QuickThrowOnFailure.WithMaxTest(300).WithReplay(20261202UL, 0x9E3779B97F4A7C15UL | 1);
        Check.One(config, Prop.ForAll(gen.ToArbitrary(), sample =>
        {
            var body = Encoding.UTF8.GetBytes(Serialize(DidOpen(sample.text, sample.textFirst, sample.extraKeys), sample.escaping));
            // Threshold 1: every string value of the message takes the new path, the short ones included.
            AssertSameAsNewtonsoft(body, largeStringBytes: 1);
            return true;
        }));
    }

    [TestCase(false, false, StringEscapeHandling.Default)]
    [TestCase(true, false, StringEscapeHandling.Default)]
    [TestCase(false, true, StringEscapeHandling.EscapeNonAscii)]
    [TestCase(true, true, StringEscapeHandling.EscapeNonAscii)]
    public void A_large_didOpen_bypasses_Newtonsoft_and_keeps_its_text_exactly(bool textFirst, bool extraKeys, StringEscapeHandling escaping)
    {
        var text = new StringBuilder();
        for (var i = 0; text.Length < 300_000; i++) text.Append(Pieces[i % Pieces.Length]).Append(i);
        var expectedText = text.ToString();
        // A lone surrogate arrives as U+FFFD: unescaped, UTF-8 cannot carry it; escaped, Newtonsoft has always replaced it.
        expectedText = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(expectedText));
        var body = Encoding.UTF8.GetBytes(Serialize(DidOpen(text.ToString(), textFirst, extraKeys), escaping));

        Assert.That(LargeStringValues.TryExtract(body), Is.Not.Null, "the large strings are taken out");
        var call = (Incoming.Call)IncomingMessage.Classify(body);
        Assert.That((string?)call.Message["params"]!["textDocument"]!["text"], Is.EqualTo(expectedText));
        Assert.That((int?)call.Message["params"]!["textDocument"]!["version"], Is.EqualTo(7));
        if (extraKeys) Assert.That(((string?)call.Message["x-trailer"])?.Length, Is.EqualTo(70_000));
        AssertSameAsNewtonsoft(body);
    }

    private static byte[] LargeBody(string before, string after) =>
        Encoding.UTF8.GetBytes(before).Concat(Encoding.UTF8.GetBytes(new string('a', 100_000))).Concat(Encoding.UTF8.GetBytes(after)).ToArray();

    private static IEnumerable<TestCaseData> BodiesLeftToNewtonsoft()
    {
        const string head = "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"" + Uri + "\",\"version\":1,\"text\":\"";
        const string tail = "\"}}}";
        yield return new TestCaseData(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(LargeBody(head, tail)).ToArray()).SetName("a UTF-8 byte order mark before the message");
        var invalidUtf8 = LargeBody(head, tail);
        invalidUtf8[head.Length + 10] = 0xFF;
        yield return new TestCaseData(invalidUtf8).SetName("bytes that are not UTF-8 in the text");
        yield return new TestCaseData(LargeBody(head + "line one\nline two", tail)).SetName("a raw newline inside the text");
        yield return new TestCaseData(LargeBody(head, tail + "/* a comment */")).SetName("a comment after the message");
        yield return new TestCaseData(LargeBody(head, tail + "{}")).SetName("two values in one message");
        yield return new TestCaseData(LargeBody(head.Replace("\"text\":\"", "'text':'"), "'}}}")).SetName("single-quoted strings");
        yield return new TestCaseData(LargeBody(head, "\"}}")).SetName("a message cut short");
        yield return new TestCaseData(LargeBody(head.Replace("\"version\":1", "\"version\":1,\"version\":2"), tail)).SetName("a duplicate key");
    }

    [TestCaseSource(nameof(BodiesLeftToNewtonsoft))]
    public void What_the_strict_reader_refuses_or_would_decode_differently_reads_as_before(byte[] body) =>
        AssertSameAsNewtonsoft(body);

    [Test]
    public void Bytes_that_are_not_UTF8_are_left_to_Newtonsoft()
    {
        var body = LargeBody("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"text\":\"", "\"}}");
        body[100] = 0xC3;
        Assert.That(LargeStringValues.TryExtract(body), Is.Null);
        var call = (Incoming.Call)IncomingMessage.Classify(body);
        Assert.That((string?)call.Message["params"]!["text"], Does.Contain("\uFFFD"), "replaced, as before");
    }
}
