using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PaperLsp.Lsp.Protocol;
using PaperLsp.Tests.Lsp.EndToEnd;
using static PaperLsp.Tests.Lsp.Adversarial.Adversary;

namespace PaperLsp.Tests.Lsp.Adversarial;

/// <summary>
/// Family "wrong-typed params": every field of every method's params (see <see cref="ParamsGenerator"/>). Each
/// request is answered with its result or InvalidParams, never an internal error; notifications are dropped or
/// applied, never crash; afterwards the server serves and its findings match a fresh open of its text.
/// </summary>
[TestFixture, NonParallelizable]
public class WrongTypedParamsTests
{
    private static readonly string[] Lifecycle = [Methods.Initialize, Methods.Shutdown, Methods.Exit];

    [Test]
    public void Every_registered_method_has_cases()
    {
        var registrations = ParamsGenerator.Registrations();
        Assert.That(registrations, Has.Count.GreaterThan(10));
        foreach (var registration in registrations)
            Assert.That(ParamsGenerator.Cases(registration, DocumentUri).Count(), Is.GreaterThan(5), registration.Method);
    }

    [Test]
    public async Task Every_field_of_every_method_survives_every_wrong_value()
    {
        await using var client = await StartWithDocumentAsync(TestDocuments.Sections);
        var cases = ParamsGenerator.Registrations().Where(r => !Lifecycle.Contains(r.Method))
            .SelectMany(r => ParamsGenerator.Cases(r, DocumentUri)).ToList();
        var ids = new Dictionary<long, ParamsGenerator.Case>();
        var id = 9_000_000L;
        var bytes = new List<byte>();
        foreach (var @case in cases)
        {
            var message = new JObject { ["jsonrpc"] = "2.0", ["method"] = @case.Method, ["params"] = @case.Params };
            if (@case.IsRequest)
            {
                message["id"] = ++id;
                ids[id] = @case;
            }
            bytes.AddRange(Frame(message.ToString(Newtonsoft.Json.Formatting.None)));
        }
        await client.SendBytesAsync([.. bytes]);
        await AssertServingAsync(client);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        Dictionary<long, JObject> answers;
        while (true)
        {
            answers = client.UnmatchedResponses().Where(r => r["id"]?.Type == JTokenType.Integer && ids.ContainsKey((long)r["id"]!))
                .GroupBy(r => (long)r["id"]!).ToDictionary(g => g.Key, g => g.First());
            if (answers.Count == ids.Count || DateTime.UtcNow > deadline) break;
            await Task.Delay(50);
        }
        var unanswered = ids.Keys.Where(key => !answers.ContainsKey(key)).Select(key => ids[key].ToString()).ToList();
        Assert.That(unanswered, Is.Empty, "every request is answered");
        // InvalidParams for a value of the wrong shape; RequestFailed is a deliberate refusal of a well-formed request
        // (rename and export of a document outside the workspace), said in its message.
        var internalErrors = answers.Where(pair => pair.Value["error"] is not null && ErrorCode(pair.Value) is not (-32602 or -32803))
            .Select(pair => $"{ids[pair.Key]}: {pair.Value["error"]}").ToList();
        Assert.That(internalErrors, Is.Empty, "a result, InvalidParams or RequestFailed, never an internal error");
        Assert.That(client.Stderr.Split('\n').Where(line => line.Contains(" fail ") || line.Contains(" crit ")), Is.Empty, "nothing failed inside the server");
        AssertClean(client);
        TestContext.Out.WriteLine($"{cases.Count} cases, {ids.Count} requests");
    }

    [Test]
    public async Task Wrong_initialize_params_never_leave_the_server_unusable()
    {
        await using var client = LspTestClient.Start();
        var initialize = ParamsGenerator.Registrations().Single(r => r.Method == Methods.Initialize);
        var answers = new List<(ParamsGenerator.Case Case, JObject Answer)>();
        foreach (var @case in ParamsGenerator.Cases(initialize, DocumentUri).Where(c => c.Path != "(valid sample)"))
        {
            var (_, response) = client.StartRequest(Methods.Initialize, @case.Params);
            answers.Add((@case, await response));
        }
        // Each got a result (the first that was good enough initialized the server) or an error a client can act on.
        Assert.That(answers.Where(a => a.Answer["error"] is not null && ErrorCode(a.Answer) is not (-32602 or -32600)).Select(a => $"{a.Case}: {a.Answer}"), Is.Empty);
        if (answers.All(a => a.Answer["result"] is null))
            await client.CallAsync(Methods.Initialize, new { processId = (int?)null, capabilities = new { } });
        await client.NotifyAsync("initialized", new { });
        await client.OpenAsync(DocumentUri, TestDocuments.Sections);
        await AssertServingAsync(client);
        AssertClean(client);
    }
}
