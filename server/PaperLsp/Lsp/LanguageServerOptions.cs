using Microsoft.Extensions.Logging;

namespace PaperLsp.Lsp;

public sealed class LanguageServerOptions
{
    /// <summary>
    /// The quiet period after an edit before diagnostics are computed and pushed, unless the client sets
    /// initializationOptions.diagnosticsDelayMs. Zero by default: analysis costs what the findings cost, not what the
    /// list costs, so it runs at once and a newer edit cancels it (no backlog); a delay only trades latency for fewer publishes.
    /// </summary>
    public TimeSpan DiagnosticsDelay { get; init; } = TimeSpan.Zero;

    /// <summary>How often the client process named in <c>initialize</c> is checked for being alive.</summary>
    public TimeSpan ClientProcessPollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The level until the client says otherwise (initializationOptions.logLevel, $/setTrace).</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>Where log lines go besides the client; stderr by default. Never stdout.</summary>
    public TextWriter? LogWriter { get; init; }

    /// <summary>What the host did to the transport before the server started (see <see cref="Transport.StdioBuffers"/>), logged at debug level.</summary>
    public string? TransportNote { get; init; }

    /// <summary>
    /// Tests only, through <c>new LanguageServer(…, options)</c> in the test assembly: awaited before each concurrent
    /// request runs, with the request's token, so that a test can hold a request and cancel it deterministically.
    /// Not reachable from a client: no initialization option sets it.
    /// </summary>
    internal Func<string, CancellationToken, Task>? BeforeConcurrentRequest { get; init; }
}
