using PaperLsp.Analysis;
using PaperLsp.Duplicates;
using PaperLsp.Syntax;
using PaperLsp.Workspace;

namespace PaperLsp.Tests.Duplicates;

/// <summary>The example, and what directives silence: the pairwise not-duplicate directive on either side, ignore codes, malformed forms.</summary>
public class DuplicateDirectiveTests
{
    private static readonly DocumentId A = new("/w/a.papers"), B = new("/w/b.papers");

    private static IReadOnlyList<PaperDiagnostic> Findings(string a, string b, DocumentId of)
    {
        var docA = PaperDocument.Parse(a);
        var docB = PaperDocument.Parse(b);
        var index = DuplicateIndex.Build([(A, docA), (B, docB)]);
        PaperDocument DocumentOf(DocumentId id) => id == A ? docA : docB;
        return DuplicateFindings.For(of, DocumentOf(of), index, DocumentOf, id => id.Key, CancellationToken.None);
    }

    [Test]
    public void The_example_has_the_same_paper_on_lines_68_and_70_a_possible_one_on_65_and_nothing_else()
    {
        var document = PaperDocument.Parse(File.ReadAllText(TestPaths.SeedPapers));
        var id = new DocumentId(TestPaths.SeedPapers);
        var index = DuplicateIndex.Build([(id, document)]);
        var findings = DocumentAnalyzer.Analyze(document, DuplicateFindings.For(id, document, index, _ => document, other => other.Key, CancellationToken.None));
        Assert.That(findings.Select(f => $"{f.Range.Start.Line + 1} {f.Code}"), Is.EqualTo(new[] { "65 PL0303", "68 PL0301", "70 PL0301" }));
    }

    private const string Paper = "OpenNMT: Open-Source Toolkit for Neural Machine TranslationGuillaume Klein, Yoon Kim\nWe describe an open-source toolkit.\n";
    private const string Other = "OpenNMT: Open-source toolkit for neural machine translationGuillaume Klein, Yoon Kim\nA different abstract that is long enough.\n";

    [Test]
    public void A_not_duplicate_directive_on_either_side_silences_the_pair_in_both_files()
    {
        const string directive = "// paperlsp-not-duplicate \"OpenNMT: Open-source toolkit for neural machine translation\" Klein -- the demo paper\n";
        Assert.That(Findings(directive + Paper, Other, A), Is.Empty);
        Assert.That(Findings(directive + Paper, Other, B), Is.Empty);
        Assert.That(Findings(Paper, Other, B).Single().Code, Is.EqualTo("PL0301"), "without the directive they are one paper");
    }

    [Test]
    public void A_comment_retyped_into_a_directive_and_back_changes_the_findings_kept_from_the_last_keystroke()
    {
        // The findings of both files are cached between calls; rewriting a comment's text keeps every line where it
        // was, so only the directives tell the cached findings apart from the new ones.
        const string plain = "// the demo paper, the one with a long title\n";
        const string directive = "// paperlsp-not-duplicate \"OpenNMT: Open-source toolkit for neural machine translation\"\n";
        var docA = PaperDocument.Parse(plain + Paper);
        var docB = PaperDocument.Parse(Other);
        var index = DuplicateIndex.Build([(A, docA), (B, docB)]);
        PaperDocument DocumentOf(DocumentId id) => id == A ? docA : docB;
        IReadOnlyList<PaperDiagnostic> In(DocumentId id) => DuplicateFindings.For(id, DocumentOf(id), index, DocumentOf, other => other.Key, CancellationToken.None);
        void Retype(string comment)
        {
            var edited = docA.Apply(new PaperLsp.Text.TextChange(new PaperLsp.Text.TextRange(new(0, 0), new(0, docA.GetText().IndexOf('\n'))), comment.TrimEnd('\n')));
            var affected = new HashSet<DocumentId>();
            foreach (var delta in edited.Deltas) index.Apply(A, delta, affected);
            docA = edited;
        }

        Assert.That((In(A).Count, In(B).Count), Is.EqualTo((1, 1)));
        Retype(directive);
        Assert.That((In(A).Count, In(B).Count), Is.EqualTo((0, 0)), "the directive silences the pair on both sides");
        Retype(plain);
        Assert.That((In(A).Count, In(B).Count), Is.EqualTo((1, 1)), "a plain comment again: both are findings again");
    }

    [Test]
    public void A_not_duplicate_directive_naming_a_year_spares_a_copy_of_another_year()
    {
        // Equal titles: the year singles out the copy meant; the undated copy is still a duplicate.
        var dated = "43.8CLSep 12, 2017\n" + Other;
        const string directive = "// paperlsp-not-duplicate \"OpenNMT: Open-Source Toolkit for Neural Machine Translation\" 2017\n";
        var findings = Findings(directive + Paper, dated + Paper.Replace("We describe", "We present"), A);
        Assert.That(findings.Single().Message, Does.Contain("/w/b.papers:4").And.Not.Contain("/w/b.papers:2"));
    }

    [Test]
    public void An_ignore_directive_for_PL0301_silences_the_pair_and_the_exact_copy()
    {
        Assert.That(Findings("// paperlsp-ignore PL0301\n" + Paper, Other, B), Is.Empty);
        Assert.That(Findings("// paperlsp-ignore PL0301\n" + Paper, Paper, B), Is.Empty);
        Assert.That(Findings(Paper, Paper, B).Single().Code, Is.EqualTo("PL0302"));
    }

    [TestCase("// paperlsp-not-duplicate OpenNMT\n", "in quotes")]
    [TestCase("// paperlsp-not-duplicate \"OpenNMT\n", "no closing quote")]
    [TestCase("// paperlsp-not-duplicate \"\"\n", "empty")]
    [TestCase("// paperlsp-not-duplicate \"OpenNMT\" Klein 2017 extra\n", "neither")]
    public void Malformed_not_duplicate_directives_are_PL0402_with_the_form_to_write(string directive, string says)
    {
        var findings = DocumentAnalyzer.Analyze(PaperDocument.Parse(directive + Paper));
        var problem = findings.Single(f => f.Code == "PL0402");
        Assert.That(problem.Message, Does.Contain(says).And.Contain("paperlsp-not-duplicate \"Other title\""));
    }
}
