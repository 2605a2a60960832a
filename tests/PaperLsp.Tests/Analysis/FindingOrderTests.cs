using FsCheck;
using FsCheck.Fluent;
using PaperLsp.Analysis;
using PaperLsp.Diagnostics;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Tests.Analysis;

/// <summary>
/// A document's findings are listed in one total order (start, code, end) however they arrive: the parser's and the
/// workspace's duplicate findings are merged rather than sorted together, and the merge must give what a sort gives.
/// </summary>
public class FindingOrderTests
{
    // Parser findings on several lines, some sharing a line (a header with no authors, an unknown month).
    private const string Text =
        "29.4CLFoo 25, 2022\nA Title Without Authors\n\n" +
        "Deep Residual LearningKaiming He, Xiangyu Zhang\nWe present a residual learning framework.\n\n" +
        "12.0CLBar 1, 2020\nAnother Title Without Authors\n\n" +
        "Attention Is All You NeedAshish Vaswani, Noam Shazeer\nThe dominant sequence transduction models.\n";

    private static readonly DiagnosticDescriptor[] Codes =
        [DiagnosticCatalog.ExactCopy, DiagnosticCatalog.DuplicateEntry, DiagnosticCatalog.PossibleDuplicate, DiagnosticCatalog.UnknownMonth];

    [Test]
    public void Parser_and_duplicate_findings_merge_into_the_order_a_sort_gives()
    {
        var document = PaperDocument.Parse(Text);
        var parserFindings = DocumentAnalyzer.Analyze(document, []);
        Assert.That(parserFindings.Count, Is.GreaterThanOrEqualTo(3), "the fixture must give the merge parser findings on several lines");

        var finding = Gen.Choose(0, 11).SelectMany(line => Gen.Choose(0, 30).SelectMany(start => Gen.Choose(0, 5).SelectMany(length =>
            Gen.Elements(Codes).Select(code => new PaperDiagnostic(code, TextRange.OnLine(line, start, length), code.Code, [])))));
        // In any order: the maker sorts them, but the analyzer must not rely on it.
        var config = Config.QuickThrowOnFailure.WithMaxTest(500);
        Check.One(config, Prop.ForAll(Arb.From(finding.ListOf().Select(list => list.ToList())), duplicates =>
        {
            var merged = DocumentAnalyzer.Analyze(document, duplicates);
            var expected = parserFindings.Concat(duplicates).ToList();
            expected.Sort(DocumentAnalyzer.Compare);
            return merged.Count == expected.Count &&
                   merged.Zip(expected).All(pair => DocumentAnalyzer.Compare(pair.First, pair.Second) == 0) &&
                   merged.Zip(merged.Skip(1)).All(pair => DocumentAnalyzer.Compare(pair.First, pair.Second) <= 0) &&
                   new HashSet<PaperDiagnostic>(merged, ReferenceEqualityComparer.Instance).SetEquals(expected);
        }));
    }
}
