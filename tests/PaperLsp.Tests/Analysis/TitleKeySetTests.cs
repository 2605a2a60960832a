using PaperLsp.Analysis;
using PaperLsp.Generator;
using PaperLsp.Syntax;

namespace PaperLsp.Tests.Analysis;

/// <summary><see cref="TitleKeySet.ContainsKeyOf"/> (the hash kept in the node first) answers as the set does for the key.</summary>
public class TitleKeySetTests
{
    [Test]
    public void Every_entry_is_answered_as_its_title_key_is()
    {
        var document = PaperDocument.Parse(SyntheticList.Generate(600, 11, new SyntheticOptions(DuplicateRate: 0.1, HardCaseRate: 0.5)));
        var duplicated = TitleIndex.Build(document).DuplicatedKeys;
        var set = new TitleKeySet(duplicated);
        var inSet = 0;
        foreach (var entry in document.Entries)
        {
            Assert.That(set.ContainsKeyOf(entry.Node), Is.EqualTo(duplicated.Contains(entry.Node.TitleKey)), entry.Node.TitleKey);
            if (set.ContainsKeyOf(entry.Node)) inSet++;
        }
        Assert.That(inSet, Is.GreaterThan(20), "the list has duplicated titles to find");
        Assert.That(set.Count, Is.EqualTo(duplicated.Count));
        Assert.That(set.SetEquals(duplicated), Is.True);
    }

    [Test]
    public void A_different_title_of_the_same_length_is_not_in_it()
    {
        var document = PaperDocument.Parse("Deep Residual LearningKaiming He\nAn abstract.\n\nDeep Residual LearnersKaiming He\nAn abstract.\n");
        var entries = document.Entries.ToList();
        var set = new TitleKeySet([entries[0].Node.TitleKey]);
        Assert.That(set.ContainsKeyOf(entries[0].Node), Is.True);
        Assert.That(set.ContainsKeyOf(entries[1].Node), Is.False);
        Assert.That(entries[1].Node.TitleKey, Has.Length.EqualTo(entries[0].Node.TitleKey.Length));
    }
}
