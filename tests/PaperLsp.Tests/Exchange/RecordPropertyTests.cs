using FsCheck;
using FsCheck.Fluent;
using PaperLsp.Exchange;

namespace PaperLsp.Tests.Exchange;

/// <summary>Random records through every writer and its reader come back field for field.</summary>
public class RecordPropertyTests
{
    private static readonly string[] Given = ["Monica", "Hal", "Jean-Luc", "Ji-ho", "Sarah J.", "Łukasz", "José", "Martin Luther", "Cícero", "Nguyễn Văn", "Ekin"];
    private static readonly string[] Particles = ["", "", "", "van der", "de la", "von", "di"];
    private static readonly string[] Family = ["Agrawal", "Daumé", "O'Brien", "Dell'Orletta", "ZHANG", "Akyürek", "Schäfer", "Wiśniewska", "McDonald", "Al-Rfou"];
    private static readonly string[] Suffixes = ["", "", "", "", "III", "Jr."];
    private static readonly string[] Mononyms = ["Prajwal", "李明", "Teller"];
    private static readonly string[] TitleWords =
        ["GPT-4", "LLaMA", "and", "the", "50%", "$5", "#1", "a_b", "{x}", "~", "^", "\\", "<", ">", "|", "--", "''", "`q`", "“quoted”", "‘single’",
         "Über", "naïve", "Seq2Seq", "Models", "of", "Learning", "Nguyễn", "李明", "—", "–", "…", "·", "Ça", "O'Brien's", "(LiGO)", "Q&A", "x²"];
    private static readonly string[] Categories = ["cs.CL", "cs.LG", "stat.ML", "eess.IV", "quant-ph", "math.CO"];

    private static Gen<PersonName> Names() =>
        Gen.Frequency(
            (1, Gen.Elements(Mononyms).Select(m => new PersonName("", "", m, ""))),
            (6, from g in Gen.Elements(Given)
                from p in Gen.Elements(Particles)
                from f in Gen.Elements(Family)
                from s in Gen.Elements(Suffixes)
                select new PersonName(g, p, f, s)));

    private static Gen<string> Text(int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(Gen.Elements(TitleWords), n)).Select(words => string.Join(' ', words));

    private static Gen<BibRecord> Records() =>
        from title in Text(1, 12)
        from authors in Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(Names(), n))
        from etAl in Gen.Elements(true, false)
        from affiliations in Gen.Choose(0, 2).SelectMany(n => Gen.ArrayOf(Gen.Elements("mit", "allen-ai", "google-deepmind"), n))
        from summary in Text(0, 30)
        from dated in Gen.Elements(true, false)
        from day in Gen.Choose(1, 28)
        from month in Gen.Choose(1, 12)
        from year in Gen.Choose(1990, 2030)
        from category in Gen.Elements(Categories)
        from code in Gen.Elements(true, false)
        from score in Gen.Choose(0, 999)
        select new BibRecord
        {
            Title = title,
            Authors = authors,
            EtAl = etAl && authors.Length > 0,
            Affiliations = affiliations.Distinct().ToArray(),
            Abstract = summary,
            Date = dated ? new PartialDate(year, month, day) : null,
            Category = dated ? category : null,
            Code = dated && code,
            Score = dated ? score / 10.0 : null,
        };

    private static string Describe(BibRecord r) => string.Join(" | ",
        r.Title, string.Join(", ", r.Authors), r.EtAl, string.Join(", ", r.Affiliations), r.Abstract, r.Date, r.Category, r.Code, r.Score);

    [TestCase(ExchangeFormat.BibTeX, false)]
    [TestCase(ExchangeFormat.BibTeX, true)]
    [TestCase(ExchangeFormat.BibLaTeX, false)]
    [TestCase(ExchangeFormat.CslJson, false)]
    [TestCase(ExchangeFormat.Ris, false)]
    public void Records_come_back_field_for_field(ExchangeFormat format, bool ascii)
    {
        var importFormat = format switch { ExchangeFormat.CslJson => ImportFormat.CslJson, ExchangeFormat.Ris => ImportFormat.Ris, _ => ImportFormat.BibTeX };
        var property = Prop.ForAll(Gen.ArrayOf(Records(), 3).ToArbitrary(), records =>
        {
            var exported = Exporter.Export(records, format, new ExportOptions(ascii));
            var imported = Importer.Read(exported, importFormat);
            Assert.That(imported.Problems, Is.Empty, exported);
            Assert.That(imported.Records.Select(Describe), Is.EqualTo(records.Select(Describe)), exported);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }
}
