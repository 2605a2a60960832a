using System.Reflection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using PaperLsp.Lsp.Logging;
using PaperLsp.Lsp.Protocol;

namespace PaperLsp.Lsp.Features;

/// <summary>initialize, initialized, shutdown, exit and $/setTrace. The order rules (nothing before initialize, nothing
/// after shutdown) are enforced by <see cref="LanguageServer"/> when messages arrive.</summary>
public sealed class LifecycleHandler(ServerSession session, Action exit)
{
    public InitializeResult Initialize(InitializeParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var options = request.InitializationOptions as JObject;
        if (LogLevelSwitch.TryParse(options?.Value<string>("logLevel"), out var level)) session.LogLevels.Configure(level);
        else if (options?["logLevel"] is not null) context.Logger.LogWarning("Unknown logLevel {Level}; keeping {Current}", options["logLevel"], session.LogLevels.Level);
        session.LogLevels.ApplyTrace(request.Trace);

        var encoding = ProtocolConverter.Negotiate(request.Capabilities.General?.PositionEncodings);
        session.Converter = new ProtocolConverter(encoding);
        session.ClientCapabilities = request.Capabilities;

        // A client that pulls diagnostics would otherwise show every finding twice; it can still ask for both.
        var clientPulls = request.Capabilities.TextDocument?.Diagnostic is { Type: not JTokenType.Null };
        session.PushDiagnostics = options?.Value<bool?>("pushDiagnostics") ?? !clientPulls;

        if (options?.Value<int?>("diagnosticsDelayMs") is { } quietPeriod and >= 0 and <= 10_000)
            session.DiagnosticsDelay = TimeSpan.FromMilliseconds(quietPeriod);

        if (options?["testDelayMs"] is JObject delays)
        {
            // Test-only hook: makes the named requests slow so that tests can cancel them deterministically.
            session.TestDelays = delays.Properties().ToDictionary(p => p.Name, p => (int)p.Value);
            context.Logger.LogWarning("Test delays are on: {Delays}", delays.ToString(Newtonsoft.Json.Formatting.None));
        }

        if (request.ProcessId is { } processId) session.WatchClientProcess?.Invoke(processId);

        context.Logger.LogInformation("Initialized for {Client} {Version}: position encoding {Encoding}, push diagnostics {Push}, diagnostics delay {Delay} ms, log level {Level}",
            request.ClientInfo?.Name ?? "an unnamed client", request.ClientInfo?.Version ?? "", session.Converter.EncodingName, session.PushDiagnostics,
            session.DiagnosticsDelay.TotalMilliseconds, session.LogLevels.Level);

        return new InitializeResult
        {
            Capabilities = new ServerCapabilities
            {
                PositionEncoding = session.Converter.EncodingName,
                TextDocumentSync = new TextDocumentSyncOptions
                {
                    OpenClose = true,
                    Change = TextDocumentSyncKind.Incremental,
                    Save = new SaveOptions { IncludeText = false },
                },
                DocumentSymbolProvider = true,
                FoldingRangeProvider = true,
                DocumentFormattingProvider = true,
                DocumentRangeFormattingProvider = true,
                SemanticTokensProvider = new SemanticTokensOptions
                {
                    Legend = SemanticTokensLegendInfo.Legend,
                    Range = true,
                    Full = new SemanticTokensFullOptions { Delta = true },
                },
                DiagnosticProvider = new DiagnosticOptions { Identifier = "paperlsp", InterFileDependencies = false, WorkspaceDiagnostics = false },
            },
            ServerInfo = new ServerInfo
            {
                Name = "paperlsp",
                Version = typeof(LifecycleHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
            },
        };
    }

    public void Initialized(InitializedParams request, RequestContext context) =>
        context.Logger.LogDebug("Client confirmed initialization");

    public object? Shutdown(NoParams request, RequestContext context, CancellationToken cancellationToken)
    {
        context.Logger.LogInformation("Shutdown requested");
        return null;
    }

    public void Exit(NoParams request, RequestContext context) => exit();

    public void SetTrace(SetTraceParams request, RequestContext context)
    {
        session.LogLevels.ApplyTrace(request.Value);
        context.Logger.LogInformation("Trace set to {Trace}: log level {Level}", request.Value, session.LogLevels.Level);
    }
}
