namespace PaperLsp.Duplicates;

/// <summary>How sure two entries are one paper, weakest first (the order is used: a stronger kind wins).</summary>
public enum DuplicateKind { None, Possible, SamePaper, ExactCopy }

/// <summary>The outcome of comparing two entries: the kind, a score in [0, 1] to rank candidates, and why, in words.</summary>
public sealed record DuplicateVerdict(DuplicateKind Kind, double Score, IReadOnlyList<string> Reasons)
{
    public static readonly DuplicateVerdict None = new(DuplicateKind.None, 0, []);
}
