using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using PaperLsp.Lsp.Logging;

namespace PaperLsp.Lsp.Features;

/// <summary>
/// initializationOptions as PaperLsp reads them (docs/editors.md). Reading never fails: a value of the wrong type or
/// out of range is reported as a warning and that option keeps its default, so a typo in an editor's settings costs
/// one option, not the server (a failed initialize cannot be retried: the server has then seen its one initialize).
/// </summary>
public sealed record InitializationOptions(LogLevel? LogLevel, bool? PushDiagnostics, TimeSpan? DiagnosticsDelay)
{
    public const int MaxDiagnosticsDelayMs = 10_000;

    public static readonly string[] Known = ["logLevel", "pushDiagnostics", "diagnosticsDelayMs", "indexWorkspace", "maxCompletionItems"];

    /// <summary>The defaults: every option unset.</summary>
    public static readonly InitializationOptions Default = new(null, null, null);

    /// <summary>Read the *.papers files of the workspace folders (null: yes).</summary>
    public bool? IndexWorkspace { get; init; }

    /// <summary>At most this many completion items, 1 or more (null: the completion service's default).</summary>
    public int? MaxCompletionItems { get; init; }

    /// <summary>Reads the options; <paramref name="warnings"/> says what was ignored and why.</summary>
    public static InitializationOptions Read(JToken? token, List<string> warnings)
    {
        if (token is null || token.Type is JTokenType.Null or JTokenType.Undefined) return new(null, null, null);
        if (token is not JObject options)
        {
            warnings.Add($"initializationOptions must be an object, not {token.Type}; using the defaults");
            return new(null, null, null);
        }

        LogLevel? level = null;
        if (Present(options, "logLevel") is { } levelToken)
        {
            if (levelToken.Type == JTokenType.String && LogLevelSwitch.TryParse((string?)levelToken, out var parsed)) level = parsed;
            else warnings.Add($"Unknown logLevel {Show(levelToken)} (expected trace, debug, info, warning, error or off); keeping the default");
        }

        bool? push = null;
        if (Present(options, "pushDiagnostics") is { } pushToken)
        {
            if (pushToken.Type == JTokenType.Boolean) push = (bool)pushToken;
            else warnings.Add($"pushDiagnostics must be true or false, not {Show(pushToken)}; keeping the default");
        }

        TimeSpan? delay = null;
        if (Present(options, "diagnosticsDelayMs") is { } delayToken)
        {
            // An integer-valued float (250.0) is fine; anything else, or outside the range, is not.
            if (delayToken.Type is JTokenType.Integer or JTokenType.Float && ToMilliseconds(delayToken) is { } ms)
                delay = TimeSpan.FromMilliseconds(ms);
            else warnings.Add($"diagnosticsDelayMs must be a whole number from 0 to {MaxDiagnosticsDelayMs}, not {Show(delayToken)}; keeping the default");
        }

        bool? indexWorkspace = null;
        if (Present(options, "indexWorkspace") is { } indexToken)
        {
            if (indexToken.Type == JTokenType.Boolean) indexWorkspace = (bool)indexToken;
            else warnings.Add($"indexWorkspace must be true or false, not {Show(indexToken)}; keeping the default");
        }

        int? maxCompletionItems = null;
        if (Present(options, "maxCompletionItems") is { } maxToken)
        {
            if (maxToken.Type is JTokenType.Integer or JTokenType.Float && ToWholeNumber(maxToken, 1, int.MaxValue) is { } max)
                maxCompletionItems = max;
            else warnings.Add($"maxCompletionItems must be a whole number of at least 1, not {Show(maxToken)}; keeping the default");
        }

        foreach (var property in options.Properties())
            if (!Known.Contains(property.Name)) warnings.Add($"Unknown initialization option '{property.Name}' ignored");

        return new(level, push, delay) { IndexWorkspace = indexWorkspace, MaxCompletionItems = maxCompletionItems };
    }

    private static JToken? Present(JObject options, string name) =>
        options.TryGetValue(name, out var value) && value.Type is not (JTokenType.Null or JTokenType.Undefined) ? value : null;

    private static int? ToMilliseconds(JToken token) => ToWholeNumber(token, 0, MaxDiagnosticsDelayMs);

    private static int? ToWholeNumber(JToken token, int min, int max)
    {
        var value = token.Type == JTokenType.Integer
            ? (token is JValue { Value: System.Numerics.BigInteger } ? double.PositiveInfinity : (double)(long)token)
            : (double)token;
        return value >= min && value <= max && Math.Floor(value) == value ? (int)value : null;
    }

    private static string Show(JToken token)
    {
        var text = token.ToString(Newtonsoft.Json.Formatting.None);
        return text.Length > 40 ? text[..40] + "…" : text;
    }
}
