using System.Runtime.InteropServices;
using PaperLsp.Lsp.Transport;

namespace PaperLsp.Tests.Lsp.EndToEnd;

/// <summary>
/// The built server widens the pipes it is spoken to over (see <see cref="StdioBuffers"/>): a publication of a
/// megabyte then goes in one write instead of sixteen stalls on a 64 KiB pipe. Read from outside, through the
/// server's own descriptors in /proc, so the test sees what the kernel holds, not what the server says it did.
/// </summary>
[TestFixture, NonParallelizable]
public class StdioBuffersEndToEndTests
{
    [Test]
    public async Task The_server_widens_its_stdin_and_stdout_pipes_to_a_megabyte()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("pipe sizes are a Linux setting");
        await using var client = await LspTestClient.StartInitializedAsync();
        Assert.Multiple(() =>
        {
            Assert.That(PipeSize(client.ProcessId, 0), Is.EqualTo(StdioBuffers.PipeBytes), "stdin");
            Assert.That(PipeSize(client.ProcessId, 1), Is.EqualTo(StdioBuffers.PipeBytes), "stdout");
            // What a pipe holds unless someone asks for more: the test would pass without the server's change otherwise.
            Assert.That(StdioBuffers.PipeBytes, Is.GreaterThan(64 * 1024));
        });
        await client.RequestAsync("shutdown");
        await client.NotifyAsync("exit");
    }

    /// <summary>The size of the pipe behind another process's descriptor: a new descriptor to the same pipe, asked F_GETPIPE_SZ.</summary>
    private static int PipeSize(int pid, int fd)
    {
        // Non-blocking: opening a pipe's read side through /proc must not wait for, or take, any data.
        var opened = open($"/proc/{pid}/fd/{fd}", ReadOnly | NonBlocking);
        Assert.That(opened, Is.GreaterThanOrEqualTo(0), $"open /proc/{pid}/fd/{fd}: errno {Marshal.GetLastPInvokeError()}");
        try
        {
            var size = fcntl(opened, GetPipeSize, 0);
            Assert.That(size, Is.GreaterThan(0), $"F_GETPIPE_SZ on fd {fd}: errno {Marshal.GetLastPInvokeError()}");
            return size;
        }
        finally
        {
            close(opened);
        }
    }

    private const int ReadOnly = 0;
    private const int NonBlocking = 0x800;
    private const int GetPipeSize = 1032;

    [DllImport("libc", SetLastError = true)]
    private static extern int open(string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int fcntl(int fd, int command, int argument);

    [DllImport("libc")]
    private static extern int close(int fd);
}
