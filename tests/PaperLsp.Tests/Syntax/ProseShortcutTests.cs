using FsCheck;
using FsCheck.Fluent;
using PaperLsp.Generator;
using PaperLsp.Syntax;

namespace PaperLsp.Tests.Syntax;

/// <summary>
/// Asking whether the line after a header is its abstract skips the boundary scoring of a paragraph
/// (<see cref="HeaderSplitter.SplitUnlessProse"/>). It may only skip lines whose full reading does not look like a
/// header, and otherwise must give the full reading itself.
/// </summary>
public class ProseShortcutTests
{
    private static string Fixture(params string[] path) => File.ReadAllText(Path.Combine([TestContext.CurrentContext.TestDirectory, .. path]));

    private static readonly string[] Tails =
    [
        "", " et al.", " et al", ", et al.", " · mit", " · google, deepmind", " · MIT, Stanford University", " | Jane Doe, John Smith", ",",
        "Jane Doe", "Jane Doe, John Smith", " Jane Doe", "ModelsYung-Sung Chuang, James Glass", "OpenAI", ", Wei Zhang, Li Na", ".",
    ];

    private static readonly string[] Words =
    [
        "the", "model", "Learning", "networks.", "We", "propose", "a", "new", "method,", "Jane", "Doe", "GPT", "LLMs", "ImageNet",
        "results", "show", "that", "(ours)", "is", "better", "than", "prior", "work;", "Smith", "et", "al.", "·", "|", "Zhang", "Wei,",
    ];

    private static Gen<string> LineGen()
    {
        var body = from count in Gen.Choose(0, 160)
                   from words in Gen.Elements(Words).ArrayOf(count)
                   select string.Join(" ", words);
        var padded = from text in body
                     from repeat in Gen.Choose(0, 8)
                     select string.Concat(Enumerable.Repeat(text + " ", repeat)) + text;
        return from text in Gen.Frequency((1, body), (1, padded))
               from tail in Gen.Elements(Tails)
               select (text + tail).Trim();
    }

    [Test]
    public void Skipped_lines_never_look_like_headers_and_others_read_in_full_for_random_lines()
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(5000).WithReplay(20261202UL, 0x9E3779B97F4A7C15UL | 1);
        FsCheck.Check.One(config, Prop.ForAll(Arb.From(LineGen()), line =>
        {
            CheckLine(line);
            return true;
        }));
    }

    [Test]
    public void Skipped_lines_never_look_like_headers_and_others_read_in_full_for_every_line_of_the_corpora()
    {
        var texts = new[]
        {
            Fixture("examples", "seed.papers"),
            Fixture("Fixtures", "headers", "split-cases.txt"),
            SyntheticList.Generate(2000, 3, new SyntheticOptions(HardCaseRate: 0.6, AffiliationRate: 0.7, BlankLineRate: 0.1)),
        }.Concat(Directory.EnumerateFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "arxiv"), "*.papers").Select(File.ReadAllText));
        var skipped = 0;
        foreach (var text in texts)
        foreach (var line in text.Split('\n'))
            skipped += CheckLine(line.TrimEnd('\r')) ? 1 : 0;
        Assert.That(skipped, Is.GreaterThan(1000), "the shortcut is taken on abstracts");
    }

    /// <summary>Returns whether the shortcut skipped the line.</summary>
    private static bool CheckLine(string line)
    {
        var (start, end) = Parser.ContentBounds(line);
        var full = HeaderSplitter.Split(line, start, end);
        var shortcut = HeaderSplitter.SplitUnlessProse(line, start, end);
        if (shortcut is null)
        {
            Assert.That(full.LooksLikeHeader, Is.False, line);
            return true;
        }
        Assert.That(Describe(shortcut), Is.EqualTo(Describe(full)), line);
        return false;
    }

    private static string Describe(HeaderReading r) =>
        $"{r.Title} [{string.Join(",", r.Authors)}] [{string.Join(",", r.EmptyAuthors)}] {r.EtAl} {r.Separator} {r.AffiliationMarker} [{string.Join(",", r.Affiliations)}] {r.Confidence} {r.AlternativeBoundary} {r.LooksLikeHeader} {r.LooksLikeProse}";
}
