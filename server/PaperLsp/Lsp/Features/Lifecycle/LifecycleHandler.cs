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
    /// <summary>The methods served; each contributes its part of the capabilities. Set once by the registry.</summary>
    public IReadOnlyList<LspMethodRegistration> Registrations { get; set; } = [];

    public InitializeResult Initialize(InitializeParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var options = InitializationOptions.Read(request.InitializationOptions, warnings);
        session.InitializationOptions = options;
        if (options.LogLevel is { } level) session.LogLevels.Configure(level);
        session.LogLevels.ApplyTrace(request.Trace);
        foreach (var warning in warnings) context.Logger.LogWarning("{Warning}", warning);

        var encoding = ProtocolConverter.Negotiate(request.Capabilities?.General?.PositionEncodings);
        session.Converter = new ProtocolConverter(encoding);
        session.ClientCapabilities = request.Capabilities ?? new ClientCapabilities();

        // A client that pulls diagnostics would otherwise show every finding twice; it can still ask for both.
        var clientPulls = request.Capabilities?.TextDocument?.Diagnostic is { Type: not JTokenType.Null };
        session.PushDiagnostics = options.PushDiagnostics ?? !clientPulls;
        if (options.DiagnosticsDelay is { } quietPeriod) session.DiagnosticsDelay = quietPeriod;

        // Workspace folders, or the root of a client that predates them (null folders: none open).
        var folders = request.WorkspaceFolders?.Select(f => f.Uri) ?? (request.RootUri is { } root ? [root] : []);
        session.Workspace.SetFolders(folders.Select(uri => Files.DocumentUris.TryGetPath(uri, out var path) ? path : null).OfType<string>());

        // No process has id 0 or below; watching one would end the server at once.
        if (request.ProcessId is > 0 and var processId) session.WatchClientProcess?.Invoke(processId);
        else if (request.ProcessId is { } invalid) context.Logger.LogWarning("Ignoring processId {ProcessId}: not a process id", invalid);

        context.Logger.LogInformation("Initialized for {Client} {Version}: position encoding {Encoding}, push diagnostics {Push}, diagnostics delay {Delay} ms, log level {Level}, workspace folders {Folders}",
            request.ClientInfo?.Name ?? "an unnamed client", request.ClientInfo?.Version ?? "", session.Converter.EncodingName, session.PushDiagnostics,
            session.DiagnosticsDelay.TotalMilliseconds, session.LogLevels.Level, string.Join(", ", session.Workspace.Folders));

        var capabilities = new ServerCapabilities { PositionEncoding = session.Converter.EncodingName };
        foreach (var registration in Registrations) registration.Capabilities?.Invoke(capabilities, session);
        return new InitializeResult
        {
            Capabilities = capabilities,
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
