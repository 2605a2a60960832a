using System.Runtime.InteropServices;

namespace PaperLsp.Lsp.Transport;

/// <summary>
/// Widens the kernel buffers of the server's stdin and stdout. A publication with thousands of findings is about a
/// megabyte, and a Linux pipe holds 64 KiB: the write stalls sixteen times until the client has drained the pipe, and
/// on a busy two-core machine each stall costs two thread wake-ups on either side (about 7 ms a keystroke at 100,000
/// entries, measured with dotnet-trace). With a 1 MiB pipe the message goes in one write and the client reads what is
/// already there. Clients built on libuv (VS Code, Neovim) connect over a socket pair instead; there the send and
/// receive buffers are widened, as far as the kernel allows.
/// </summary>
public static class StdioBuffers
{
    /// <summary>What Linux lets an unprivileged process set a pipe to by default (<c>/proc/sys/fs/pipe-max-size</c>).</summary>
    public const int PipeBytes = 1 << 20;

    /// <summary>Asked of a socket; the kernel caps it at <c>net.core.wmem_max</c> / <c>rmem_max</c>.</summary>
    public const int SocketBytes = 4 << 20;

    private const int StdinFd = 0;
    private const int StdoutFd = 1;
    private const int FSetPipeSize = 1031; // F_SETPIPE_SZ
    private const int SolSocket = 1;
    private const int SoSendBuffer = 7;
    private const int SoReceiveBuffer = 8;

    /// <summary>Best effort, Linux only: returns what was done, for the log; never throws.</summary>
    public static string Widen()
    {
        if (!OperatingSystem.IsLinux()) return "stdio buffers: left as they are (not Linux)";
        try
        {
            return $"stdio buffers: stdin {Widen(StdinFd, SoReceiveBuffer)}, stdout {Widen(StdoutFd, SoSendBuffer)}";
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return $"stdio buffers: left as they are ({exception.GetType().Name})";
        }
    }

    private static string Widen(int fd, int socketOption)
    {
        // A pipe answers F_SETPIPE_SZ with its new size; anything else refuses it, and a socket takes the option.
        var pipeSize = fcntl(fd, FSetPipeSize, PipeBytes);
        if (pipeSize > 0) return $"pipe of {pipeSize} bytes";
        var size = SocketBytes;
        if (setsockopt(fd, SolSocket, socketOption, ref size, sizeof(int)) == 0) return "socket buffer widened";
        return $"unchanged (errno {Marshal.GetLastPInvokeError()})";
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int fcntl(int fd, int command, int argument);

    [DllImport("libc", SetLastError = true)]
    private static extern int setsockopt(int fd, int level, int option, ref int value, int length);
}
