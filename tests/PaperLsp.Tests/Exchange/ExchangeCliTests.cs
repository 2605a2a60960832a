using System.Text;
using PaperLsp.Exchange;

namespace PaperLsp.Tests.Exchange;

/// <summary><c>paperlsp export</c> and <c>paperlsp import</c> as users run them: the built executable, files, exit codes.</summary>
public class ExchangeCliTests
{
    private string scratch = "";

    [SetUp]
    public void CreateScratch() => Directory.CreateDirectory(scratch = Path.Combine(Path.GetTempPath(), "paperlsp-exchange-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void DeleteScratch() => Directory.Delete(scratch, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(scratch, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [TestCase("bibtex", "@misc{agrawal2022large,")]
    [TestCase("biblatex", "  date = {2022-05-25},")]
    [TestCase("csl-json", "\"id\": \"agrawal2022large\"")]
    [TestCase("ris", "TI  - Large Language Models are Few-Shot Clinical Information Extractors\r\n")]
    public void Export_of_the_example_goes_to_stdout_and_exits_0(string format, string expected)
    {
        var result = ServerProcess.Run("export", "--format", format, TestPaths.SeedPapers);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stderr, Is.Empty);
        Assert.That(result.Stdout, Does.Contain(expected));
    }

    [Test]
    public void Export_then_import_through_files_gives_the_example_back()
    {
        var bib = Path.Combine(scratch, "seed.bib");
        var export = ServerProcess.Run("export", "--format", "bibtex", "--output", bib, TestPaths.SeedPapers);
        Assert.That(export.ExitCode, Is.EqualTo(0), export.Stderr);
        Assert.That(export.Stdout, Is.Empty, "--output writes the file, not stdout");
        var back = Path.Combine(scratch, "back.papers");
        var import = ServerProcess.Run("import", "--from", "bibtex", "--output", back, bib);
        Assert.That(import.ExitCode, Is.EqualTo(0), import.Stderr);
        var original = File.ReadAllLines(TestPaths.SeedPapers).Where(l => l.Length > 0);
        Assert.That(File.ReadAllLines(back).Where(l => l.Length > 0), Is.EqualTo(original));
    }

    [Test]
    public void Export_takes_folders_and_keeps_keys_unique_across_files()
    {
        Write("lists/a.papers", "A Study of ThingsJane Doe\nAbstract one.\n");
        Write("lists/sub/b.papers", "A Study of Other ThingsJane Doe\nAbstract two.\n");
        var result = ServerProcess.Run("export", "--format", "csl-json", Path.Combine(scratch, "lists"));
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        Assert.That(json.RootElement.EnumerateArray().Select(item => item.GetProperty("id").GetString()), Is.EqualTo(new[] { "doestudy", "doestudya" }));
    }

    [Test]
    public void Export_reports_what_it_cannot_read_on_stderr_exports_the_rest_and_exits_1()
    {
        var path = Write("broken.papers", "29.4CLMay 32, 2022\nA Study of ThingsJane Doe\nAbstract.\nGood PaperJohn Smith\nAnother abstract.\n");
        var result = ServerProcess.Run("export", "--format", "bibtex", path);
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.Contain($"{path}:1:7: error PL0103:"));
        Assert.That(result.Stdout, Does.Contain("title = {A Study of Things}").And.Contain("title = {Good Paper}"));
    }

    [Test]
    public void Export_json_of_several_files_is_an_array_of_the_one_file_shape()
    {
        var a = Write("a.papers", "A Study of ThingsJane Doe\nAbstract.\n");
        var result = ServerProcess.Run("export", "--format", "json", a, TestPaths.SeedPapers);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        Assert.That(json.RootElement.GetArrayLength(), Is.EqualTo(2));
        Assert.That(json.RootElement[1].GetProperty("entries").GetArrayLength(), Is.EqualTo(50));
    }

    [Test]
    public void Import_with_bad_records_prints_the_good_ones_reports_each_bad_one_and_exits_1()
    {
        var path = Write("refs.ris", "TY  - GEN\nTI  - Good One\nAU  - Doe, Jane\nER  - \nTY  - GEN\nTI  - Missing End\n");
        var result = ServerProcess.Run("import", "--from", "ris", path);
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stdout, Is.EqualTo("Good OneJane Doe\n\n"));
        Assert.That(result.Stderr, Does.StartWith($"{path}:5: error: the record starting at line 5 has no 'ER  - ' line"));
        Assert.That(result.Stderr, Does.Contain("1 record imported, 1 bad record skipped."));
    }

    [Test]
    public void Import_keeps_three_authors_unless_all_are_asked_for()
    {
        var path = Write("refs.json", "[{\"title\": \"Many Hands\", \"author\": [{\"family\": \"Lee\", \"given\": \"Ann\"}, {\"family\": \"Stone\", \"given\": \"Bob\"}, {\"family\": \"Young\", \"given\": \"Cy\"}, {\"family\": \"Park\", \"given\": \"Di\"}], \"abstract\": \"Text.\"}]");
        Assert.That(ServerProcess.Run("import", "--from", "csl-json", path).Stdout, Is.EqualTo("Many HandsAnn Lee, Bob Stone, Cy Young et al.\nText.\n"));
        Assert.That(ServerProcess.Run("import", "--from", "csl-json", "--all-authors", path).Stdout, Is.EqualTo("Many HandsAnn Lee, Bob Stone, Cy Young, Di Park\nText.\n"));
    }

    [Test]
    public void Import_of_a_csl_file_that_is_not_an_array_exits_1_with_the_line()
    {
        var path = Write("object.json", "{\"items\": []}");
        var result = ServerProcess.Run("import", "--from", "csl-json", path);
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith($"{path}:1: error: CSL-JSON must be an array of items"));
    }

    [Test]
    public void Import_of_a_broken_bib_exits_1_and_keeps_the_good_records()
    {
        var path = Write("refs.bib", "@misc{a, title = {Good}, author = {Doe, Jane}}\n@misc{b title = {Bad}}\n@misc{c, title = {Also Good}, author = {Roe, Rick}}\n");
        var result = ServerProcess.Run("import", "--from", "bibtex", path);
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stdout, Is.EqualTo("GoodJane Doe\n\nAlso GoodRick Roe\n\n"));
        Assert.That(result.Stderr, Does.StartWith($"{path}:2: error: expected ','"));
    }

    [Test]
    public void Unreadable_files_exit_2()
    {
        var missing = Path.Combine(scratch, "missing.bib");
        var result = ServerProcess.Run("import", "--from", "bibtex", missing);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Is.EqualTo($"paperlsp: {missing}: no such file or directory\n"));

        var binary = Path.Combine(scratch, "binary.ris");
        File.WriteAllBytes(binary, [0x54, 0x59, 0x00, 0x00]);
        Assert.That(ServerProcess.Run("import", "--from", "ris", binary).ExitCode, Is.EqualTo(2));

        var latin1 = Path.Combine(scratch, "latin1.bib");
        File.WriteAllBytes(latin1, [.. Encoding.ASCII.GetBytes("@misc{a, title = {Aky"), 0xFC, .. Encoding.ASCII.GetBytes("rek}}")]);
        var notUtf8 = ServerProcess.Run("import", "--from", "bibtex", latin1);
        Assert.That(notUtf8.ExitCode, Is.EqualTo(2));
        Assert.That(notUtf8.Stderr, Does.Contain("not valid UTF-8"));

        Assert.That(ServerProcess.Run("export", "--format", "bibtex", Path.Combine(scratch, "nope.papers")).ExitCode, Is.EqualTo(2));
    }

    [TestCase(new[] { "import", "x.bib" }, "import needs --from bibtex, biblatex, csl-json or ris")]
    [TestCase(new[] { "import", "--from", "endnote", "x.bib" }, "unknown format 'endnote' (expected bibtex, biblatex, csl-json or ris)")]
    [TestCase(new[] { "import", "--from", "ris", "a.ris", "b.ris" }, "import takes exactly one file")]
    [TestCase(new[] { "export", "--format", "ris", "--ascii", "x.papers" }, "--ascii applies to --format bibtex only")]
    [TestCase(new[] { "export", "--format", "bibtex" }, "export needs at least one file or folder")]
    [TestCase(new[] { "export", "--format", "bibtex", "--output" }, "--output needs a value")]
    public void Usage_errors_are_one_line_and_exit_2(string[] args, string message)
    {
        var result = ServerProcess.Run(args);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Is.EqualTo($"paperlsp: {message}. Run 'paperlsp --help' for usage.\n"));
    }

    /// <summary>The consumer tests (tests/consumers) read this committed list; it must stay what the generator makes.</summary>
    [Test]
    public void The_consumer_tests_generated_list_is_the_generators_output()
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, "tests", "consumers", "fixtures", "generated.papers");
        if (Environment.GetEnvironmentVariable("PAPERLSP_UPDATE_FIXTURES") == "1") File.WriteAllText(path, RoundTripTests.GeneratedList());
        Assert.That(File.ReadAllText(path), Is.EqualTo(RoundTripTests.GeneratedList()), "regenerate with PAPERLSP_UPDATE_FIXTURES=1");
    }
}
