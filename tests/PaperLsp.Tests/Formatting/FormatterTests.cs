using PaperLsp.Formatting;
using PaperLsp.Syntax;
using PaperLsp.Text;
using static PaperLsp.Tests.Formatting.FormattingHelpers;

namespace PaperLsp.Tests.Formatting;

public class FormatterTests
{
    private const string Meta = "29.4CLMay 25, 2022";
    private const string Header = "DiffCSE: Difference-based Contrastive Learning for Sentence EmbeddingsYung-Sung Chuang, Rumen Dangovski, Hongyin Luo et al. · meta-ai, mit";
    private const string Abstract = "We propose DiffCSE, an unsupervised contrastive learning framework for learning sentence embeddings.";
    private const string Header2 = "Audio-Visual Neural Syntax AcquisitionCheng-I Jeff Lai, Freda Shi, Puyuan Peng et al. · mit";
    private const string Abstract2 = "We study phrase structure induction from visually-grounded speech.";

    private static string Lines(params string[] lines) => string.Join("\n", lines);

    [Test]
    public void Seed_is_already_canonical()
    {
        var text = File.ReadAllText(TestPaths.SeedPapers);
        var edits = Formatter.ComputeEdits(PaperDocument.Parse(text));
        Assert.That(edits, Is.Empty, () => "first edit: " + edits[0]);
    }

    [Test]
    public void Canonical_sample_is_left_alone()
    {
        var text = Lines("# Reading list", "// to read", "", Meta, Header, Abstract, "", Header2, Abstract2, "");
        Assert.That(Formatter.ComputeEdits(PaperDocument.Parse(text)), Is.Empty);
    }

    [Test]
    public void Tabs_and_double_spaces_inside_titles_and_abstracts_become_one_space()
    {
        var text = Lines(
            "DiffCSE:\tDifference-based  Contrastive Learning for Sentence EmbeddingsYung-Sung Chuang, Rumen Dangovski, Hongyin Luo et al. · meta-ai, mit",
            "We propose  DiffCSE,\tan unsupervised contrastive learning framework for learning sentence embeddings.");
        Assert.That(Format(text), Is.EqualTo(Lines(Header, Abstract)));
    }

    [Test]
    public void Tabs_and_double_spaces_inside_author_names_become_one_space()
    {
        var text = Lines("Attention Is All You Need | Ashish  Vaswani,\tNoam\tShazeer", "We propose a new simple network architecture based solely on attention mechanisms.");
        Assert.That(PaperDocument.Parse(text).Entries.Single().Authors.Select(a => a.Name), Is.EqualTo(new[] { "Ashish  Vaswani", "Noam\tShazeer" }),
            "precondition: the names are read with their whitespace");
        Assert.That(Format(text), Is.EqualTo(Lines("Attention Is All You Need | Ashish Vaswani, Noam Shazeer",
            "We propose a new simple network architecture based solely on attention mechanisms.")));
    }

    [Test]
    public void Tabs_and_doubled_spaces_inside_author_names_are_read_through_and_collapsed()
    {
        var header = "DiffCSE: Difference-based Contrastive Learning for Sentence EmbeddingsYung-Sung Chuang, Rumen Dangovski, Hongyin Luo et al. · meta-ai, mit";
        var sloppy = "DiffCSE: Difference-based Contrastive Learning for Sentence EmbeddingsYung-Sung Chuang,  Rumen\tDangovski, Hongyin Luo et al. · meta-ai, mit";
        var text = Lines(sloppy + " ", Abstract);
        var entry = PaperDocument.Parse(text).Entries.Single();
        Assert.That(entry.Node.Confidence, Is.EqualTo(BoundaryConfidence.Certain), "the slip does not hide the authors");
        Assert.That(entry.Authors.Select(a => a.Name), Is.EqualTo(new[] { "Yung-Sung Chuang", "Rumen\tDangovski", "Hongyin Luo" }));
        Assert.That(Format(text), Is.EqualTo(Lines(header, Abstract)));
    }

    [Test]
    public void Trailing_and_leading_whitespace_is_removed()
    {
        var text = Lines("  " + Meta + " \t", "\t" + Header + "   ", " " + Abstract + " ");
        Assert.That(Format(text), Is.EqualTo(Lines(Meta, Header, Abstract)));
    }

    [Test]
    public void Mixed_line_endings_become_the_dominant_one()
    {
        var text = Meta + "\r\n" + Header + "\n" + Abstract + "\r\n\r\n" + Header2 + "\r\n" + Abstract2 + "\r\n";
        Assert.That(Format(text), Is.EqualTo(Meta + "\r\n" + Header + "\r\n" + Abstract + "\r\n\r\n" + Header2 + "\r\n" + Abstract2 + "\r\n"));
    }

    [Test]
    public void Lone_CRs_are_a_line_ending_too()
    {
        var text = Meta + "\r" + Header + "\r" + Abstract + "\n";
        Assert.That(Format(text), Is.EqualTo(Meta + "\r" + Header + "\r" + Abstract + "\r"));
    }

    [Test]
    public void A_tie_between_line_endings_goes_to_LF()
    {
        var text = Meta + "\r\n" + Header + "\n" + Abstract;
        Assert.That(Format(text), Is.EqualTo(Lines(Meta, Header, Abstract)));
    }

    [Test]
    public void Spaced_metadata_is_glued()
    {
        var text = Lines("29.4 CL May 25, 2022", Header, Abstract);
        Assert.That(Format(text), Is.EqualTo(Lines(Meta, Header, Abstract)));
    }

    [Test]
    public void Spaced_metadata_with_code_keeps_month_and_day_as_written()
    {
        var text = Lines("4.9 cs.CL September 05,2023 Code", Header, Abstract);
        Assert.That(Format(text), Is.EqualTo(Lines("4.9cs.CLSeptember 05, 2023Code", Header, Abstract)));
    }

    [Test]
    public void Unreadable_metadata_is_only_trimmed()
    {
        var text = Lines("  29.4CL  May 25 2022  ", Header, Abstract);
        Assert.That(PaperDocument.Parse(text).Entries.Single().Metadata!.IsReadable, Is.False, "precondition: unreadable");
        Assert.That(Format(text), Is.EqualTo(Lines("29.4CL  May 25 2022", Header, Abstract)));
    }

    [Test]
    public void Runs_of_blank_lines_collapse_to_one()
    {
        var text = Lines(Header, Abstract, "", "   ", "\t", "", Header2, Abstract2);
        Assert.That(Format(text), Is.EqualTo(Lines(Header, Abstract, "", Header2, Abstract2)));
    }

    [Test]
    public void Blank_lines_at_the_start_are_removed()
    {
        var text = Lines("", "  ", Header, Abstract);
        Assert.That(Format(text), Is.EqualTo(Lines(Header, Abstract)));
    }

    [Test]
    public void Blank_lines_at_the_end_are_removed_and_the_final_newline_kept()
    {
        Assert.That(Format(Lines(Header, Abstract, "", "", "")), Is.EqualTo(Lines(Header, Abstract, "")));
    }

    [Test]
    public void Blank_lines_at_the_end_are_removed_without_adding_a_final_newline()
    {
        Assert.That(Format(Lines(Header, Abstract, "", "  ")), Is.EqualTo(Lines(Header, Abstract)));
    }

    [Test]
    public void Missing_final_newline_is_preserved()
    {
        Assert.That(Format(Lines(Header + " ", Abstract + " ")), Is.EqualTo(Lines(Header, Abstract)));
    }

    [Test]
    public void Final_newline_is_preserved()
    {
        Assert.That(Format(Lines(Header + " ", Abstract + " ", "")), Is.EqualTo(Lines(Header, Abstract, "")));
    }

    [Test]
    public void Affiliation_spacing_is_normalized()
    {
        var text = Lines(
            "Audio-Visual Neural Syntax AcquisitionCheng-I Jeff Lai, Freda Shi, Puyuan Peng et al. ·  mit,  harvard",
            Abstract2);
        Assert.That(Format(text), Is.EqualTo(Lines(
            "Audio-Visual Neural Syntax AcquisitionCheng-I Jeff Lai, Freda Shi, Puyuan Peng et al. · mit, harvard", Abstract2)));
    }

    [Test]
    public void Affiliation_marker_glued_to_et_al_gets_its_spaces()
    {
        var text = Lines("Audio-Visual Neural Syntax AcquisitionCheng-I Jeff Lai, Freda Shi, Puyuan Peng et al.·mit,harvard", Abstract2);
        Assert.That(Format(text), Is.EqualTo(Lines(
            "Audio-Visual Neural Syntax AcquisitionCheng-I Jeff Lai, Freda Shi, Puyuan Peng et al. · mit, harvard", Abstract2)));
    }

    [Test]
    public void Explicit_separator_is_kept_with_exactly_one_space_each_side()
    {
        var text = Lines("Attention Is All You Need  |   Ashish Vaswani,Noam Shazeer  et al.", "We propose a new simple network architecture based solely on attention mechanisms.");
        var reading = PaperDocument.Parse(text).Entries.Single();
        Assert.That(reading.SeparatorRange, Is.Not.Null, "precondition: the explicit separator is read");
        Assert.That(Format(text), Is.EqualTo(Lines("Attention Is All You Need | Ashish Vaswani, Noam Shazeer et al.",
            "We propose a new simple network architecture based solely on attention mechanisms.")));
    }

    [Test]
    public void Et_al_is_written_with_one_space_and_a_period()
    {
        var text = Lines("Audio-Visual Neural Syntax AcquisitionCheng-I Jeff Lai, Freda Shi, Puyuan Peng,   et al · mit", Abstract2);
        Assert.That(Format(text), Is.EqualTo(Lines(Header2, Abstract2)));
    }

    [Test]
    public void Glued_header_stays_glued()
    {
        var formatted = Format(Lines(Header2 + "  ", Abstract2));
        Assert.That(formatted, Does.StartWith("Audio-Visual Neural Syntax AcquisitionCheng-I Jeff Lai,"));
    }

    [Test]
    public void Empty_author_slots_are_left_in_place()
    {
        var text = Lines("Attention Is All You Need | Ashish Vaswani, , Noam Shazeer  ", "We propose a new simple network architecture based solely on attention mechanisms.");
        Assert.That(Format(text), Is.EqualTo(Lines("Attention Is All You Need | Ashish Vaswani, , Noam Shazeer",
            "We propose a new simple network architecture based solely on attention mechanisms.")));
    }

    [Test]
    public void Ambiguous_header_is_only_trimmed_and_whitespace_fixed()
    {
        // A spaced boundary: the parser is not sure where the title ends.
        var header = "Deep Learning for  Everyone Jane Doe";
        var text = Lines(header + "  ", Abstract);
        var entry = PaperDocument.Parse(text).Entries.Single();
        Assert.That(entry.Node.Confidence, Is.Not.EqualTo(BoundaryConfidence.Certain), "precondition: not a certain reading");
        var formatted = Format(text);
        var after = PaperDocument.Parse(formatted).Entries.Single();
        Assert.Multiple(() =>
        {
            Assert.That(formatted.Split('\n')[0], Does.Not.EndWith(" "));
            Assert.That(after.Node.Confidence, Is.EqualTo(entry.Node.Confidence));
            Assert.That(after.Authors.Select(a => a.Name), Is.EqualTo(entry.Authors.Select(a => a.Name)));
        });
    }

    [Test]
    public void Heading_gets_exactly_one_space_after_the_hashes()
    {
        Assert.That(Format(Lines("  ##   Retrieval   papers  ", Header, Abstract)), Is.EqualTo(Lines("## Retrieval   papers", Header, Abstract)));
    }

    [Test]
    public void Comments_and_stray_lines_are_only_trimmed()
    {
        var text = Lines("  //  keep   this  ", Header, Abstract, "  a stray   line of prose that continues the abstract.  ");
        Assert.That(PaperDocument.Parse(text).Items.Last().Kind, Is.EqualTo(ItemKind.StrayLine), "precondition: stray line");
        Assert.That(Format(text), Is.EqualTo(Lines("//  keep   this", Header, Abstract, "a stray   line of prose that continues the abstract.")));
    }

    [Test]
    public void Byte_order_mark_is_preserved()
    {
        Assert.That(Format("\uFEFF" + Lines("  " + Header, Abstract)), Is.EqualTo("\uFEFF" + Lines(Header, Abstract)));
    }

    [Test]
    public void Byte_order_mark_survives_removed_leading_blank_lines()
    {
        Assert.That(Format("\uFEFF" + Lines("", "", Header, Abstract)), Is.EqualTo("\uFEFF" + Lines(Header, Abstract)));
    }

    [Test]
    public void All_blank_document_becomes_empty()
    {
        Assert.That(Format(Lines("", "  ", "")), Is.EqualTo(""));
        Assert.That(Format(""), Is.EqualTo(""));
    }

    [Test]
    public void One_edit_per_changed_line_and_whole_line_deletions_for_blank_lines()
    {
        var text = Lines(Header + " ", Abstract, "", "", "", Header2, Abstract2 + "\t");
        var edits = Formatter.ComputeEdits(PaperDocument.Parse(text));
        Assert.That(edits, Is.EqualTo(new[]
        {
            new TextChange(TextRange.OnLine(0, 0, Header.Length + 1), Header),
            new TextChange(new TextRange(new TextPosition(3, 0), new TextPosition(4, 0)), ""),
            new TextChange(new TextRange(new TextPosition(4, 0), new TextPosition(5, 0)), ""),
            new TextChange(TextRange.OnLine(6, 0, Abstract2.Length + 1), Abstract2),
        }));
    }

    [Test]
    public void Changed_terminator_is_part_of_the_line_edit()
    {
        var text = Header + "\r\n" + Abstract + "\n" + Header2 + "\n" + Abstract2;
        var edits = Formatter.ComputeEdits(PaperDocument.Parse(text));
        Assert.That(edits, Is.EqualTo(new[] { new TextChange(new TextRange(new TextPosition(0, 0), new TextPosition(1, 0)), Header + "\n") }));
    }

    [Test]
    public void Edits_applied_through_the_document_model_give_the_same_text()
    {
        var text = Lines("", "  " + "29.4 CL May 25, 2022", Header + " ", "We  propose\tit.", "", "", "#  Next", Header2, Abstract2, "", "");
        var document = PaperDocument.Parse(text);
        var edits = Formatter.ComputeEdits(document);
        var expected = ApplyReverse(text, edits);
        Assert.Multiple(() =>
        {
            Assert.That(ApplyToDocument(document, edits).GetText(), Is.EqualTo(expected));
            Assert.That(TextEdits.Apply(text, edits), Is.EqualTo(expected));
            Assert.That(expected, Is.EqualTo(Lines(Meta, Header, "We propose it.", "", "# Next", Header2, Abstract2, "")));
        });
    }

    [Test]
    public void Whitespace_noise_on_the_seed_formats_back_to_the_seed()
    {
        var seed = File.ReadAllText(TestPaths.SeedPapers);
        var document = PaperDocument.Parse(seed);
        var lines = Enumerable.Range(0, document.LineCount).Select(document.GetLineText).ToArray();
        var clean = lines.ToArray();
        var entryIndex = 0;
        foreach (var entry in document.Entries)
        {
            entryIndex++;
            if (entry.MetadataLine is { } meta && entry.Metadata!.Category is { } category)
            {
                // "29.4CLMay 25, 2022" -> "29.4 CL May 25, 2022"
                var line = lines[meta];
                lines[meta] = line[..category.Start] + " " + line.Substring(category.Start, category.Length) + " " + line[category.End..];
            }
            var title = entry.TitleRange;
            var header = lines[entry.HeaderLine];
            // Only certain readings get noise inside the title: an ambiguous reading may legitimately shift with spacing.
            var noisyTitle = entry.Node.Confidence == BoundaryConfidence.Certain
                ? header[..title.End.Character].Replace(" ", entryIndex % 2 == 0 ? "  " : "\t")
                : header[..title.End.Character];
            var afterTitle = header[title.End.Character..];
            if (entry.AffiliationMarkerRange is { } marker)
            {
                var at = marker.Start.Character - title.End.Character;
                afterTitle = afterTitle[..at].TrimEnd() + "  ·   " + afterTitle[(at + 1)..].TrimStart().Replace(", ", " ,  ");
            }
            lines[entry.HeaderLine] = (entryIndex % 3 == 0 ? "  " : "") + noisyTitle + afterTitle + (entryIndex % 4 == 0 ? " \t" : "");
            if (entry.AbstractLine is { } abstractLine) lines[abstractLine] = "\t" + lines[abstractLine].Replace(". ", ".  ") + "  ";
        }
        // Extra blank lines only between entries, where they cannot change what belongs to which entry.
        var entryStarts = document.Entries.Where((_, i) => i % 5 == 4).Select(e => e.StartLine).ToHashSet();
        var noisy = "\n\n" + string.Join("\r\n", lines.Select((line, i) => entryStarts.Contains(i) ? " \r\n\t\r\n" + line : line)) + "\r\n\r\n";
        Assert.That(Reading(noisy), Is.EqualTo(Reading(seed)), "precondition: the noise does not change the reading");

        var formatted = Format(noisy);
        Assert.Multiple(() =>
        {
            Assert.That(Reading(formatted), Is.EqualTo(Reading(seed)), "same reading");
            Assert.That(Format(formatted), Is.EqualTo(formatted), "idempotent");
            var expected = string.Join("\r\n", clean.Select((line, i) => entryStarts.Contains(i) ? "\r\n" + line : line)) + "\r\n";
            Assert.That(formatted, Is.EqualTo(expected), "the noisy seed formats back to the seed (CRLF, one blank line per run, final newline kept)");
        });
    }
}
