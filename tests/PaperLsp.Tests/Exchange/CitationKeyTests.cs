using PaperLsp.Exchange;

namespace PaperLsp.Tests.Exchange;

public class CitationKeyTests
{
    private static BibRecord Record(string title, string firstAuthor, int? year = 2022) => new()
    {
        Title = title,
        Authors = [PersonNames.Split(firstAuthor)],
        Date = year is { } y ? new PartialDate(y, 5, 25) : null,
    };

    [TestCase("Large Language Models are Few-Shot Clinical Information Extractors", "Monica Agrawal", 2022, "agrawal2022large")]
    [TestCase("The Power of Scale for Parameter-Efficient Prompt Tuning", "Brian Lester", 2021, "lester2021power")]
    [TestCase("On the Opportunities and Risks of Foundation Models", "Rishi Bommasani", 2021, "bommasani2021opportunities")]
    [TestCase("A Study of Things", "Hal Daumé III", 2020, "daume2020study")]
    [TestCase("Towards Verifiable Text Generation", "Mihaela van der Schaar", 2023, "schaar2023verifiable")]
    [TestCase("Łódź and Ærø: Places", "Łukasz Kaiser", 2019, "kaiser2019lodz")]
    [TestCase("3 Ways to Train: GPT-4 Notes", "Sean O'Brien", 2024, "obrien2024ways")]
    [TestCase("Names Without Dates", "Jane Doe", null, "doenames")]
    [TestCase("李明的论文 Graph Search", "李明", 2020, "anon2020graph")]
    public void A_key_is_family_name_year_and_first_meaningful_title_word(string title, string author, int? year, string key) =>
        Assert.That(CitationKeys.BaseKey(Record(title, author, year)), Is.EqualTo(key));

    [Test]
    public void Keys_are_unique_across_an_export_with_letter_suffixes_in_order()
    {
        var records = Enumerable.Range(0, 29).Select(_ => Record("Large Models", "Monica Agrawal")).ToList();
        var keys = CitationKeys.Assign(records);
        Assert.That(keys.Take(4), Is.EqualTo(new[] { "agrawal2022large", "agrawal2022largea", "agrawal2022largeb", "agrawal2022largec" }));
        Assert.That(keys[26], Is.EqualTo("agrawal2022largez"));
        Assert.That(keys[27], Is.EqualTo("agrawal2022largeaa"));
        Assert.That(keys[28], Is.EqualTo("agrawal2022largeab"));
        Assert.That(keys.Distinct().Count(), Is.EqualTo(29));
    }

    [Test]
    public void A_suffixed_key_never_collides_with_a_real_one()
    {
        // "…largea" is taken by a paper whose title word is "largea"; the second "large" paper must move on to "…largeb".
        var keys = CitationKeys.Assign([Record("Largea Things", "Monica Agrawal"), Record("Large Models", "Monica Agrawal"), Record("Large Data", "Monica Agrawal")]);
        Assert.That(keys, Is.EqualTo(new[] { "agrawal2022largea", "agrawal2022large", "agrawal2022largeb" }));
    }

    [Test]
    public void Keys_are_stable_from_run_to_run_over_the_example()
    {
        var document = PaperLsp.Syntax.PaperDocument.Parse(File.ReadAllText(TestPaths.SeedPapers));
        var first = CitationKeys.Assign(PaperRecords.Read(document));
        var second = CitationKeys.Assign(PaperRecords.Read(PaperLsp.Syntax.PaperDocument.Parse(File.ReadAllText(TestPaths.SeedPapers))));
        Assert.That(second, Is.EqualTo(first));
        Assert.That(first.Distinct().Count(), Is.EqualTo(50), "the example's duplicated OpenNMT entry gets a suffixed key");
        Assert.That(first, Has.All.Matches<string>(k => k.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))));
        Assert.That(first[2], Is.EqualTo("agrawal2022large"));
    }
}
