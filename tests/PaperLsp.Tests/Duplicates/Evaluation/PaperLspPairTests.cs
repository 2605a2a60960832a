using PaperLsp.Duplicates;
using PaperLsp.Syntax;
using PaperLsp.Workspace;

namespace PaperLsp.Tests.Duplicates.Evaluation;

/// <summary>
/// PaperLsp's duplicate rule on the labelled pairs, scored like the rivals: a pair counts as flagged when the verdict
/// is <see cref="DuplicateKind.SamePaper"/> or <see cref="DuplicateKind.ExactCopy"/>. Measured twice: the scorer on the
/// pair itself, and the workspace index (blocking, then scoring) over two files holding one entry each, so a copy the
/// blocking keys never bring together counts as missed.
/// </summary>
public class PaperLspPairTests
{
    private static readonly IReadOnlyList<LabelledPair> Pairs = LabelledPairs.Read();

    private static bool Flags(DuplicateKind kind) => kind is DuplicateKind.SamePaper or DuplicateKind.ExactCopy;

    public static DuplicateKind ByScorer(LabelledPair pair) => DuplicateScorer.Compare(pair.A.Node, pair.B.Node).Kind;

    public static DuplicateKind ByIndex(LabelledPair pair)
    {
        var a = PaperDocument.Parse(pair.A.Node.GetText());
        var b = PaperDocument.Parse(pair.B.Node.GetText());
        var (idA, idB) = (new DocumentId("a.papers"), new DocumentId("b.papers"));
        var index = DuplicateIndex.Build([(idA, a), (idB, b)]);
        var nodeB = b.Entries.Single().Node;
        return index.MatchesOf(new EntryRef(idA, a.Entries.Single().Node))
            .Where(m => ReferenceEquals(m.Other.Node, nodeB))
            .Select(m => m.Verdict.Kind)
            .DefaultIfEmpty(DuplicateKind.None)
            .Max();
    }

    [Test]
    public void The_scorer_flags_every_copy_it_should_and_no_different_paper()
    {
        var score = PairScore.Measure("PaperLsp (DuplicateScorer.Compare)", Pairs, p => Flags(ByScorer(p)));
        Assert.That(score.WronglyFlagged, Is.Empty, "precision must be 1.0: a different paper flagged as a copy invites deleting it");
        Assert.That(score.Recall, Is.GreaterThanOrEqualTo(0.95), "missed: " + string.Join("; ", score.Missed));
    }

    [Test]
    public void The_workspace_index_finds_the_same_pairs_through_its_blocking_keys()
    {
        var score = PairScore.Measure("PaperLsp (DuplicateIndex)", Pairs, p => Flags(ByIndex(p)));
        Assert.That(score.WronglyFlagged, Is.Empty);
        Assert.That(score.Recall, Is.GreaterThanOrEqualTo(0.95), "missed: " + string.Join("; ", score.Missed));
    }

    [Test]
    public void Exact_pairs_are_exact_copies_and_possible_pairs_never_more_than_possible()
    {
        Assert.That(Pairs.Where(p => p.Label == PairLabel.Exact).Select(ByScorer), Has.All.EqualTo(DuplicateKind.ExactCopy));
        Assert.That(Pairs.Where(p => p.Label == PairLabel.Possible).Select(p => (p.ToString(), ByScorer(p))),
            Has.None.Matches<(string Pair, DuplicateKind Kind)>(x => Flags(x.Kind)));
    }

    [Test]
    public void The_precision_and_recall_table()
    {
        var rows = RivalRuleTests.RivalScores().Append(PairScore.Measure("PaperLsp (DuplicateIndex)", Pairs, p => Flags(ByIndex(p)))).ToList();
        TestContext.Out.WriteLine(PairScore.TableHeader);
        foreach (var row in rows) TestContext.Out.WriteLine(row.TableRow);
        var possible = Pairs.Where(p => p.Label == PairLabel.Possible).Select(p => $"{p}: {ByIndex(p)}");
        TestContext.Out.WriteLine("PaperLsp on the possible pairs: " + string.Join("; ", possible));
        var paperLsp = rows[^1];
        TestContext.Out.WriteLine("PaperLsp misses: " + string.Join("; ", paperLsp.Missed.Select(p => $"{p}: {ByIndex(p)}")));
        var hinted = Pairs.Where(p => ByIndex(p) == DuplicateKind.Possible).Select(p => p.ToString());
        TestContext.Out.WriteLine("PaperLsp reports as possible duplicates: " + string.Join("; ", hinted));
        Assert.That(rows.Take(rows.Count - 1), Has.All.Matches<PairScore>(rival => rival.Precision < paperLsp.Precision || rival.Recall < paperLsp.Recall),
            "PaperLsp is better than each rival on these pairs, in precision or recall");
    }
}
