using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PaperLsp.Formatting;
using PaperLsp.Syntax;
using static PaperLsp.Tests.Formatting.FormattingHelpers;

namespace PaperLsp.Tests.Formatting;

/// <summary>Random documents cut from the seed, with random whitespace damage: formatting is idempotent and keeps the reading.</summary>
public class FormatterPropertyTests
{
    private static readonly Lazy<string[]> SeedLines = new(() => File.ReadAllText(TestPaths.SeedPapers).Split('\n'));

    private static readonly string[] ExtraLines =
    [
        "# Reading list", "##   Retrieval", "// paperlsp-ignore PL0301", "//  a note  ", "29.4 CL May 25, 2022", "4.9CLJun 15, 2023Code",
        "Attention Is All You Need | Ashish Vaswani, Noam Shazeer et al. · google", "",
    ];

    /// <summary>One whitespace mutation: what to do and where (a position taken modulo the line's length).</summary>
    public sealed record Mutation(int Kind, int Position);

    public sealed record LineSpec(int Extra, Mutation[] Mutations, int Ending, int BlanksBefore);

    public sealed record DocumentSpec(int Start, LineSpec[] Lines, bool FinalNewline, bool ByteOrderMark)
    {
        public override string ToString() => Render(this).Replace("\r", "\\r").Replace("\n", "\\n\n").Replace("\t", "\\t");
    }

    private static Gen<DocumentSpec> Documents()
    {
        var mutation = Gen.Choose(0, 7).SelectMany(kind => Gen.Choose(0, 100_000), (kind, position) => new Mutation(kind, position));
        var mutations = Gen.Choose(0, 3).SelectMany(count => Gen.ArrayOf(mutation, count));
        var ending = Gen.Frequency((6, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Constant(2)));
        var blanks = Gen.Frequency((8, Gen.Constant(0)), (2, Gen.Choose(1, 3)));
        var extra = Gen.Frequency((9, Gen.Constant(-1)), (1, Gen.Choose(0, ExtraLines.Length - 1)));
        var line = from e in extra
                   from m in mutations
                   from end in ending
                   from b in blanks
                   select new LineSpec(e, m, end, b);
        return from start in Gen.Choose(0, 118)
               from count in Gen.Choose(1, 14)
               from lines in Gen.ArrayOf(line, count)
               from finalNewline in Gen.Elements(true, false)
               from bom in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
               select new DocumentSpec(start, lines, finalNewline, bom);
    }

    private static string Render(DocumentSpec spec)
    {
        var seed = SeedLines.Value;
        var builder = new StringBuilder();
        if (spec.ByteOrderMark) builder.Append('\uFEFF');
        for (var i = 0; i < spec.Lines.Length; i++)
        {
            var line = spec.Lines[i];
            var terminator = line.Ending switch { 1 => "\r\n", 2 => "\r", _ => "\n" };
            for (var b = 0; b < line.BlanksBefore; b++) builder.Append(b % 2 == 0 ? "" : " \t").Append(terminator);
            var text = line.Extra >= 0 ? ExtraLines[line.Extra] : seed[(spec.Start + i) % seed.Length];
            foreach (var mutation in line.Mutations) text = Mutate(text, mutation);
            builder.Append(text);
            if (i < spec.Lines.Length - 1 || spec.FinalNewline) builder.Append(terminator);
        }
        return builder.ToString();
    }

    private static string Mutate(string text, Mutation mutation)
    {
        int NthSpace()
        {
            var spaces = Enumerable.Range(0, text.Length).Where(i => text[i] == ' ').ToArray();
            return spaces.Length == 0 ? -1 : spaces[mutation.Position % spaces.Length];
        }
        switch (mutation.Kind)
        {
            case 0: // a space becomes a tab
            {
                var at = NthSpace();
                return at < 0 ? text : text[..at] + "\t" + text[(at + 1)..];
            }
            case 1: // a space is doubled
            {
                var at = NthSpace();
                return at < 0 ? text : text[..at] + "  " + text[at..];
            }
            case 2: return text + (mutation.Position % 2 == 0 ? "  " : " \t");
            case 3: return (mutation.Position % 2 == 0 ? "  " : "\t") + text;
            case 4: // a space appears after a comma or a dot (", " -> ",  ", "·" -> "·  ")
            {
                var at = text.IndexOfAny([',', '\u00B7'], mutation.Position % Math.Max(1, text.Length));
                return at < 0 ? text : text[..(at + 1)] + "  " + text[(at + 1)..];
            }
            case 5: // metadata gets spaced: "29.4CLMay" -> "29.4 CL May"
            {
                if (text.Length == 0 || !char.IsAsciiDigit(text[0]) || text.Length > 48) return text;
                var letters = text.IndexOfAny("ABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray());
                return letters <= 0 ? text : text[..letters] + " " + text[letters..];
            }
            default: return text;
        }
    }

    private static bool HasTrailingWhitespace(string text) =>
        text.Split('\n').Select(line => line.TrimEnd('\r')).Any(line => line.Length > 0 && char.IsWhiteSpace(line[^1]));

    [Test]
    public void Formatting_is_idempotent_and_keeps_the_reading()
    {
        var property = Prop.ForAll(Documents().ToArbitrary(), spec =>
        {
            var text = Render(spec);
            var once = Format(text);
            var twice = Format(once);
            Assert.Multiple(() =>
            {
                Assert.That(twice, Is.EqualTo(once), "idempotent");
                Assert.That(Reading(once), Is.EqualTo(Reading(text)), "same reading");
                Assert.That(HasTrailingWhitespace(once), Is.False, "no trailing whitespace");
                Assert.That(once.Replace("\r\n", "\n").Replace('\r', '\n'), Does.Not.Contain("\n\n\n"), "at most one blank line in a row");
                Assert.That(once.TrimStart('\uFEFF'), Does.Not.StartWith("\n").And.Not.StartWith("\r"), "no leading blank line");
                Assert.That(once.StartsWith('\uFEFF'), Is.EqualTo(text.StartsWith('\uFEFF')), "byte order mark kept");
                var endsWithTerminator = text.EndsWith('\n') || text.EndsWith('\r');
                if (Reading(text).Count > 0)
                {
                    Assert.That(once.EndsWith('\n') || once.EndsWith('\r'), Is.EqualTo(endsWithTerminator), "final line ending kept");
                    Assert.That(LineEndingKinds(once), Is.LessThanOrEqualTo(1), "one kind of line ending");
                }
                var document = PaperDocument.Parse(text);
                Assert.That(ApplyToDocument(document, Formatter.ComputeEdits(document)).GetText(), Is.EqualTo(once), "edits applied through the model");
            });
            return true;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), property);
    }

    private static int LineEndingKinds(string text)
    {
        int crlf = 0, lf = 0, cr = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { crlf++; i++; }
            else if (text[i] == '\r') cr++;
            else if (text[i] == '\n') lf++;
        }
        return (crlf > 0 ? 1 : 0) + (lf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
    }
}
