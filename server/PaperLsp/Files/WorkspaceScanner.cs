namespace PaperLsp.Files;

/// <summary>
/// Finds the paper lists under workspace folders, for the language server (the CLI has <see cref="Cli.PaperFiles.Select"/>, which follows links inside the folders given).
/// <list type="bullet">
/// <item>Folders that hold tools' output or other people's code are skipped: .git, node_modules, bin, obj and the like.</item>
/// <item>Symbolic links are not followed, to files or folders. One that leads out of the workspace must not be; one that
/// stays inside leads to a file the scan reaches under its own path anyway, and would index it twice. So a link loop
/// cannot trap the scan either.</item>
/// <item>Only regular files named *.papers; unreadable folders are skipped.</item>
/// </list>
/// </summary>
public static class WorkspaceScanner
{
    public const string Extension = ".papers";

    public static readonly IReadOnlySet<string> SkippedFolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".git", ".hg", ".svn", ".jj", "node_modules", "bin", "obj", ".vs", ".idea", "__pycache__", ".venv", ".cache",
        "BenchmarkDotNet.Artifacts", "TestResults",
    };

    public static bool IsPaperFile(string path) => path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every paper list under <paramref name="folders"/>, each once, in a stable order.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<string> folders)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder)) continue;
            var pending = new Stack<string>();
            pending.Push(Path.GetFullPath(folder));
            while (pending.Count > 0)
            {
                var directory = pending.Pop();
                IEnumerable<FileSystemInfo> children;
                try { children = new DirectoryInfo(directory).EnumerateFileSystemInfos("*", new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0 }).ToList(); }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException) { continue; }
                foreach (var child in children)
                {
                    if (child.LinkTarget is not null) continue;
                    if (child is DirectoryInfo)
                    {
                        if (!SkippedFolders.Contains(child.Name)) pending.Push(child.FullName);
                    }
                    else if (IsPaperFile(child.Name) && child is FileInfo file && IsRegular(file)) found.Add(file.FullName);
                }
            }
        }
        return [.. found];
    }

    /// <summary>Whether a path (from a file watcher) is a paper list the scan would have found under these folders.</summary>
    public static bool IsInWorkspace(string path, IEnumerable<string> folders)
    {
        if (!IsPaperFile(path)) return false;
        foreach (var folder in folders)
        {
            var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
            if (!path.StartsWith(root, StringComparison.Ordinal)) continue;
            // Every step below the folder must be a plain folder (no link, not skipped), as the scan walks them.
            var relative = path[root.Length..].Split(Path.DirectorySeparatorChar);
            var current = root.TrimEnd(Path.DirectorySeparatorChar);
            var ok = true;
            for (var i = 0; i < relative.Length && ok; i++)
            {
                current = Path.Combine(current, relative[i]);
                if (i < relative.Length - 1 && SkippedFolders.Contains(relative[i])) ok = false;
                else
                {
                    FileSystemInfo info = i < relative.Length - 1 ? new DirectoryInfo(current) : new FileInfo(current);
                    if (info.Exists && info.LinkTarget is not null) ok = false;
                }
            }
            if (ok) return true;
        }
        return false;
    }

    // The attributes alone do not tell a FIFO or a socket from a file on Unix; FileKinds asks stat, as the CLI does.
    private static bool IsRegular(FileInfo file) =>
        (file.Attributes & (FileAttributes.Device | FileAttributes.ReparsePoint)) == 0 && Cli.FileKinds.Of(file.FullName) == Cli.FileKind.Regular;
}
