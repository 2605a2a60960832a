using System.Text;

namespace PaperLsp.Cli;

/// <summary>Finding and reading paper-list files, with every failure turned into a short message.</summary>
public static class PaperFiles
{
    public const string Extension = ".papers";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>All *.papers files below <paramref name="folder"/>, in a stable order.</summary>
    public static IEnumerable<string> Find(string folder) =>
        Directory.EnumerateFiles(folder, "*" + Extension, new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive })
            .Order(StringComparer.Ordinal);

    /// <summary>Reads a file as UTF-8 (a byte order mark is dropped, as editors do). Binary or invalid UTF-8 files are refused.</summary>
    public static bool TryRead(string path, out string text, out string problem)
    {
        text = "";
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
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
}
