using PaperLsp.Duplicates;
using PaperLsp.Formatting;
using PaperLsp.Ide;
using PaperLsp.Syntax;
using PaperLsp.Text;
using PaperLsp.Workspace;

namespace PaperLsp.Tests.Duplicates;

public class DuplicateFixTests
{
    private static readonly DocumentId A = new("/w/a.papers"), B = new("/w/b.papers");
    private const string Short = "Deep Residual Learning for Image RecognitionKaiming He, Xiangyu Zhang\nDeeper networks are harder to train.\n";
    private const string Full = "12.0CVJan 1, 2016\nDeep residual learning for image recognitionKaiming He, Xiangyu Zhang, Shaoqing Ren et al.\nDeeper neural networks are more difficult to train. We present a residual learning framework.\n";
    private const string Unrelated = "Attention Is All You NeedAshish Vaswani, Noam Shazeer\nThe dominant sequence transduction models.\n";

    private static (Dictionary<DocumentId, string> Texts, IReadOnlyList<DuplicateFix> Fixes) Fixes(string a, string b, int line)
    {
        var texts = new Dictionary<DocumentId, string> { [A] = a, [B] = b };
        var documents = texts.ToDictionary(pair => pair.Key, pair => PaperDocument.Parse(pair.Value));
        var index = DuplicateIndex.Build(documents.Select(pair => (pair.Key, pair.Value)));
        return (texts, DuplicateFixes.For(A, documents[A], new TextPosition(line, 3), index, id => documents[id], id => id.Key));
    }

    private static Dictionary<DocumentId, string> Applied(Dictionary<DocumentId, string> texts, DuplicateFix fix) =>
        texts.ToDictionary(pair => pair.Key, pair => fix.Edits.TryGetValue(pair.Key, out var edits)
            ? TextEdits.Apply(pair.Value, edits.Select(e => new TextChange(e.Range, e.NewText)).ToList())
            : pair.Value);

    [Test]
    public void Remove_this_copy_deletes_its_lines_only()
    {
        var (texts, fixes) = Fixes(Unrelated + Short, Full, 2);
        var result = Applied(texts, fixes.Single(f => f.Title == "Remove this copy"));
        Assert.That(result[A], Is.EqualTo(Unrelated));
        Assert.That(result[B], Is.EqualTo(Full));
    }

    [Test]
    public void Keep_the_most_complete_copy_removes_the_others_across_files()
    {
        var (texts, fixes) = Fixes(Short + Unrelated, Full, 0);
        var keep = fixes.Single(f => f.IsPreferred);
        Assert.That(keep.Title, Does.Contain("/w/b.papers:2"));
        var result = Applied(texts, keep);
        Assert.That(result[A], Is.EqualTo(Unrelated));
        Assert.That(result[B], Is.EqualTo(Full));
    }

    [Test]
    public void Mark_as_not_a_duplicate_writes_a_directive_that_silences_the_pair()
    {
        var (texts, fixes) = Fixes(Unrelated + Short, Full, 2);
        var result = Applied(texts, fixes.Single(f => f.Title.StartsWith("Mark as not a duplicate", StringComparison.Ordinal)));
        Assert.That(result[A], Does.Contain("// paperlsp-not-duplicate \"Deep residual learning for image recognition\" He 2016\n" + Short));
        var documents = result.ToDictionary(pair => pair.Key, pair => PaperDocument.Parse(pair.Value));
        var index = DuplicateIndex.Build(documents.Select(pair => (pair.Key, pair.Value)));
        Assert.That(DuplicateFindings.For(B, documents[B], index, id => documents[id], id => id.Key, CancellationToken.None), Is.Empty);
    }
}
