using System.Text;
using System.Text.Json;
using PaperLsp.Generator;

namespace PaperLsp.Tests.Cli;

/// <summary>The CLI as users run it: the built executable, real files, exit codes and output.</summary>
public class CliTests
{
    private string scratch = "";

    [SetUp]
    public void CreateScratch() => Directory.CreateDirectory(scratch = Path.Combine(Path.GetTempPath(), "paperlsp-cli-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void DeleteScratch() => Directory.Delete(scratch, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(scratch, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public void Check_on_the_example_reports_only_the_two_duplicates_and_the_possible_one_and_exits_0()
    {
        var result = ServerProcess.Run("check", TestPaths.SeedPapers);
        var lines = result.Stdout.TrimEnd().Split('\n');
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(lines, Has.Length.EqualTo(4));
        // Line 65 is OpenNMT under another subtitle (a later version): at most a possible duplicate.
        Assert.That(lines[0], Does.StartWith($"{TestPaths.SeedPapers}:65:1: info PL0303: Possible duplicate: 'OpenNMT: Neural Machine Translation Toolkit'"));
        Assert.That(lines[1], Does.StartWith($"{TestPaths.SeedPapers}:68:1: warning PL0301: Duplicate paper: 'OpenNMT: Open-source Toolkit for Neural Machine Translation' also appears at line 70"));
        Assert.That(lines[2], Does.StartWith($"{TestPaths.SeedPapers}:70:1: warning PL0301: "));
        Assert.That(lines[3], Is.EqualTo("1 file checked: 0 errors, 2 warnings, 1 info, 0 hints."));
        Assert.That(result.Stderr, Is.Empty);
    }

    [Test]
    public void Check_searches_folders_recursively_for_papers_files()
    {
        Write("a/one.papers", "A Study of ThingsJane Doe\nAbstract.");
        Write("a/b/two.papers", "29.4CLMay 32, 2022\nA Study of ThingsJane Doe\nAbstract.");
        Write("a/ignored.txt", "not a paper list");
        var result = ServerProcess.Run("check", Path.Combine(scratch, "a"));
        Assert.That(result.ExitCode, Is.EqualTo(1), "an impossible date is an error");
        Assert.That(result.Stdout, Does.Contain("two.papers:1:7: error PL0103:"));
        Assert.That(result.Stdout, Does.Not.Contain("ignored.txt"));
        // The same paper in both lists is found across them, each naming the other's file and title line.
        Assert.That(result.Stdout, Does.Contain($"one.papers:1:1: warning PL0301: Duplicate paper: 'A Study of Things' also appears at {Path.Combine(scratch, "a", "b", "two.papers")}:2 ("));
        Assert.That(result.Stdout, Does.Contain($"two.papers:2:1: warning PL0301: Duplicate paper: 'A Study of Things' also appears at {Path.Combine(scratch, "a", "one.papers")}:1 ("));
        Assert.That(result.Stdout.TrimEnd(), Does.EndWith("2 files checked: 1 error, 2 warnings, 0 info, 0 hints."));
    }

    [Test]
    public void Check_names_equally_ranked_copies_in_the_same_order_in_every_run()
    {
        // Three spellings of one paper: each pair is the same paper with the same score, so only the tie-break orders
        // them. It once used a hash that .NET seeds anew in every process.
        const string abstractText = "We show that sequence models behave as probabilistic learners on every benchmark we tried.";
        var path = Write("ties.papers", string.Join("\n\n",
            $"Sequence Models Are Probabilistic LearnersMara Nakamura, Li Chen\n{abstractText}",
            $"Sequence Models Are Probabilistic learnersMara Nakamura, Li Chen\n{abstractText}",
            $"Sequence models are probabilistic learnersMara Nakamura, Li Chen\n{abstractText}") + "\n");
        var runs = Enumerable.Range(0, 4).Select(_ => ServerProcess.Run("check", path)).ToList();
        Assert.That(runs.Select(run => run.Stdout).Distinct(), Has.Exactly(1).Items, string.Join("\n---\n", runs.Select(run => run.Stdout)));
        // Ordinal order of the titles as written: upper case first.
        Assert.That(runs[0].Stdout, Does.Contain($"{path}:1:1: warning PL0301: Duplicate paper: 'Sequence Models Are Probabilistic Learners' also appears at line 4, line 7 ("));
        Assert.That(runs[0].Stdout, Does.Contain("write '// paperlsp-not-duplicate \"Sequence Models Are Probabilistic learners\" Nakamura' above this entry"));
    }

    [Test]
    public void Check_with_only_hints_exits_0()
    {
        var path = Write("hints.papers", "A Study of ThingsJane Doe  \nAbstract.");
        var result = ServerProcess.Run("check", path);
        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Stdout, Does.Contain("hints.papers:1:26: hint PL0502: Trailing whitespace."));
    }

    [Test]
    public void Check_json_lists_findings_with_one_based_positions_and_related_copies()
    {
        var result = ServerProcess.Run("check", "--format", "json", TestPaths.SeedPapers);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var diagnostics = json.RootElement.GetProperty("files")[0].GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.That(diagnostics.Select(d => d.GetProperty("line").GetInt32()), Is.EqualTo(new[] { 65, 68, 70 }));
        Assert.That(diagnostics.Select(d => d.GetProperty("code").GetString()), Is.EqualTo(new[] { "PL0303", "PL0301", "PL0301" }));
        Assert.That(diagnostics[1].GetProperty("related")[0].GetProperty("line").GetInt32(), Is.EqualTo(70));
        Assert.That(json.RootElement.GetProperty("summary").GetProperty("warnings").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public void Export_json_equals_the_hand_checked_truth_for_all_fifty_entries()
    {
        var result = ServerProcess.Run("export", "--format", "json", TestPaths.SeedPapers);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        using var exported = JsonDocument.Parse(result.Stdout);
        using var truth = JsonDocument.Parse(File.ReadAllText(TestPaths.SeedTruth));
        var actual = exported.RootElement.GetProperty("entries").EnumerateArray().ToList();
        var expected = truth.RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.That(actual, Has.Count.EqualTo(50));
        var fields = new (string Export, string Truth)[]
        {
            ("headerLine", "header_line"), ("metaLine", "meta_line"), ("abstractLine", "abstract_line"), ("title", "title"),
            ("authors", "authors"), ("etAl", "et_al"), ("affiliations", "affiliations"), ("score", "score"),
            ("category", "category"), ("date", "date"), ("code", "code"),
        };
        Assert.Multiple(() =>
        {
            for (var i = 0; i < 50; i++)
                foreach (var (exportName, truthName) in fields)
                    Assert.That(Normalize(actual[i].GetProperty(exportName)), Is.EqualTo(Normalize(expected[i].GetProperty(truthName))), $"entry {i} {exportName}");
        });
        Assert.That(actual[0].GetProperty("abstract").GetString(), Does.StartWith("Despite their impressive capabilities"));
    }

    /// <summary>Compact JSON, with numbers compared by value (20 and 20.0 are the same score).</summary>
    private static string Normalize(JsonElement element) =>
        element.ValueKind == JsonValueKind.Number
            ? element.GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture)
            : JsonSerializer.Serialize(element);

    [Test]
    public void A_missing_path_is_one_line_on_stderr_and_exit_2()
    {
        var missing = Path.Combine(scratch, "nope.papers");
        var result = ServerProcess.Run("check", missing);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Is.EqualTo($"paperlsp: {missing}: no such file or directory\n"));
        Assert.That(result.Stdout, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public void A_binary_file_is_refused_with_exit_2()
    {
        var path = Path.Combine(scratch, "image.papers");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);
        var result = ServerProcess.Run("check", path);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr.TrimEnd(), Is.EqualTo($"paperlsp: {path}: binary file (contains NUL bytes), not a paper list"));
    }

    [Test]
    public void Invalid_utf8_is_refused_with_the_byte_offset_and_exit_2()
    {
        var path = Path.Combine(scratch, "latin1.papers");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("A Study by Ekin Aky"), 0xFC, .. Encoding.ASCII.GetBytes("rek\n")]);
        var result = ServerProcess.Run("export", "--format", "json", path);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr.TrimEnd(), Is.EqualTo($"paperlsp: {path}: not valid UTF-8 at byte offset 19; save the file as UTF-8"));
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public void A_byte_order_mark_and_crlf_line_ends_are_read_as_editors_show_them()
    {
        var path = Path.Combine(scratch, "bom.papers");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("29.4CLMay 25, 2022\r\nA Study of ThingsEkin Akyürek\r\nAbstract.\r\n")]);
        var result = ServerProcess.Run("export", "--format", "json", path);
        using var json = JsonDocument.Parse(result.Stdout);
        var entry = json.RootElement.GetProperty("entries")[0];
        Assert.That(entry.GetProperty("title").GetString(), Is.EqualTo("A Study of Things"));
        Assert.That(entry.GetProperty("authors")[0].GetString(), Is.EqualTo("Ekin Akyürek"));
        Assert.That(entry.GetProperty("date").GetString(), Is.EqualTo("2022-05-25"));
    }

    [TestCase(new[] { "frobnicate" }, "unknown command 'frobnicate'")]
    [TestCase(new[] { "check" }, "check needs at least one file or folder")]
    [TestCase(new[] { "check", "--format", "xml", "x.papers" }, "unknown format 'xml' (expected text or json)")]
    [TestCase(new[] { "check", "--verbose", "x.papers" }, "unknown option '--verbose'")]
    [TestCase(new[] { "export", "--format", "xml", "a.papers" }, "unknown format 'xml' (expected bibtex, biblatex, csl-json, ris or json)")]
    public void Usage_errors_are_one_line_and_exit_2(string[] args, string message)
    {
        var result = ServerProcess.Run(args);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Is.EqualTo($"paperlsp: {message}. Run 'paperlsp --help' for usage.\n"));
    }

    [Test]
    public void A_one_megabyte_single_line_gets_findings_not_a_crash()
    {
        var line = string.Concat(Enumerable.Repeat("lorem ipsum dolor sit amet, ", 1024 * 1024 / 28));
        var path = Write("long-line.papers", line);
        var result = ServerProcess.Run("check", path);
        Assert.That(result.ExitCode, Is.EqualTo(1), result.Stderr);
        Assert.That(result.Stdout, Does.Contain("long-line.papers:1:1: error PL0201:"));
    }

    [Test]
    public void A_fifty_megabyte_list_is_checked_and_exported()
    {
        var path = Write("large.papers", SyntheticList.GenerateLarge(50_000_000, 3));
        Assert.That(new FileInfo(path).Length, Is.GreaterThanOrEqualTo(50_000_000));
        var check = ServerProcess.Run("check", "--format", "json", path);
        Assert.That(check.ExitCode, Is.AnyOf(0, 1), check.Stderr);
        using (var json = JsonDocument.Parse(check.Stdout))
            Assert.That(json.RootElement.GetProperty("summary").GetProperty("files").GetInt32(), Is.EqualTo(1));
        var export = ServerProcess.Run("export", "--format", "json", path);
        Assert.That(export.ExitCode, Is.EqualTo(0), export.Stderr);
        Assert.That(export.Stdout.Length, Is.GreaterThan(40_000_000));
    }
}
