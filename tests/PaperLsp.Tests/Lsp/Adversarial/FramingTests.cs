using Newtonsoft.Json.Linq;
using PaperLsp.Tests.Lsp.EndToEnd;
using static PaperLsp.Tests.Lsp.Adversarial.Adversary;

namespace PaperLsp.Tests.Lsp.Adversarial;

/// <summary>
/// Family "framing": the base protocol's headers, as clients really write them and as they break. One server for the
/// fixture: after each case it must still answer the next well-framed request, so every case also checks that the
/// stream is back in step.
/// </summary>
[TestFixture, NonParallelizable]
public class FramingTests
{
    private LspTestClient client = null!;
    private long nextId = 100_000;

    [OneTimeSetUp]
    public async Task Start() => client = await StartWithDocumentAsync(TestDocuments.Sections);

    [OneTimeTearDown]
    public async Task Stop()
    {
        AssertClean(client);
        await client.DisposeAsync();
    }

    /// <summary>Sends the bytes, then a request framed however the case says, and returns its response.</summary>
    private async Task<JObject> AnsweredAfter(byte[] bytes, Func<string, byte[]>? frame = null)
    {
        var id = ++nextId;
        await client.SendBytesAsync([.. bytes, .. (frame ?? Frame)(Request(id, "textDocument/foldingRange"))]);
        return await WaitForUnmatchedAsync(client, r => (long?)r["id"] == id);
    }

    [TestCase("content-length")]
    [TestCase("CONTENT-LENGTH")]
    [TestCase("Content-length")]
    public async Task Header_names_are_case_insensitive(string name)
    {
        var response = await AnsweredAfter([], body => Ascii($"{name}: {Ascii(body).Length}\r\n\r\n{body}"));
        Assert.That(response["result"], Is.Not.Null);
    }

    [Test]
    public async Task LF_only_headers_are_read()
    {
        var response = await AnsweredAfter([], body => Ascii($"Content-Length: {Ascii(body).Length}\nContent-Type: application/vscode-jsonrpc; charset=utf-8\n\n{body}"));
        Assert.That(response["result"], Is.Not.Null);
    }

    [Test]
    public async Task A_Content_Type_header_and_blank_lines_between_messages_are_accepted()
    {
        var response = await AnsweredAfter(Ascii("\r\n\r\n"), body => Ascii($"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: {Ascii(body).Length}\r\n\r\n{body}"));
        Assert.That(response["result"], Is.Not.Null);
    }

    [TestCase("Content-Length: -5\r\n\r\n{}", "-5")]
    [TestCase("Content-Length: abc\r\n\r\n{\"jsonrpc\":\"2.0\"}", "abc")]
    [TestCase("Content-Length: 1e3\r\n\r\n{}", "1e3")]
    [TestCase("Content-Length: +12\r\n\r\n{}", "+12")]
    [TestCase("Content-Length: \r\n\r\n{}", "Content-Length")]
    [TestCase("Content-Type: text/plain\r\n\r\n{}", "without Content-Length")]
    [TestCase("hello there\r\n", "without a name")]
    [TestCase("hello", "not a header")]
    [TestCase("Content-Length: x\r\n\r\n{\"jsonrpc\":\"2.0\"}", "'x'")]
    [TestCase("Content-Length: 5\r\nContent-Length: 7\r\n\r\n{}", "two different")]
    public async Task A_bad_header_is_answered_ParseError_and_the_stream_resynchronises(string garbage, string problem)
    {
        var response = await AnsweredAfter(Ascii(garbage));
        Assert.That(response["result"], Is.Not.Null, "the request after the bad frame is served");
        var error = await WaitForUnmatchedAsync(client, r => ErrorCode(r) == -32700 && ((string?)r["error"]!["message"])!.Contains(problem));
        Assert.That(error["id"]!.Type, Is.EqualTo(JTokenType.Null));
    }

    [Test]
    public async Task A_header_line_longer_than_8_KB_is_refused_without_reading_on_forever()
    {
        var response = await AnsweredAfter(Ascii("X-Junk: " + new string('x', 20_000)));
        Assert.That(response["result"], Is.Not.Null);
    }

    [Test]
    public async Task A_message_split_into_single_bytes_is_read()
    {
        var id = ++nextId;
        var bytes = Frame(Request(id, "textDocument/foldingRange"));
        foreach (var b in bytes) await client.SendBytesAsync([b]);
        var response = await WaitForUnmatchedAsync(client, r => (long?)r["id"] == id);
        Assert.That(response["result"], Is.Not.Null);
    }

    [Test]
    public async Task Many_messages_in_one_write_are_all_answered()
    {
        var ids = Enumerable.Range(0, 50).Select(_ => ++nextId).ToList();
        await client.SendBytesAsync(ids.SelectMany(id => Frame(Request(id, "textDocument/foldingRange"))).ToArray());
        foreach (var id in ids) Assert.That((await WaitForUnmatchedAsync(client, r => (long?)r["id"] == id))["result"], Is.Not.Null);
    }
}

/// <summary>Family "framing", the cases after which nothing more can be read: the server ends with one clear line.</summary>
[TestFixture, NonParallelizable]
public class FramingEndTests
{
    [TestCase("Content-Length: 100\r\n\r\n{\"jsonrpc\"", "inside a message (100 bytes announced, 10 received)")]
    [TestCase("Content-Length: 40\r\n", "inside a message header")]
    [TestCase("Content-Length: 99999999999\r\n\r\n{}", "inside a message")]
    public async Task The_input_ending_inside_a_message_ends_the_server_with_one_clear_line(string tail, string expected)
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        await client.SendBytesAsync(Ascii(tail));
        client.CloseInput();
        Assert.That(await client.WaitForExitAsync(), Is.EqualTo(1));
        var lines = client.Stderr.Split('\n').Where(line => line.Contains("Input ended")).ToList();
        Assert.That(lines, Has.Count.EqualTo(1));
        Assert.That(lines[0], Does.Contain(expected));
        AssertClean(client);
    }
}
