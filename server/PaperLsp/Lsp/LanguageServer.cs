using System.Diagnostics;
using Microsoft.Extensions.Logging;

using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PaperLsp.Lsp.Logging;
using PaperLsp.Lsp.Protocol;
using PaperLsp.Lsp.Queue;
using StreamJsonRpc;

namespace PaperLsp.Lsp;

/// <summary>
/// The language server over one pair of streams. StreamJsonRpc (<see cref="JsonRpc"/> + Content-Length framing + the
/// Newtonsoft formatter) carries the messages; every method of <see cref="HandlerRegistry"/> is registered explicitly
/// with <c>UseSingleObjectParameterDeserialization</c>. Entry points run in arrival order (a non-concurrent
/// synchronization context), check the lifecycle, deserialize params and enqueue on the <see cref="RequestQueue"/>
/// before they ever await, so the queue sees messages in arrival order.
/// </summary>
public sealed class LanguageServer : IAsyncDisposable
{
    private readonly LanguageServerOptions options;
    private readonly ILoggerFactory loggerFactory;
    private readonly ClientLoggerProvider clientLogs;
    private readonly ILogger logger;
    private readonly JsonRpc rpc;
    private readonly RequestQueue queue;
    private readonly ServerSession session;
    private readonly JsonSerializer serializer = JsonSerializer.Create(new JsonSerializerSettings { MissingMemberHandling = MissingMemberHandling.Ignore });
    private readonly TaskCompletionSource<int> exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource stopping = new();

    // Lifecycle state; only touched by entry points, which run one at a time in arrival order.
    private bool initializeReceived;
    private volatile bool shutdownReceived;

    public LanguageServer(Stream input, Stream output, LanguageServerOptions? options = null)
    {
        this.options = options ?? new LanguageServerOptions();
        var levels = new LogLevelSwitch(this.options.LogLevel);
        clientLogs = new ClientLoggerProvider(levels);
        loggerFactory = LoggerFactory.Create(builder => builder
            .SetMinimumLevel(LogLevel.Trace)
            .AddProvider(new StderrLoggerProvider(levels, this.options.LogWriter))
            .AddProvider(clientLogs));
        logger = loggerFactory.CreateLogger<LanguageServer>();

        var formatter = new JsonMessageFormatter();
        var pendingTexts = new Transport.PendingTexts();
        rpc = new JsonRpc(new LspMessageHandler(output, input, formatter, logger, pendingTexts))
        {
            // Invoke entry points one at a time, in the order messages arrive (until their first await).
            SynchronizationContext = new Microsoft.VisualStudio.Threading.NonConcurrentSynchronizationContext(sticky: false),
            CancelLocallyInvokedMethodsWhenConnectionIsClosed = true,
        };
        rpc.TraceSource = new TraceSource("PaperLsp.JsonRpc", SourceLevels.Warning);
        rpc.TraceSource.Listeners.Clear();
        rpc.TraceSource.Listeners.Add(new LoggerTraceListener(loggerFactory.CreateLogger("PaperLsp.JsonRpc")));

        session = new ServerSession(this.options, loggerFactory, levels, (method, parameters) => rpc.NotifyWithParameterObjectAsync(method, parameters))
        {
            WatchClientProcess = WatchClientProcess,
            PendingTexts = pendingTexts,
            SendRequest = (method, parameters) => rpc.InvokeWithParameterObjectAsync(method, parameters),
        };
        queue = new RequestQueue(() => session.State, loggerFactory.CreateLogger<RequestQueue>());

        foreach (var registration in HandlerRegistry.Create(session, queue, OnExit)) Register(registration);
        clientLogs.Attach(parameters => rpc.NotifyWithParameterObjectAsync(Methods.LogMessage, parameters));
    }

    public ServerSession Session => session;

    /// <summary>Serves until <c>exit</c>, the end of the input, or the death of the client process. Returns the exit code:
    /// 0 when shutdown came first, 1 otherwise.</summary>
    public async Task<int> RunAsync()
    {
        rpc.StartListening();
        logger.LogInformation("paperlsp language server started (pid {Pid})", Environment.ProcessId);
        if (options.TransportNote is { } note) logger.LogDebug("{Note}", note);
        var first = await Task.WhenAny(exited.Task, rpc.Completion).ConfigureAwait(false);
        int code;
        if (first == exited.Task) code = await exited.Task.ConfigureAwait(false);
        else
        {
            try { await rpc.Completion.ConfigureAwait(false); }
            catch (Exception exception) { logger.LogWarning("Connection failed: {Error}", exception.Message); }
            code = shutdownReceived ? 0 : 1;
            logger.LogInformation("Input closed without exit; exit code {Code}", code);
        }
        await DisposeAsync().ConfigureAwait(false);
        return code;
    }

    public async ValueTask DisposeAsync()
    {
        if (stopping.IsCancellationRequested) return;
        stopping.Cancel();
        clientLogs.Attach(null);
        queue.Complete();
        // Not awaiting rpc.Completion: a read blocked on stdin does not always end when the stream is disposed.
        rpc.Dispose();
        await Task.WhenAny(queue.Completion, Task.Delay(TimeSpan.FromSeconds(1))).ConfigureAwait(false);
        loggerFactory.Dispose();
    }

    private void OnExit()
    {
        var code = shutdownReceived ? 0 : 1;
        logger.LogInformation("Exit {How}: exit code {Code}", shutdownReceived ? "after shutdown" : "without shutdown", code);
        exited.TrySetResult(code);
    }

    private void WatchClientProcess(int processId)
    {
        _ = Task.Run(async () =>
        {
            while (!stopping.IsCancellationRequested)
            {
                if (!IsAlive(processId))
                {
                    logger.LogWarning("Client process {Pid} is gone; exiting", processId);
                    exited.TrySetResult(shutdownReceived ? 0 : 1);
                    return;
                }
                try { await Task.Delay(options.ClientProcessPollInterval, stopping.Token).ConfigureAwait(false); }
                catch (OperationCanceledException) { return; }
            }
        });
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    // ---- dispatch ----

    private void Register(LspMethodRegistration registration)
    {
        var entry = new RpcEntry(this, registration);
        var method = registration.IsRequest
            ? typeof(RpcEntry).GetMethod(nameof(RpcEntry.RequestAsync))!
            : typeof(RpcEntry).GetMethod(nameof(RpcEntry.Notify))!;
        rpc.AddLocalRpcMethod(method, entry, new JsonRpcMethodAttribute(registration.Method) { UseSingleObjectParameterDeserialization = true });
    }

    /// <summary>The object StreamJsonRpc invokes for one method.</summary>
    private sealed class RpcEntry(LanguageServer server, LspMethodRegistration registration)
    {
        public Task<object?> RequestAsync(JToken? @params = null, CancellationToken cancellationToken = default) =>
            server.OnRequest(registration, @params, cancellationToken);

        public void Notify(JToken? @params = null) => server.OnNotification(registration, @params);
    }

    private Task<object?> OnRequest(LspMethodRegistration registration, JToken? token, CancellationToken cancellationToken)
    {
        try
        {
            return Dispatch(registration, token, cancellationToken);
        }
        catch (LocalRpcException exception)
        {
            logger.LogDebug("{Method}: error {Code}: {Message}", registration.Method, exception.ErrorCode, exception.Message);
            return Task.FromException<object?>(exception);
        }
    }

    private Task<object?> Dispatch(LspMethodRegistration registration, JToken? token, CancellationToken cancellationToken)
    {
        // Runs synchronously in arrival order: no await before the work is queued.
        var method = registration.Method;
        if (method == Methods.Initialize)
        {
            if (initializeReceived) throw Error(LspErrorCodes.InvalidRequest, "initialize was already received");
        }
        else if (!initializeReceived)
        {
            throw Error(LspErrorCodes.ServerNotInitialized, $"{method} before initialize");
        }
        if (shutdownReceived) throw Error(LspErrorCodes.InvalidRequest, $"{method} after shutdown");

        var parameters = Deserialize(registration, token);
        if (method == Methods.Initialize) initializeReceived = true;
        if (method == Methods.Shutdown) shutdownReceived = true;
        registration.OnArrival?.Invoke(parameters);
        logger.LogTrace("Request {Method}", method);

        return registration.Execution switch
        {
            Execution.Exclusive => queue.EnqueueExclusive(method, ct => registration.Handle(parameters, RequestContext.For(session), ct), cancellationToken),
            Execution.Concurrent => queue.EnqueueConcurrent(method, async (state, ct) =>
            {
                if (options.BeforeConcurrentRequest is { } hook) await hook(method, ct).ConfigureAwait(false);
                return registration.Handle(parameters, new RequestContext(session, state, HandlerLogger), ct);
            }, cancellationToken),
            _ => Task.FromResult(registration.Handle(parameters, RequestContext.For(session), cancellationToken)),
        };
    }

    private void OnNotification(LspMethodRegistration registration, JToken? token)
    {
        var method = registration.Method;
        if (method != Methods.Exit && (!initializeReceived || shutdownReceived))
        {
            logger.LogWarning("Ignoring {Method}: {State}", method, initializeReceived ? "after shutdown" : "before initialize");
            if (method == Methods.DidOpen) session.PendingTexts.ForgetIn(token);
            return;
        }
        object parameters;
        try
        {
            parameters = Deserialize(registration, token);
        }
        catch (LocalRpcException exception)
        {
            // A notification has no response to carry the error: log it and go on.
            logger.LogWarning("Ignoring {Method}: {Error}", method, exception.Message);
            if (method == Methods.DidOpen) session.PendingTexts.ForgetIn(token);
            return;
        }
        registration.OnArrival?.Invoke(parameters);
        logger.LogTrace("Notification {Method}", method);

        if (registration.Execution == Execution.Immediate)
        {
            registration.Handle(parameters, RequestContext.For(session), CancellationToken.None);
            return;
        }
        var work = registration.Execution == Execution.Exclusive
            ? queue.EnqueueExclusive(method, ct => registration.Handle(parameters, RequestContext.For(session), ct), CancellationToken.None)
            : queue.EnqueueConcurrent(method, (state, ct) => Task.FromResult(registration.Handle(parameters, new RequestContext(session, state, HandlerLogger), ct)), CancellationToken.None);
        _ = work.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    private ILogger HandlerLogger => field ??= loggerFactory.CreateLogger("PaperLsp.Lsp.Handlers");

    private object Deserialize(LspMethodRegistration registration, JToken? token)
    {
        if (registration.ParamsType == typeof(NoParams)) return NoParams.Instance;
        if (token is null || token.Type is JTokenType.Null or JTokenType.Undefined)
            throw Error(LspErrorCodes.InvalidParams, $"{registration.Method} needs params");
        if (token.Type != JTokenType.Object)
            throw Error(LspErrorCodes.InvalidParams, $"{registration.Method} params must be an object, not {token.Type}");
        try
        {
            var parameters = token.ToObject(registration.ParamsType, serializer) ?? throw Error(LspErrorCodes.InvalidParams, $"{registration.Method} needs params");
            if (ParamsValidator.FindMissing(parameters) is { } path)
                throw Error(LspErrorCodes.InvalidParams, $"Invalid params for {registration.Method}: {path} must not be null");
            return parameters;
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            throw Error(LspErrorCodes.InvalidParams, $"Invalid params for {registration.Method}: {exception.Message}");
        }
    }

    private static LocalRpcException Error(int code, string message) => new(message) { ErrorCode = code };

    /// <summary>Forwards StreamJsonRpc's own warnings (e.g. unknown notifications it drops) to the log.</summary>
    private sealed class LoggerTraceListener(ILogger logger) : TraceListener
    {
        public override void Write(string? message) { }
        public override void WriteLine(string? message) { if (message is not null) logger.LogDebug("{Message}", message); }

        public override void TraceEvent(TraceEventCache? eventCache, string source, TraceEventType eventType, int id, string? message) =>
            // StreamJsonRpc reports every error response it sends (unknown methods, InvalidParams…) as its own warning or
            // error; those are the client's mistakes, answered already, so they are debug noise for us.
            // Only the first line: StreamJsonRpc appends exception stacks, which help nobody reading the client's log.
            logger.Log(eventType <= TraceEventType.Critical ? LogLevel.Error : LogLevel.Debug, "{Message}", FirstLine(message));

        private static string? FirstLine(string? message) =>
            message?.IndexOfAny(['\r', '\n']) is > 0 and var end ? message[..end] : message;

        public override void TraceEvent(TraceEventCache? eventCache, string source, TraceEventType eventType, int id, string? format, params object?[]? args) =>
            TraceEvent(eventCache, source, eventType, id, args is { Length: > 0 } && format is not null ? string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args) : format);
    }
}
