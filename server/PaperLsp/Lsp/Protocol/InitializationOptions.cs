using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace PaperLsp.Lsp.Protocol;

/// <summary>What PaperLsp reads from <c>initializationOptions</c> (see docs/editors.md). Unknown members are ignored.</summary>
[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class InitializationOptions
{
    /// <summary>trace | debug | information | warning | error.</summary>
    public string? LogLevel { get; set; }
    /// <summary>Push diagnostics even to a client that pulls them (or not to one that does not).</summary>
    public bool? PushDiagnostics { get; set; }
    /// <summary>Quiet period before diagnostics, 0–10000 ms.</summary>
    public int? DiagnosticsDelayMs { get; set; }
    /// <summary>Read the *.papers files of the workspace folders (default true).</summary>
    public bool? IndexWorkspace { get; set; }
    /// <summary>At most this many completion items (default 50).</summary>
    public int? MaxCompletionItems { get; set; }
    /// <summary>Test-only: per-method delays (ms) before concurrent requests run.</summary>
    public Dictionary<string, int>? TestDelayMs { get; set; }
}
