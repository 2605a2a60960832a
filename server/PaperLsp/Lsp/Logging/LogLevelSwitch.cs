using Microsoft.Extensions.Logging;

namespace PaperLsp.Lsp.Logging;

/// <summary>
/// The server's current log level, shared by its logger providers. Set from <c>initializationOptions.logLevel</c>
/// and raised or restored by <c>$/setTrace</c> ("verbose" → Debug, "messages" → Information, "off" → the configured level).
/// </summary>
public sealed class LogLevelSwitch(LogLevel level = LogLevel.Information)
{
    private volatile int level = (int)level;
    private volatile int configured = (int)level;

    public LogLevel Level => (LogLevel)level;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= Level;

    /// <summary>Sets the configured level (from initializationOptions).</summary>
    public void Configure(LogLevel newLevel)
    {
        configured = (int)newLevel;
        level = (int)newLevel;
    }

    /// <summary>Applies an LSP trace value.</summary>
    public void ApplyTrace(string? trace)
    {
        switch (trace)
        {
            case "verbose": level = (int)LogLevel.Debug; break;
            case "messages": level = Math.Min(configured, (int)LogLevel.Information); break;
            default: level = configured; break;
        }
    }

    public static bool TryParse(string? text, out LogLevel result)
    {
        result = LogLevel.Information;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "trace": result = LogLevel.Trace; return true;
            case "debug": result = LogLevel.Debug; return true;
            case "information": case "info": result = LogLevel.Information; return true;
            case "warning": case "warn": result = LogLevel.Warning; return true;
            case "error": result = LogLevel.Error; return true;
            case "critical": result = LogLevel.Critical; return true;
            case "none": case "off": result = LogLevel.None; return true;
            default: return false;
        }
    }
}
