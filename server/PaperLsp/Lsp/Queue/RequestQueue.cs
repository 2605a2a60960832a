using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PaperLsp.Lsp.Session;
using PaperLsp.Lsp.Workspace;

namespace PaperLsp.Lsp.Queue;

/// <summary>How a message runs on the <see cref="RequestQueue"/>.</summary>
public enum Execution
{
    /// <summary>Runs alone, in arrival order, after everything before it and before everything after it: a barrier.
    /// didOpen/didChange/didClose, initialize and shutdown, and anything that reads mutable state (the title index).</summary>
    Exclusive,
    /// <summary>Takes the document state as of its arrival (after every earlier barrier) and then runs in parallel.</summary>
    Concurrent,
    /// <summary>Runs when it arrives, outside the queue: exit, $/setTrace.</summary>
    Immediate,
}

/// <summary>
/// The ordered queue between StreamJsonRpc and the handlers (modelled on Roslyn's RequestExecutionQueue).
/// StreamJsonRpc invokes the entry points in arrival order but only up to their first await, so every entry point
/// enqueues synchronously and the queue, not the thread pool, decides the order: exclusive items run one at a time in
/// arrival order; a concurrent item captures the immutable state (open documents and workspace) as the items before it left it, then runs on the
/// thread pool while the queue moves on. Cancelled items are dropped without running.
/// </summary>
public sealed class RequestQueue
{
    private readonly Channel<WorkItem> channel = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<ServerState> currentState;
    private readonly ILogger logger;
    private readonly Task loop;

    public RequestQueue(Func<ServerState> currentState, ILogger logger)
    {
        this.currentState = currentState;
        this.logger = logger;
        loop = Task.Run(RunAsync);
    }

    /// <summary>Completes when the queue has been stopped and drained.</summary>
    public Task Completion => loop;

    /// <summary>Work that runs alone, on the queue. Synchronous on purpose: nothing may interleave with it.</summary>
    public Task<T> EnqueueExclusive<T>(string method, Func<CancellationToken, T> work, CancellationToken cancellationToken) =>
        Enqueue(method, Execution.Exclusive, (_, ct) => Task.FromResult(work(ct)), cancellationToken);

    /// <summary>Work that sees the documents as of this point of the queue and runs in parallel with later items.</summary>
    public Task<T> EnqueueConcurrent<T>(string method, Func<ServerState, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken) =>
        Enqueue(method, Execution.Concurrent, work, cancellationToken);

    private long lastEnqueued = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>How long ago the last item was queued (a client's message or the server's own work): how long the server has been left alone.</summary>
    public TimeSpan SinceLastItem => System.Diagnostics.Stopwatch.GetElapsedTime(Volatile.Read(ref lastEnqueued));

    private Task<T> Enqueue<T>(string method, Execution execution, Func<ServerState, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        Volatile.Write(ref lastEnqueued, System.Diagnostics.Stopwatch.GetTimestamp());
        var item = new WorkItem<T>(method, execution, work, cancellationToken);
        if (!channel.Writer.TryWrite(item))
            return Task.FromException<T>(new InvalidOperationException("The server is shutting down."));
        return item.Task;
    }

    /// <summary>Stops accepting work; items already queued still run.</summary>
    public void Complete() => channel.Writer.TryComplete();

    private async Task RunAsync()
    {
        await foreach (var item in channel.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (item.CancellationToken.IsCancellationRequested)
            {
                item.Cancel();
                continue;
            }
            if (item.Execution == Execution.Exclusive)
            {
                // Exclusive work is synchronous; run it inline so the next item cannot start before it ends.
                await item.RunAsync(currentState(), logger).ConfigureAwait(false);
            }
            else
            {
                var documents = currentState();
                _ = Task.Run(() => item.RunAsync(documents, logger));
            }
        }
    }

    private abstract class WorkItem(string method, Execution execution, CancellationToken cancellationToken)
    {
        public string Method { get; } = method;
        public Execution Execution { get; } = execution;
        public CancellationToken CancellationToken { get; } = cancellationToken;
        public abstract void Cancel();
        public abstract Task RunAsync(ServerState documents, ILogger logger);
    }

    private sealed class WorkItem<T>(string method, Execution execution, Func<ServerState, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken) : WorkItem(method, execution, cancellationToken)
    {
        private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<T> Task => completion.Task;

        public override void Cancel() => completion.TrySetCanceled(CancellationToken);

        public override async Task RunAsync(ServerState documents, ILogger logger)
        {
            try
            {
                completion.TrySetResult(await work(documents, CancellationToken).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                completion.TrySetCanceled(CancellationToken);
            }
            catch (Exception exception)
            {
                if (exception is not StreamJsonRpc.LocalRpcException)
                    logger.LogError(exception, "{Method} failed", Method);
                completion.TrySetException(exception);
            }
        }
    }
}
