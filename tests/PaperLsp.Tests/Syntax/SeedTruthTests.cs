using System.Globalization;
using System.Text.Json;
using PaperLsp.Syntax;

namespace PaperLsp.Tests.Syntax;

/// <summary>The parse of the user's real list must equal its hand-checked reading, field by field.</summary>
public class SeedTruthTests
{
    private static List<EntrySyntax> ParsedEntries() => PaperDocument.Parse(File.ReadAllText(TestPaths.SeedPapers)).Entries.ToList();

    private static JsonElement[] TruthEntries()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(TestPaths.SeedTruth));
        return json.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    [Test]
    public void Seed_has_fifty_entries()
    {
        Assert.That(ParsedEntries(), Has.Count.EqualTo(50));
        Assert.That(TruthEntries(), Has.Length.EqualTo(50));
    }

    public static IEnumerable<TestCaseData> EntryIndexes() =>
        Enumerable.Range(0, 50).Select(i => new TestCaseData(i).SetName($"Seed_entry_{i:00}_matches_truth"));

    [TestCaseSource(nameof(EntryIndexes))]
    public void Seed_entry_matches_truth(int index)
    {
        var entry = ParsedEntries()[index];
        var truth = TruthEntries()[index];
        Assert.Multiple(() =>
        {
            Assert.That(entry.HeaderLine + 1, Is.EqualTo(truth.GetProperty("header_line").GetInt32()), "header_line");
            Assert.That(entry.MetadataLine + 1, Is.EqualTo(NullableInt(truth.GetProperty("meta_line"))), "meta_line");
            Assert.That(entry.AbstractLine + 1, Is.EqualTo(NullableInt(truth.GetProperty("abstract_line"))), "abstract_line");
            Assert.That(entry.Title, Is.EqualTo(truth.GetProperty("title").GetString()), "title");
            Assert.That(entry.Authors.Select(a => a.Name), Is.EqualTo(truth.GetProperty("authors").EnumerateArray().Select(a => a.GetString())), "authors");
            Assert.That(entry.Node.EtAl, Is.EqualTo(truth.GetProperty("et_al").GetBoolean()), "et_al");
            Assert.That(entry.Affiliations.Select(a => a.Name), Is.EqualTo(truth.GetProperty("affiliations").EnumerateArray().Select(a => a.GetString())), "affiliations");
            Assert.That(entry.Metadata?.ScoreValue, Is.EqualTo(NullableDouble(truth.GetProperty("score"))), "score");
            Assert.That(entry.Metadata?.CategoryText, Is.EqualTo(NullableString(truth.GetProperty("category"))), "category");
            Assert.That(entry.Metadata?.DateValue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Is.EqualTo(NullableString(truth.GetProperty("date"))), "date");
            Assert.That(entry.Metadata?.HasCode ?? false, Is.EqualTo(truth.GetProperty("code").GetBoolean()), "code");
            Assert.That(entry.Node.Confidence, Is.EqualTo(BoundaryConfidence.Certain), "confidence");
        });
    }

    private static int? NullableInt(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetInt32();
    private static double? NullableDouble(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetDouble();
    private static string? NullableString(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetString();
}
