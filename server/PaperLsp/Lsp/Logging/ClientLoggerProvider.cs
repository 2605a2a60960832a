using Microsoft.Extensions.Logging;
using PaperLsp.Lsp.Protocol;

namespace PaperLsp.Lsp.Logging;

/// <summary>Sends log lines to the client as <c>window/logMessage</c> notifications once a sender is attached.</summary>
public sealed class ClientLoggerProvider(LogLevelSwitch levels) : ILoggerProvider
{
    private readonly LogLevelSwitch levels = levels;
    private volatile Func<LogMessageParams, Task>? sender;

    /// <summary>Attaches the function that sends a notification (null detaches, e.g. after exit).</summary>
    public void Attach(Func<LogMessageParams, Task>? send) => sender = send;

    public ILogger CreateLogger(string categoryName) => new Logger(this, StderrLoggerProvider.ShortName(categoryName));

    public void Dispose() => sender = null;

    private sealed class Logger(ClientLoggerProvider provider, string category) : ILogger
    {
        [ThreadStatic] private static bool sending;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => provider.sender is not null && provider.levels.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var send = provider.sender;
            if (send is null || sending || !provider.levels.IsEnabled(logLevel)) return;
            var message = $"[{category}] {formatter(state, exception)}";
            if (exception is not null) message += Environment.NewLine + exception.GetType().Name + ": " + exception.Message;
            var type = logLevel switch
            {
                LogLevel.Critical or LogLevel.Error => MessageType.Error,
                LogLevel.Warning => MessageType.Warning,
                LogLevel.Information => MessageType.Info,
                LogLevel.Debug => MessageType.Log,
                _ => MessageType.Log,
            };
            sending = true; // a failure to send must not log to the client again
            try
            {
                _ = send(new LogMessageParams { Type = type, Message = message })?.ContinueWith(
                    t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
            catch (Exception) { }
            finally { sending = false; }
        }
    }
}
