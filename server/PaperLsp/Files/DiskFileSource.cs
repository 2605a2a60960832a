using PaperLsp.Syntax;

namespace PaperLsp.Files;

/// <summary>Reads paper lists from disk for the workspace, with the CLI's rules (UTF-8, no binary files), so both agree
/// on what a readable list is. Never writes.</summary>
public static class DiskFileSource
{
    /// <summary>Lists larger than this are not indexed: a paper list is text someone reads; this is a log or a dump.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    public static bool TryRead(string path, out PaperDocument? document, out string problem)
    {
        document = null;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) { problem = "not found"; return false; }
            if (info.Length > MaxBytes) { problem = $"larger than {MaxBytes / (1024 * 1024)} MB"; return false; }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problem = exception.Message;
            return false;
        }
        // The CLI's reader: regular files only (a FIFO would block the indexer), and read no further than the limit, so a
        // file that grows after the length check cannot exhaust memory.
        if (!Cli.PaperFiles.TryRead(path, out var text, out problem, MaxBytes)) return false;
        document = PaperDocument.Parse(text);
        // Read off the critical path (the workspace scan): nothing waits, so the abstracts are made compact now.
        document.CompactLines();
        return true;
    }
}
