using PaperLsp.Syntax;

namespace PaperLsp.Tests.Syntax;

/// <summary>
/// The title/author boundary on headers written by hand for this test (Fixtures/headers/split-cases.txt), none from
/// the sample: the split must generalise to lists nobody here has seen.
/// </summary>
public class HeaderSplitTests
{
    public sealed record SplitCase(int Line, string Comment, string Header, string? Title, string[] Authors, bool EtAl, string[] Affiliations, bool Ambiguous, string? KnownLimitation)
    {
        public override string ToString() => $"line {Line}: {Header}";
    }

    public static IEnumerable<TestCaseData> Cases()
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "headers", "split-cases.txt");
        var lines = File.ReadAllLines(path);
        var block = new Dictionary<string, string>();
        string comment = "";
        var blockLine = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            var line = i < lines.Length ? lines[i] : "";
            if (line.Length == 0)
            {
                if (block.ContainsKey("H"))
                {
                    var ambiguous = block.GetValueOrDefault("X") == "ambiguous";
                    var @case = new SplitCase(blockLine, comment, block["H"], block.GetValueOrDefault("T"),
                        SplitList(block.GetValueOrDefault("A")), block.GetValueOrDefault("E") == "yes", SplitList(block.GetValueOrDefault("F")), ambiguous, block.GetValueOrDefault("K"));
                    yield return new TestCaseData(@case).SetName($"Split_line{blockLine:000}_{Slug(comment)}");
                }
                block.Clear();
                comment = "";
                continue;
            }
            if (line.StartsWith('#'))
            {
                comment = line.TrimStart('#', ' ');
                continue;
            }
            if (line.Length >= 2 && line[1] == ':')
            {
                if (line[0] == 'H') blockLine = i + 1;
                block[line[..1]] = line[2..].Trim();
            }
        }
    }

    private static string[] SplitList(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split(" | ").Select(s => s.Trim()).ToArray();

    private static string Slug(string comment) =>
        new string(comment.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray()).Trim('_') is { Length: > 0 } s ? s[..Math.Min(60, s.Length)] : "case";

    [TestCaseSource(nameof(Cases))]
    public void Split(SplitCase @case)
    {
        if (@case.KnownLimitation is not null) Assert.Ignore(@case.KnownLimitation);
        var reading = HeaderSplitter.Split(@case.Header);
        var header = @case.Header;
        var title = header.Substring(reading.Title.Start, reading.Title.Length);
        var authors = reading.Authors.Select(a => header.Substring(a.Start, a.Length)).ToArray();
        var affiliations = reading.Affiliations.Select(a => header.Substring(a.Start, a.Length)).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(reading.EtAl is not null, Is.EqualTo(@case.EtAl), "et al.");
            Assert.That(affiliations, Is.EqualTo(@case.Affiliations), "affiliations");
            if (@case.Ambiguous)
            {
                Assert.That(reading.Confidence, Is.Not.EqualTo(BoundaryConfidence.Certain),
                    $"a human cannot place this boundary, so the parser must not be certain (read: '{title}' / {string.Join(" | ", authors)})");
            }
            else
            {
                Assert.That(title, Is.EqualTo(@case.Title), "title");
                Assert.That(authors, Is.EqualTo(@case.Authors), "authors");
                Assert.That(reading.Confidence, Is.EqualTo(BoundaryConfidence.Certain), "confidence");
            }
        });
    }
}
