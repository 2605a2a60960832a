namespace PaperLsp.Duplicates;

internal enum Authors { Agree, Unknown, Conflict }

/// <summary>
/// Compares displayed author lists by surname and initial. A listing shows at most three authors and then et al., so a
/// shorter list is no conflict and names beyond the shorter list say nothing; lists with no name in common conflict.
/// </summary>
internal static class AuthorOverlap
{
    public static (Authors Verdict, string? Reason) Of(PaperFingerprint a, PaperFingerprint b)
    {
        if (a.AuthorKeys.Length == 0 || b.AuthorKeys.Length == 0) return (Authors.Unknown, null);
        var shared = a.AuthorKeys.Count(b.AuthorKeys.Contains);
        if (shared == 0) return (Authors.Conflict, "no author in common");
        var shorter = Math.Min(a.AuthorKeys.Length, b.AuthorKeys.Length);
        // Two complete lists must mostly agree; a cut list (et al.) agrees when its shown names are shared enough.
        var complete = !a.EtAl && !b.EtAl;
        var needed = complete ? Math.Max(a.AuthorKeys.Length, b.AuthorKeys.Length) : shorter;
        if (shared * 2 < needed) return (Authors.Conflict, $"only {shared} of the authors in common");
        return (Authors.Agree, shared == shorter && a.AuthorKeys.Length == b.AuthorKeys.Length
            ? "the same authors"
            : $"{shared} author{(shared == 1 ? "" : "s")} in common");
    }
}
