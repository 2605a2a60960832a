using Microsoft.Extensions.Logging;

namespace PaperLsp.Lsp;

public sealed class LanguageServerOptions
{
    /// <summary>The quiet period after the last edit before diagnostics are computed and pushed (marksman-style debounce).</summary>
    public TimeSpan DiagnosticsDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How often the client process named in <c>initialize</c> is checked for being alive.</summary>
    public TimeSpan ClientProcessPollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The level until the client says otherwise (initializationOptions.logLevel, $/setTrace).</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>Where log lines go besides the client; stderr by default. Never stdout.</summary>
    public TextWriter? LogWriter { get; init; }
}
