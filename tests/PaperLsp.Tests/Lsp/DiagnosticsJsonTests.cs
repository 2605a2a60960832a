using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json;
using PaperLsp.Lsp;
using PaperLsp.Lsp.Features;
using PaperLsp.Lsp.Logging;
using PaperLsp.Lsp.Protocol;
using PaperLsp.Lsp.Queue;

namespace PaperLsp.Tests.Lsp;

/// <summary>
/// Diagnostics go out as UTF-8 written from each finding's cached piece (push params and pull reports alike); the
/// bytes must be those the serialiser writes for the same values, escapes, non-ASCII and astral characters included.
/// </summary>
public class DiagnosticsJsonTests
{
    // A URI and titles that need escaping or are not ASCII; the same paper twice and a malformed entry give findings.
    private const string Uri = "file:///w/l%C3%A9a%20\"reading\".papers";
    private const string Text =
        "Attention Is \"All\" You Need — 注意力 😀Ashish Vaswani, Noam Shazeer et al. · google\nThe dominant models are recurrent.\n\n" +
        "Attention Is \"All\" You Need — 注意力 😀Ashish Vaswani, Noam Shazeer et al. · google\nThe dominant models are recurrent.\n\n" +
        "29.4CL\nA Title Without AuthorsÜ\n\n" +
        "Deep Residual LearningKaiming He, Xiangyu Zhang\nWe present a residual learning framework.\n";

    private static readonly JsonSerializerSettings Settings = new() { NullValueHandling = NullValueHandling.Ignore };

    private static (ServerSession Session, DiagnosticsPublisher Publisher, List<(string Method, object Params)> Sent) Open()
    {
        var sent = new List<(string, object)>();
        var session = new ServerSession(new LanguageServerOptions(), NullLoggerFactory.Instance, new LogLevelSwitch(), (method, parameters) =>
        {
            lock (sent) sent.Add((method, parameters));
            return Task.CompletedTask;
        }) { Converter = new ProtocolConverter(PositionEncoding.Utf16) };
        var queue = new RequestQueue(() => session.State, NullLogger.Instance);
        var publisher = new DiagnosticsPublisher(session, queue);
        session.Store.Open(Uri, 7, Text);
        publisher.Schedule(Uri).Wait(TimeSpan.FromSeconds(20));
        return (session, publisher, sent);
    }

    [Test]
    public void A_pushed_list_is_the_serialisers_text_of_its_params()
    {
        var (session, publisher, sent) = Open();
        var (method, parameters) = sent.Single();
        Assert.That(method, Is.EqualTo(Methods.PublishDiagnostics));
        using var json = (Utf8JsonBuffer)parameters;
        var items = publisher.Compute(session.Store.Get(Uri)!, CancellationToken.None);
        Assert.That(items.Select(i => i.Code), Does.Contain("PL0302"), "the copies are flagged");
        Assert.That(json.ToString(), Is.EqualTo(JsonConvert.SerializeObject(new PublishDiagnosticsParams { Uri = Uri, Version = 7, Diagnostics = items }, Settings)));
    }

    [Test]
    public void A_pulled_report_is_the_serialisers_text_of_the_report()
    {
        var (session, publisher, _) = Open();
        var list = publisher.ComputeWithJson(session.Store.Get(Uri)!, CancellationToken.None);
        var report = new FullDocumentDiagnosticReport { ResultId = list.ResultId, Items = list.Items, CachedItems = list };
        using var json = (Utf8JsonBuffer)RawJson.From(report)!;
        var plain = new FullDocumentDiagnosticReport { ResultId = list.ResultId, Items = list.Items };
        Assert.That(json.ToString(), Is.EqualTo(JsonConvert.SerializeObject(plain, Settings)));
        Assert.That(list.Json, Is.EqualTo(JsonConvert.SerializeObject(list.Items, Settings)));
    }
}
