using PaperLsp.Workspace;

namespace PaperLsp.Files;

/// <summary>
/// Document ids from URIs and paths. A file URI and the path it names get the same id (the full local path), so a
/// file found on disk and the same file opened by the client are one document, however the client escapes its URI.
/// </summary>
public static class DocumentUris
{
    public static DocumentId IdOf(string uri) =>
        TryGetPath(uri, out var path) ? new DocumentId(path) : new DocumentId(uri);

    public static DocumentId IdOfPath(string path) => new(Path.GetFullPath(path));

    /// <summary>The local path of a file URI.</summary>
    public static bool TryGetPath(string uri, out string path)
    {
        path = "";
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile) return false;
        try
        {
            path = Path.GetFullPath(parsed.LocalPath);
            return true;
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }
    }

    public static string UriOfPath(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

    /// <summary>The URI of a document id: a file URI for a path, else the URI the id was made of.</summary>
    public static string UriOfId(DocumentId id) => Path.IsPathRooted(id.Key) ? UriOfPath(id.Key) : id.Key;

    /// <summary>A short name for a document in cards and messages: its file name.</summary>
    public static string ShortName(string uri) =>
        TryGetPath(uri, out var path) ? Path.GetFileName(path) : uri[(uri.LastIndexOf('/') + 1)..];
}
