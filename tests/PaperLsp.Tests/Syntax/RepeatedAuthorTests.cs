using FsCheck;
using FsCheck.Fluent;
using PaperLsp.Diagnostics;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Tests.Syntax;

/// <summary>
/// The repeated-author check compares folded keys in place; it must report exactly what comparing
/// <c>TextFolding.Key</c> strings in a case-insensitive dictionary reported, for any list of names.
/// </summary>
public class RepeatedAuthorTests
{
    private static readonly string[] NameParts =
    [
        "Jane", "jane", "JANE", "Doe", "doe", "Müller", "Muller", "MÜLLER", "Mu\u0308ller", "Łukasz", "Lukasz", "Straße", "Strasse",
        "Æsa", "Aesa", "İlkay", "Ilkay", "ılkay", "ſam", "Sam", "K", "\u212Aim", "Kim", "O'Brien", "Jean-Luc", "van", "der", "Zhang", "Wei",
    ];

    private static readonly string[] Gaps = [" ", " ", " ", "  ", "\t", " \t "];

    [Test]
    public void Repeated_authors_are_those_a_case_insensitive_dictionary_of_folded_keys_finds()
    {
        var name = from count in Gen.Choose(1, 3)
                   from parts in Gen.Elements(NameParts).ArrayOf(count)
                   from gaps in Gen.Elements(Gaps).ArrayOf(count)
                   select string.Concat(parts.Select((part, i) => i == 0 ? part : gaps[i] + part));
        var header = from count in Gen.Choose(2, 9)
                     from names in name.ArrayOf(count)
                     select "A Study of Things" + string.Join(", ", names);
        var config = Config.QuickThrowOnFailure.WithMaxTest(3000).WithReplay(20261202UL, 0x9E3779B97F4A7C15UL | 1);
        Check.One(config, Prop.ForAll(Arb.From(header), line =>
        {
            var entry = PaperDocument.Parse(line + "\nAn abstract.").Entries.Single().Node;
            var reported = entry.Problems.Where(p => p.Descriptor == DiagnosticCatalog.RepeatedAuthor).Select(p => $"{p.Span} {p.Message}");
            Assert.That(reported, Is.EqualTo(WithDictionary(line, entry.Header)), line);
            return true;
        }));
    }

    /// <summary>The check as it was written first: a dictionary of <c>TextFolding.Key</c> strings, ignoring case.</summary>
    private static IEnumerable<string> WithDictionary(string header, HeaderReading reading)
    {
        var seen = new Dictionary<string, ColumnSpan>(StringComparer.OrdinalIgnoreCase);
        foreach (var author in reading.Authors)
        {
            var name = header.Substring(author.Start, author.Length);
            var key = TextFolding.Key(string.Join(' ', name.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)));
            if (seen.TryGetValue(key, out var earlier))
                yield return $"{new LineSpan(0, author.Start, author.Length)} '{name}' is already listed at column {earlier.Start + 1} of this entry. Remove the repeated name.";
            else
                seen[key] = author;
        }
    }
}
