using Microsoft.Extensions.Logging.Abstractions;
using PaperLsp.Lsp;
using PaperLsp.Lsp.Protocol;
using PaperLsp.Lsp.Queue;
using PaperLsp.Tests.Ide;

namespace PaperLsp.Tests.Lsp;

/// <summary>
/// The server's registrations in process, without JSON-RPC: a session, the one registration list, initialize with the
/// given capabilities, and a multi-file fixture (<c>//- /name.papers</c>, <c>$0</c>) laid on disk-less documents — the
/// file with the cursor opened, the others fed to the workspace as disk files. Requests go straight to the handlers.
/// </summary>
internal sealed class InProcessHarness
{
    private readonly Dictionary<string, LspMethodRegistration> registrations;

    private InProcessHarness(ServerSession session, IReadOnlyList<LspMethodRegistration> list)
    {
        Session = session;
        registrations = list.ToDictionary(r => r.Method);
    }

    public ServerSession Session { get; }
    public InitializeResult Initialized { get; private set; } = null!;
    public string CursorUri { get; private set; } = "";
    public Position Cursor { get; private set; } = new();

    public static InProcessHarness Start(string fixture, ClientCapabilities? capabilities = null)
    {
        var session = TestDocuments.NewSession();
        var queue = new RequestQueue(() => session.State, NullLogger.Instance);
        var harness = new InProcessHarness(session, HandlerRegistry.Create(session, queue, () => { }));
        var result = harness.Call("initialize", new InitializeParams { Capabilities = capabilities ?? new ClientCapabilities(), InitializationOptions = new Newtonsoft.Json.Linq.JObject { ["indexWorkspace"] = false } });
        harness.Initialized = (InitializeResult)result!;
        var parsed = Fixture.Parse(fixture);
        foreach (var file in parsed.Workspace.Files)
        {
            if (file.IsOpen)
            {
                harness.Call("textDocument/didOpen", new DidOpenTextDocumentParams { TextDocument = new TextDocumentItem { Uri = file.Uri, Version = 1, Text = file.Document.GetText() } });
                harness.CursorUri = file.Uri;
            }
            else session.Workspace.ApplyDisk([(file.Id.Key, file.Document)]);
        }
        harness.Cursor = new Position(parsed.Cursor.Line, parsed.Cursor.Character);
        return harness;
    }

    /// <summary>Calls a handler as the queue would, returning its result as the handler made it (before JSON).</summary>
    public object? Call(string method, object parameters)
    {
        var registration = registrations[method];
        // The registration serialises results to raw JSON, as the server sends them; initialize is parsed back here.
        var result = registration.Handle(parameters, RequestContext.For(Session), CancellationToken.None);
        return result is Newtonsoft.Json.Linq.JRaw raw && registration.ParamsType == typeof(InitializeParams)
            ? Newtonsoft.Json.JsonConvert.DeserializeObject<InitializeResult>(raw.ToString())
            : result;
    }

    public Newtonsoft.Json.Linq.JToken? Json(string method, object parameters)
    {
        switch (Call(method, parameters))
        {
            case Newtonsoft.Json.Linq.JRaw raw:
                return Newtonsoft.Json.Linq.JToken.Parse(raw.ToString());
            case Utf8JsonBuffer utf8:
                using (utf8) return Newtonsoft.Json.Linq.JToken.Parse(utf8.ToString());
            default:
                return null;
        }
    }

    public object At(string? uri = null) => new { textDocument = new { uri = uri ?? CursorUri }, position = Cursor };
}
