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
        // The large strings are found by their quotes and checked on their own; what a strict reader refuses in them still
        // sends the body to Newtonsoft.
        yield return new TestCaseData(LargeBody(head + "\\x", tail)).SetName("an escape JSON does not have in the text");
        yield return new TestCaseData(LargeBody(head + "\\u1g", tail)).SetName("a short unicode escape in the text");
        yield return new TestCaseData(LargeBody(head, "\\" + tail)).SetName("a backslash that escapes the closing quote");
        yield return new TestCaseData(LargeBody("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"", "\":1}}")).SetName("a large property name");
        yield return new TestCaseData(LargeBody(head.Replace("\"text\":\"", "'text':'\""), "\"'}}}")).SetName("a double-quoted run inside a single-quoted string");
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

    [Test]
    public void Unescaping_in_place_gives_the_UTF8_of_the_decoded_string_and_leaves_the_bytes_after_it()
    {
        var gen = from text in TextGen()
                  from escaping in Gen.Elements(StringEscapeHandling.Default, StringEscapeHandling.EscapeNonAscii, StringEscapeHandling.EscapeHtml)
                  select (text, escaping);
        var config = Config.QuickThrowOnFailure.WithMaxTest(500).WithReplay(20261203UL, 0x9E3779B97F4A7C15UL | 1);
        Check.One(config, Prop.ForAll(gen.ToArbitrary(), sample =>
        {
            var json = JsonConvert.SerializeObject(sample.text, new JsonSerializerSettings { StringEscapeHandling = sample.escaping });
            var escaped = Encoding.UTF8.GetBytes(json[1..^1]);
            var expected = JsonStringDecoder.Decode(escaped);
            var buffer = escaped.Concat("TAIL"u8.ToArray()).ToArray();
            var length = JsonStringDecoder.UnescapeInPlace(buffer.AsSpan(0, escaped.Length));
            Assert.That(Encoding.UTF8.GetString(buffer, 0, length), Is.EqualTo(expected));
            Assert.That(Encoding.UTF8.GetString(buffer, escaped.Length, 4), Is.EqualTo("TAIL"));
            return true;
        }));
    }

    [Test]
    public void Unescaping_in_place_refuses_bytes_that_are_not_UTF8_and_leaves_them_untouched()
    {
        byte[] bytes = [0x61, 0x5C, 0x6E, 0xC3, 0x28];
        Assert.That(JsonStringDecoder.UnescapeInPlace(bytes), Is.EqualTo(-1));
        Assert.That(bytes, Is.EqualTo(new byte[] { 0x61, 0x5C, 0x6E, 0xC3, 0x28 }));
    }

    [TestCase(StringEscapeHandling.Default)]
    [TestCase(StringEscapeHandling.EscapeNonAscii)]
    public void A_large_didOpen_text_goes_to_the_pending_texts_as_UTF8_and_the_rest_of_the_message_reads_as_before(StringEscapeHandling escaping)
    {
        var text = new StringBuilder();
        for (var i = 0; text.Length < 300_000; i++) text.Append(Pieces[i % Pieces.Length]).Append(i);
        var body = Encoding.UTF8.GetBytes(Serialize(DidOpen(text.ToString(), extraKeys: true), escaping));
        var expected = (Incoming.Call)IncomingMessage.Classify((byte[])body.Clone(), int.MaxValue);

        var pending = new PendingTexts();
        var call = (Incoming.Call)IncomingMessage.Classify(body, pending: pending);
        Assert.That(pending.Count, Is.EqualTo(1));
        var placeholder = (string)call.Message["params"]!["textDocument"]!["text"]!;
        Assert.That(pending.TryTake(placeholder, out var utf8), Is.True, "the message carries the placeholder of the text");
        Assert.That(utf8.ToString(), Is.EqualTo((string?)expected.Message["params"]!["textDocument"]!["text"]), "the text Newtonsoft reads");
        Assert.That(ReferenceEquals(utf8.Buffer, body), Is.True, "unescaped inside the body, not copied");
        // Everything else is the message Newtonsoft reads, the other large string included.
        call.Message["params"]!["textDocument"]!["text"] = expected.Message["params"]!["textDocument"]!["text"];
        Assert.That(JToken.DeepEquals(call.Message, expected.Message), Is.True);
    }

    [Test]
    public void Only_the_text_of_a_didOpen_goes_to_the_pending_texts()
    {
        var large = new string('a', 100_000);
        var pending = new PendingTexts();
        var didChange = new JObject
        {
            ["jsonrpc"] = "2.0", ["method"] = "textDocument/didChange",
            ["params"] = new JObject { ["textDocument"] = new JObject { ["uri"] = Uri, ["version"] = 2, ["text"] = large } },
        };
        var elsewhere = DidOpen("small");
        elsewhere["params"]!["other"] = new JObject { ["text"] = large };
        var twoTexts = Encoding.UTF8.GetBytes(Serialize(DidOpen(large), StringEscapeHandling.Default).Replace("\"version\":7", $"\"text\":\"{large}\",\"version\":7"));
        foreach (var body in new[] { Encoding.UTF8.GetBytes(Serialize(didChange, StringEscapeHandling.Default)), Encoding.UTF8.GetBytes(Serialize(elsewhere, StringEscapeHandling.Default)), twoTexts })
        {
            var expected = IncomingMessage.Classify((byte[])body.Clone(), int.MaxValue);
            var call = (Incoming.Call)IncomingMessage.Classify(body, pending: pending);
            Assert.That(JToken.DeepEquals(call.Message, ((Incoming.Call)expected).Message), Is.True, "read as before, strings in place");
            Assert.That(pending.Count, Is.Zero);
        }
    }

    [Test]
    public void A_didOpen_refused_before_any_handler_leaves_nothing_pending()
    {
        var pending = new PendingTexts();
        var message = DidOpen(new string('a', 100_000));
        message["jsonrpc"] = "1.0";
        var refused = IncomingMessage.Classify(Encoding.UTF8.GetBytes(Serialize(message, StringEscapeHandling.Default)), pending: pending);
        Assert.That(refused, Is.InstanceOf<Incoming.Reject>());
        Assert.That(pending.Count, Is.Zero);
    }
}
