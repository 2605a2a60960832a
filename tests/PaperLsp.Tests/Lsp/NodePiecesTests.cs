using PaperLsp.Generator;
using PaperLsp.Lsp.Features;
using PaperLsp.Syntax;

namespace PaperLsp.Tests.Lsp;

/// <summary>
/// <see cref="NodePieces{TPieces}"/>: a node's pieces are the same object for as long as answers use the node, and the
/// pieces of nodes that answers stopped using are dropped before they outnumber a quarter of an answer (plus a few).
/// </summary>
public class NodePiecesTests
{
    private sealed class Piece;

    private static List<ItemNode> Nodes(int entries) =>
        PaperDocument.Parse(SyntheticList.Generate(entries, 5, new SyntheticOptions(DuplicateRate: 0, HardCaseRate: 0)))
            .Items.Select(item => item.Node).ToList();

    private static Dictionary<ItemNode, Piece> Answer(NodePieces<Piece> pieces, IEnumerable<ItemNode> nodes)
    {
        var given = new Dictionary<ItemNode, Piece>(ReferenceEqualityComparer.Instance);
        foreach (var node in nodes) given[node] = pieces.For(node);
        pieces.EndAnswer();
        return given;
    }

    [Test]
    public void A_node_keeps_its_pieces_from_one_answer_to_the_next_and_within_one()
    {
        var nodes = Nodes(50);
        var pieces = new NodePieces<Piece>();
        var first = Answer(pieces, nodes);
        Assert.That(pieces.For(nodes[3]), Is.SameAs(pieces.For(nodes[3])));
        pieces.EndAnswer();
        var second = Answer(pieces, nodes);
        Assert.That(nodes.All(node => ReferenceEquals(first[node], second[node])), Is.True);
        Assert.That(first.Values.Distinct().Count(), Is.EqualTo(nodes.Count), "one piece per node");
    }

    [Test]
    public void Pieces_of_nodes_no_longer_used_are_dropped_once_they_outnumber_a_quarter_of_an_answer()
    {
        var nodes = Nodes(400);
        Assume.That(nodes, Has.Count.GreaterThan(300));
        var pieces = new NodePieces<Piece>();
        var first = Answer(pieces, nodes);
        Assert.That(pieces.Count, Is.EqualTo(nodes.Count));

        // A few nodes fewer (an edit replaced them): not worth a sweep yet, and they are still there.
        var most = nodes.Skip(10).ToList();
        Answer(pieces, most);
        Assert.That(pieces.Count, Is.EqualTo(nodes.Count));

        // Far fewer: everything the answer did not use goes, and what it used stays as it was.
        var few = nodes.Take(100).ToList();
        var third = Answer(pieces, few);
        Assert.That(pieces.Count, Is.EqualTo(few.Count));
        Assert.That(few.All(node => ReferenceEquals(first[node], third[node])), Is.True);

        // A dropped node starts again with new pieces.
        Assert.That(pieces.For(nodes[^1]), Is.Not.SameAs(first[nodes[^1]]));
    }

    [Test]
    public void Many_answers_that_each_use_new_nodes_keep_memory_bounded()
    {
        var pieces = new NodePieces<Piece>();
        var used = Nodes(100);
        for (var round = 0; round < 30; round++)
        {
            // Every answer uses 100 nodes, a tenth of them new (edits), as a file being typed in does.
            var fresh = Nodes(10);
            used = used.Skip(10).Concat(fresh).ToList();
            Answer(pieces, used);
            Assert.That(pieces.Count, Is.LessThanOrEqualTo(used.Count + used.Count / 4 + 64));
        }
    }
}
