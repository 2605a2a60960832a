using Microsoft.Extensions.Logging;

namespace PaperLsp.Lsp.Logging;

/// <summary>Writes log lines to stderr. Stdout carries the protocol and must never see a log line.</summary>
public sealed class StderrLoggerProvider(LogLevelSwitch levels, TextWriter? writer = null) : ILoggerProvider
{
    private readonly LogLevelSwitch levels = levels;
    private readonly TextWriter writer = writer ?? Console.Error;
    private readonly object gate = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, ShortName(categoryName));

    public void Dispose() { }

    internal static string ShortName(string category) => category[(category.LastIndexOf('.') + 1)..];

    private sealed class Logger(StderrLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => provider.levels.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var line = $"[{DateTime.Now:HH:mm:ss.fff} {Abbreviation(logLevel)} {category}] {formatter(state, exception)}";
            if (exception is not null) line += Environment.NewLine + exception;
            lock (provider.gate)
            {
                try
                {
                    provider.writer.WriteLine(line);
                    provider.writer.Flush();
                }
                catch (IOException) { }
                catch (ObjectDisposedException) { }
            }
        }
    }

    internal static string Abbreviation(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };
}
