namespace PaperLsp.Exchange;

/// <summary>
/// A person's name split the way bibliographic formats store it. <see cref="Family"/> alone (no given name) is a
/// one-word name: a mononym, or a name in a script written without spaces (李明).
/// </summary>
public sealed record PersonName(string Given, string Particle, string Family, string Suffix)
{
    public bool IsMononym => Given.Length == 0 && Particle.Length == 0 && Suffix.Length == 0;

    /// <summary>The name as a listing writes it: given, particle, family, suffix (<c>Hal Daumé III</c>).</summary>
    public string Display => string.Join(' ', new[] { Given, Particle, Family, Suffix }.Where(part => part.Length > 0));

    /// <summary>The family name with its particle (<c>van der Schaar</c>), as sorted and cited.</summary>
    public string FullFamily => Particle.Length == 0 ? Family : $"{Particle} {Family}";
}

/// <summary>A date known to the year, the month or the day.</summary>
public sealed record PartialDate(int Year, int? Month = null, int? Day = null)
{
    public static PartialDate Of(DateOnly date) => new(date.Year, date.Month, date.Day);

    public DateOnly? Full => Month is { } m && Day is { } d && m is >= 1 and <= 12 && Year >= 1 && d >= 1 && d <= DateTime.DaysInMonth(Year, m)
        ? new DateOnly(Year, m, d)
        : null;

    /// <summary>ISO 8601 as far as it is known: <c>2022</c>, <c>2022-05</c>, <c>2022-05-25</c>.</summary>
    public string Iso => Month is null ? $"{Year:0000}" : Day is null ? $"{Year:0000}-{Month:00}" : $"{Year:0000}-{Month:00}-{Day:00}";
}

/// <summary>
/// One paper in a neutral shape that every exchange format maps to and from. <see cref="Category"/> is the full arXiv
/// form (<c>cs.CL</c>); <see cref="Line"/> is the 1-based line the record came from (the header line of a list entry,
/// or the record's first line in an imported file).
/// </summary>
public sealed record BibRecord
{
    public required string Title { get; init; }
    public IReadOnlyList<PersonName> Authors { get; init; } = [];
    /// <summary>The author list is cut short (` et al.` in a list, <c>and others</c> in BibTeX).</summary>
    public bool EtAl { get; init; }
    public IReadOnlyList<string> Affiliations { get; init; } = [];
    public string Abstract { get; init; } = "";
    public PartialDate? Date { get; init; }
    public string? Category { get; init; }
    public bool Code { get; init; }
    public double? Score { get; init; }
    public int Line { get; init; }
}

/// <summary>A record of an imported file that could not be read: its 1-based line and what is wrong.</summary>
public sealed record ImportProblem(int Line, string Message);

/// <summary>What a reader made of a file: the good records, and one problem per bad record.</summary>
public sealed record ImportResult(IReadOnlyList<BibRecord> Records, IReadOnlyList<ImportProblem> Problems);
