using System.Text;

namespace PaperLsp.Cli;

/// <summary>Finding and reading paper-list files, with every failure turned into a short message.</summary>
public static class PaperFiles
{
    public const string Extension = ".papers";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Files larger than this are refused unless <c>--max-file-size</c> raises it: 100 MiB, three times the largest list measured.</summary>
    public const long DefaultMaxFileBytes = 100L * 1024 * 1024;

    /// <summary>The files to check for the paths given, and a one-line problem for each path that cannot be used.</summary>
    public sealed record Selection(IReadOnlyList<string> Files, IReadOnlyList<(string Path, string Problem)> Problems, IReadOnlyList<(string Path, string Reason)> Skipped);

    /// <summary>
    /// Resolves the command line's paths: files as given (links followed), folders searched for *.papers below them.
    /// Only regular files are read; a FIFO, a device or a socket is a problem (reading it would block or never end).
    /// Inside a folder, a link is followed only when it stays inside one of the folders given, and a folder already
    /// searched (through a link loop, or given twice) is not searched again; a file reached by two paths is checked once,
    /// under the first path in ordinal order.
    /// </summary>
    public static Selection Select(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var problems = new List<(string, string)>();
        var skipped = new List<(string, string)>();
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        var seenFolders = new HashSet<string>(StringComparer.Ordinal);
        var given = paths.ToList();
        var roots = given.Where(path => FileKinds.Of(path) == FileKind.Directory).Select(FileKinds.RealPath).OfType<string>().ToList();

        foreach (var path in given)
        {
            switch (FileKinds.Of(path))
            {
                case FileKind.Missing:
                    problems.Add((path, "no such file or directory"));
                    break;
                case FileKind.Other:
                    problems.Add((path, "not a regular file"));
                    break;
                case FileKind.Regular:
                    if (seenFiles.Add(FileKinds.RealPath(path) ?? path)) files.Add(path);
                    break;
                case FileKind.Directory:
                    var found = new List<string>();
                    Search(path, roots, seenFolders, seenFiles, found, problems, skipped);
                    found.Sort(StringComparer.Ordinal);
                    files.AddRange(found);
                    break;
            }
        }
        return new Selection(files, problems, skipped);
    }

    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
        MatchCasing = MatchCasing.CaseInsensitive,
        ReturnSpecialDirectories = false,
    };

    /// <summary>Walks one folder tree with an explicit stack (no recursion, however deep), never entering a folder twice.</summary>
    private static void Search(string folder, List<string> roots, HashSet<string> seenFolders, HashSet<string> seenFiles,
        List<string> found, List<(string, string)> problems, List<(string, string)> skipped)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            var real = FileKinds.RealPath(current);
            if (real is null || !seenFolders.Add(real)) continue;
            IEnumerable<FileSystemInfo> entries;
            try { entries = new DirectoryInfo(current).EnumerateFileSystemInfos("*", OneLevel).ToList(); }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException) { continue; }

            foreach (var entry in entries)
            {
                var isLink = entry.LinkTarget is not null;
                var kind = FileKinds.Of(entry.FullName);
                var isPaperFile = entry.Name.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);
                if (kind == FileKind.Directory || (kind != FileKind.Missing && isPaperFile))
                {
                    var target = FileKinds.RealPath(entry.FullName);
                    if (target is null) continue;
                    if (isLink && !roots.Any(root => FileKinds.IsInside(target, root)))
                    {
                        skipped.Add((Display(current, entry.Name), "a link to outside the folders given, not followed"));
                        continue;
                    }
                    if (kind == FileKind.Directory) pending.Push(Display(current, entry.Name));
                    else if (kind == FileKind.Other) problems.Add((Display(current, entry.Name), "not a regular file"));
                    else if (seenFiles.Add(target)) found.Add(Display(current, entry.Name));
                }
            }
        }
    }

    /// <summary>Paths are shown as the user would write them: the folder as given, then the names below it.</summary>
    private static string Display(string folder, string name) => Path.Join(folder, name);

    /// <summary>
    /// Reads a file as UTF-8 (a byte order mark is dropped, as editors do). Binary or invalid UTF-8 files are refused,
    /// and so is anything that is not a regular file or is larger than <paramref name="maxBytes"/>: the file is read
    /// at most that far, so a file that grows, or lies about its size, cannot exhaust memory.
    /// </summary>
    public static bool TryRead(string path, out string text, out string problem, long maxBytes = DefaultMaxFileBytes)
    {
        text = "";
        byte[] bytes;
        var kind = FileKinds.Of(path);
        if (kind != FileKind.Regular)
        {
            problem = kind switch
            {
                FileKind.Missing => "no such file or directory",
                FileKind.Directory => "is a folder",
                _ => "not a regular file",
            };
            return false;
        }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            if (stream.Length > maxBytes)
            {
                problem = TooLarge(maxBytes);
                return false;
            }
            using var buffer = new MemoryStream(stream.Length > 0 ? (int)stream.Length : 0);
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    problem = TooLarge(maxBytes);
                    return false;
                }
                buffer.Write(chunk, 0, read);
            }
            bytes = buffer.ToArray();
        }
        catch (UnauthorizedAccessException)
        {
            problem = "permission denied";
            return false;
        }
        catch (IOException exception)
        {
            problem = $"cannot read ({exception.Message.TrimEnd('.')})";
            return false;
        }

        var probe = bytes.AsSpan(0, Math.Min(bytes.Length, 8192));
        if (probe.IndexOf((byte)0) >= 0)
        {
            problem = "binary file (contains NUL bytes), not a paper list";
            return false;
        }

        var body = bytes.AsSpan();
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) body = body[3..];
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException exception)
        {
            var offset = exception.Index >= 0 ? $" at byte offset {exception.Index + (bytes.Length - body.Length)}" : "";
            problem = $"not valid UTF-8{offset}; save the file as UTF-8";
            return false;
        }
        problem = "";
        return true;
    }

    private static string TooLarge(long maxBytes) =>
        $"larger than the limit of {FormatSize(maxBytes)}; raise it with --max-file-size";

    public static string FormatSize(long bytes) =>
        bytes % (1024 * 1024 * 1024) == 0 && bytes > 0 ? $"{bytes / (1024 * 1024 * 1024)}G"
        : bytes % (1024 * 1024) == 0 && bytes > 0 ? $"{bytes / (1024 * 1024)}M"
        : bytes % 1024 == 0 && bytes > 0 ? $"{bytes / 1024}K"
        : $"{bytes} bytes";

    /// <summary>Reads a size like 100M, 2G, 512K or 1000000 (bytes).</summary>
    public static bool TryParseSize(string text, out long bytes)
    {
        bytes = 0;
        if (text.Length == 0) return false;
        var unit = char.ToUpperInvariant(text[^1]) switch { 'K' => 1024L, 'M' => 1024L * 1024, 'G' => 1024L * 1024 * 1024, _ => 1L };
        var digits = unit == 1 ? text : text[..^1];
        if (!long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)) return false;
        if (count <= 0 || count > MaxFileBytesLimit / unit) return false;
        bytes = count * unit;
        return true;
    }

    /// <summary>A .NET string holds at most about a billion characters: larger files cannot be read whatever the option says.</summary>
    public const long MaxFileBytesLimit = 1024L * 1024 * 1024;
}
