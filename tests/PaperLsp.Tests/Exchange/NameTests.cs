using PaperLsp.Exchange;

namespace PaperLsp.Tests.Exchange;

public class NameTests
{
    [TestCase("Monica Agrawal", "Monica", "", "Agrawal", "")]
    [TestCase("Mihaela van der Schaar", "Mihaela", "van der", "Schaar", "")]
    [TestCase("Hal Daumé III", "Hal", "", "Daumé", "III")]
    [TestCase("Martin Luther King Jr.", "Martin Luther", "", "King", "Jr.")]
    [TestCase("José de la Cruz", "José", "de la", "Cruz", "")]
    [TestCase("Jean-Luc Godard", "Jean-Luc", "", "Godard", "")]
    [TestCase("Sean O'Brien", "Sean", "", "O'Brien", "")]
    [TestCase("Sarah J. Zhang", "Sarah J.", "", "Zhang", "")]
    [TestCase("Wei ZHANG", "Wei", "", "ZHANG", "")]
    [TestCase("Prajwal", "", "", "Prajwal", "")]
    [TestCase("李明", "", "", "李明", "")]
    [TestCase("Ludwig van Beethoven", "Ludwig", "van", "Beethoven", "")]
    [TestCase("Yung-Sung Chuang", "Yung-Sung", "", "Chuang", "")]
    public void A_listing_name_splits_into_given_particle_family_and_suffix(string name, string given, string particle, string family, string suffix)
    {
        var split = PersonNames.Split(name);
        Assert.That(split, Is.EqualTo(new PersonName(given, particle, family, suffix)));
        Assert.That(split.Display, Is.EqualTo(name), "the parts put back together are the name as written");
    }

    [TestCase("Mihaela van der Schaar", "van der Schaar, Mihaela")]
    [TestCase("Hal Daumé III", "Daumé, III, Hal")]
    [TestCase("Prajwal", "Prajwal")]
    [TestCase("danah boyd", "{boyd}, danah")]
    [TestCase("Ann And", "{And}, Ann")]
    public void BibTeX_writes_the_von_Last_Jr_First_form(string name, string bibtex) =>
        Assert.That(BibTexWriter.Name(PersonNames.Split(name), ascii: false), Is.EqualTo(bibtex));

    [Test]
    public void Classic_BibTeX_spells_accents_as_TeX() =>
        Assert.That(BibTexWriter.Name(PersonNames.Split("Łukasz Daumé"), ascii: true), Is.EqualTo("Daum{\\'e}, {\\L}ukasz"));

    [TestCase("van der Schaar, Mihaela", "Mihaela", "van der", "Schaar", "")]
    [TestCase("Mihaela van der Schaar", "Mihaela", "van der", "Schaar", "")]
    [TestCase("Daum{\\'e}, III, Hal", "Hal", "", "Daumé", "III")]
    [TestCase("Donald E. Knuth", "Donald E.", "", "Knuth", "")]
    [TestCase("{Barnes and Noble, Inc.}", "", "", "Barnes and Noble, Inc.", "")]
    [TestCase("Aky{\\\"u}rek, Ekin", "Ekin", "", "Akyürek", "")]
    [TestCase("Charles Louis Xavier Joseph de la Vall{\\'e}e Poussin", "Charles Louis Xavier Joseph", "de la", "Vallée Poussin", "")]
    public void BibTeX_names_are_read_in_all_three_forms(string bibtex, string given, string particle, string family, string suffix) =>
        Assert.That(BibTexReader.ParseName(bibtex), Is.EqualTo(new PersonName(given, particle, family, suffix)));

    [Test]
    public void And_others_is_the_et_al_flag_and_braced_and_is_not_a_separator()
    {
        var (names, etAl) = BibTexReader.SplitAuthors("Doe, Jane and {Smith and Sons} and others");
        Assert.That(etAl, Is.True);
        Assert.That(names.Select(n => n.Display), Is.EqualTo(new[] { "Jane Doe", "Smith and Sons" }));
    }

    [TestCase("Mihaela van der Schaar", "van der Schaar, Mihaela")]
    [TestCase("Hal Daumé III", "Daumé, Hal, III")]
    [TestCase("Prajwal", "Prajwal")]
    public void RIS_writes_Last_First_Suffix(string name, string ris) =>
        Assert.That(RisWriter.Name(PersonNames.Split(name)), Is.EqualTo(ris));
}
