using Newtonsoft.Json.Linq;
using PaperLsp.Tests.Lsp.EndToEnd;
using static PaperLsp.Tests.Lsp.Adversarial.Adversary;

namespace PaperLsp.Tests.Lsp.Adversarial;

/// <summary>Family "side effects": the server writes no file and puts nothing but LSP on stdout, whatever it is sent.</summary>
[TestFixture, NonParallelizable]
public class SideEffectTests
{
    [Test]
    public async Task A_hostile_session_writes_no_file_and_only_LSP_reaches_stdout()
    {
        var folder = Path.Combine(Path.GetTempPath(), "paperlsp-side-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var list = Path.Combine(folder, "list.papers");
            const string text = "A Study of ThingsJane Doe   \nOne.\nA Study of ThingsJane Doe\nTwo.\n";
            File.WriteAllText(list, text);
            var written = File.GetLastWriteTimeUtc(list);
            var uri = new System.Uri(list).AbsoluteUri;

            await using (var client = LspTestClient.Start(workingDirectory: folder))
            {
                await client.CallAsync("initialize", new { processId = Environment.ProcessId, rootUri = new System.Uri(folder).AbsoluteUri, capabilities = new { }, initializationOptions = new { logLevel = "trace" } });
                await client.NotifyAsync("initialized", new { });
                await client.OpenAsync(uri, text);
                await client.CallAsync("textDocument/formatting", new { textDocument = new { uri }, options = new { tabSize = 2, insertSpaces = true } });
                await client.NotifyAsync("textDocument/didChange", new { textDocument = new { uri, version = 2 }, contentChanges = new[] { new { text = "changed\n" } } });
                await client.NotifyAsync("textDocument/didSave", new { textDocument = new { uri } });
                await client.SendBytesAsync(Ascii("Content-Length: nope\r\n\r\n{}"));
                await client.SendBytesAsync(Frame("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"shutdown\"}]"));
                await client.SendBytesAsync(Frame("{\"jsonrpc\":\"2.0\",\"id\":424242,\"result\":{}}"));
                await client.NotifyAsync("$/setTrace", new { value = "verbose" });
                await client.CallAsync("textDocument/diagnostic", new { textDocument = new { uri } });
                await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri } });
                await client.ShutdownAndExitAsync();
                Assert.That(client.OutputProblem, Is.Null);
                Assert.That(client.AllMessages(), Is.Not.Empty);
                AssertClean(client);
            }

            Assert.That(Directory.GetFileSystemEntries(folder), Is.EqualTo(new[] { list }), "no file created");
            Assert.That(File.ReadAllText(list), Is.EqualTo(text), "the list itself is never written");
            Assert.That(File.GetLastWriteTimeUtc(list), Is.EqualTo(written));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
