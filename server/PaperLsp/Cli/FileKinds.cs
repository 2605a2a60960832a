using System.Runtime.InteropServices;

namespace PaperLsp.Cli;

public enum FileKind { Missing, Regular, Directory, Other }

/// <summary>
/// What a path is, following links, without opening it: opening a FIFO blocks until someone writes to it, and a device
/// like /dev/zero never ends. .NET has no managed API that tells a regular file from a FIFO or a device, so on Unix
/// this asks the runtime's own native shim (libSystem.Native, shipped with every .NET runtime), whose status record
/// begins with two 32-bit fields, flags and the st_mode bits, in every version. Real paths come from realpath(3).
/// </summary>
public static class FileKinds
{
    private const int TypeMask = 0xF000, RegularType = 0x8000, DirectoryType = 0x4000;

    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            if (Directory.Exists(path)) return FileKind.Directory;
            return File.Exists(path) ? FileKind.Regular : FileKind.Missing;
        }
        var status = new NativeStatus();
        if (Stat(path, ref status) != 0) return FileKind.Missing;
        return (status.Mode & TypeMask) switch
        {
            RegularType => FileKind.Regular,
            DirectoryType => FileKind.Directory,
            _ => FileKind.Other,
        };
    }

    /// <summary>The absolute path with every link resolved, or null when it does not exist.</summary>
    public static string? RealPath(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            try { return Path.GetFullPath(new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path); }
            catch (IOException) { return null; }
        }
        var resolved = realpath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero) return null;
        try { return Marshal.PtrToStringUTF8(resolved); }
        finally { free(resolved); }
    }

    /// <summary>Whether <paramref name="path"/> (a real path) is <paramref name="folder"/> (a real path) or inside it.</summary>
    public static bool IsInside(string path, string folder) =>
        path == folder || path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Room for the shim's whole status record (about 140 bytes today); only the first fields are read.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 512)]
    private struct NativeStatus
    {
        public int Flags;
        public int Mode;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, ref NativeStatus status);

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr realpath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc")]
    private static extern void free(IntPtr pointer);
}
