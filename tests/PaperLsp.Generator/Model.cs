namespace PaperLsp.Generator;

/// <summary>
/// Knobs for <see cref="SyntheticList"/>. All rates are probabilities in [0, 1].
/// Positional with defaults, so both <c>new SyntheticOptions(CrLf: true)</c> and
/// <c>new SyntheticOptions { CrLf = true }</c> work.
/// </summary>
/// <param name="MetadataRate">Probability that an entry is preceded by a metadata line (<c>29.4CLMay 25, 2022</c>).</param>
/// <param name="CodeFlagRate">Probability that a metadata line ends with <c>Code</c>.</param>
/// <param name="EtAlRate">Probability that the author list ends with <c> et al.</c>.</param>
/// <param name="AffiliationRate">Probability that the header ends with <c> · slug, slug</c>.</param>
/// <param name="BlankLineRate">Probability of one (sometimes two) blank lines between two entries.</param>
/// <param name="CrLf">Use <c>\r\n</c> line endings instead of <c>\n</c>.</param>
/// <param name="TrailingNewline">End the file with a line ending (the sample does not).</param>
/// <param name="DuplicateRate">Probability that an entry re-uses an earlier entry's title (sometimes with changed case/punctuation) and authors.</param>
/// <param name="HardCaseRate">Probability that a title, and independently each author name, takes one of the hard shapes.</param>
public sealed record SyntheticOptions(
    double MetadataRate = 0.45,
    double CodeFlagRate = 0.1,
    double EtAlRate = 0.8,
    double AffiliationRate = 0.5,
    double BlankLineRate = 0.0,
    bool CrLf = false,
    bool TrailingNewline = false,
    double DuplicateRate = 0.0,
    double HardCaseRate = 0.15)
{
    /// <summary>The default options (the sample's proportions, LF, no trailing newline).</summary>
    public static SyntheticOptions Default { get; } = new();
}

/// <summary>The structured truth of one generated entry.</summary>
public sealed record GeneratedEntry(
    string Title,
    IReadOnlyList<string> Authors,
    bool EtAl,
    IReadOnlyList<string> Affiliations,
    double? Score,
    string? Category,
    DateOnly? Date,
    bool Code,
    string Abstract)
{
    /// <summary>True when the entry has a metadata line (score, category and date are then all set).</summary>
    public bool HasMetadata => Score is not null;
}
