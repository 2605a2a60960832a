using System.Runtime.InteropServices;

namespace PaperLsp.Threading;

/// <summary>
/// Lowers the scheduling priority of the calling thread, for long work built beside a user who is typing (the indexes
/// of a large list just opened). On two cores the typing, the client and such a build compete for the CPU, and the
/// keystrokes that waited for a core were the slowest ones; a lower priority lets the kernel give the core to the
/// keystroke. .NET's <see cref="Thread.Priority"/> does nothing on Linux, so this asks the kernel directly
/// (<c>setpriority</c> on the thread's id, which Linux applies to that thread alone). Lowering needs no privilege;
/// it cannot be raised again, so call it only on a thread that ends with the work, never on a pool thread.
/// </summary>
public static class BackgroundPriority
{
    /// <summary>The nice value given: low enough that a keystroke's thread wins a core, not so low that the build starves.</summary>
    public const int Niceness = 10;

    private const int PrioProcess = 0;
    private const long SysGettidX64 = 186;
    private const long SysGettidArm64 = 178;

    /// <summary>Whether it took effect (false off Linux, or if the kernel refused).</summary>
    public static bool LowerCurrentThread()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            var number = RuntimeInformation.ProcessArchitecture switch
            {
                Architecture.X64 => SysGettidX64,
                Architecture.Arm64 => SysGettidArm64,
                _ => -1,
            };
            if (number < 0) return false;
            var threadId = syscall(number);
            if (threadId <= 0) return false;
            // Never raised: a server already started at a lower priority keeps it.
            Marshal.SetLastPInvokeError(0);
            var current = getpriority(PrioProcess, (uint)threadId);
            if (Marshal.GetLastPInvokeError() == 0 && current >= Niceness) return true;
            return setpriority(PrioProcess, (uint)threadId, Niceness) == 0;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The calling thread's nice value as the kernel has it (for tests), or null off Linux.</summary>
    public static int? CurrentThreadNiceness()
    {
        if (!OperatingSystem.IsLinux()) return null;
        // /proc/thread-self/stat: field 19 is the nice value; the command (field 2) may hold spaces, so count after ')'.
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16]);
    }

    /// <summary>Runs <paramref name="work"/> on a thread of its own at the lower priority.</summary>
    public static Task Run(Action work) => Task.Factory.StartNew(() =>
    {
        LowerCurrentThread();
        work();
    }, CancellationToken.None, TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);

    /// <summary>Computes <paramref name="work"/> on a thread of its own at the lower priority.</summary>
    public static Task<T> Run<T>(Func<T> work) => Task.Factory.StartNew(() =>
    {
        LowerCurrentThread();
        return work();
    }, CancellationToken.None, TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);

    [DllImport("libc", SetLastError = true)]
    private static extern long syscall(long number);

    [DllImport("libc", SetLastError = true)]
    private static extern int getpriority(int which, uint who);

    [DllImport("libc", SetLastError = true)]
    private static extern int setpriority(int which, uint who, int priority);
}
