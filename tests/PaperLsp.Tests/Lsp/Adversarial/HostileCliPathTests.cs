using System.Diagnostics;

namespace PaperLsp.Tests.Lsp.Adversarial;

/// <summary>
/// Family "hostile CLI paths": what a folder of lists can hold besides lists. Each case once hung, ran out of memory
/// or repeated its findings (issue 7); every run here must end well inside its timeout.
/// </summary>
[TestFixture, NonParallelizable]
[Platform(Exclude = "Win")]
public class HostileCliPathTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private const string Entry = "A Study of ThingsJane Doe\nAn abstract.\n";
    private string scratch = "";

    [SetUp]
    public void CreateScratch() => Directory.CreateDirectory(scratch = Path.Combine(Path.GetTempPath(), "paperlsp-hostile-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void DeleteScratch() => Directory.Delete(scratch, recursive: true);

    private string At(string relative) => Path.Combine(scratch, relative);

    private string Write(string relative, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(At(relative))!);
        File.WriteAllText(At(relative), text);
        return At(relative);
    }

    private string Fifo(string relative)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(At(relative))!);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [At(relative)]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.That(mkfifo.ExitCode, Is.EqualTo(0), "mkfifo");
        return At(relative);
    }

    private static ServerProcess.Result Run(params string[] args) => ServerProcess.Run(ServerProcess.StartInfo(args), Timeout);

    private static void AssertRefused(ServerProcess.Result result, string path, string problem)
    {
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
        Assert.That(result.Stderr, Does.Contain($"paperlsp: {path}: {problem}"));
        Assert.That(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1), "one line, no stack");
    }

    [Test]
    public void A_fifo_is_not_a_regular_file_and_does_not_block() => AssertRefused(Run("check", Fifo("y.papers")), At("y.papers"), "not a regular file");

    [Test]
    public void A_fifo_inside_a_folder_is_reported_and_the_rest_is_checked()
    {
        Fifo("d/y.papers");
        Write("d/a.papers", Entry);
        var result = Run("check", At("d"));
        AssertRefused(result, At("d/y.papers"), "not a regular file");
        Assert.That(result.Stdout, Does.Contain("1 file checked"));
    }

    [Test]
    public void Export_of_a_fifo_does_not_block() => AssertRefused(Run("export", Fifo("y.papers")), At("y.papers"), "not a regular file");

    [Test]
    public void A_link_to_dev_zero_is_not_read()
    {
        File.CreateSymbolicLink(At("z.papers"), "/dev/zero");
        AssertRefused(Run("check", At("z.papers")), At("z.papers"), "not a regular file");
    }

    [TestCase("/dev/null")]
    [TestCase("/dev/zero")]
    public void A_device_is_not_a_regular_file(string device) => AssertRefused(Run("check", device), device, "not a regular file");

    [Test]
    public void Link_loops_end_and_each_finding_is_reported_once()
    {
        // Regression: with loop -> . and sub/up -> .. the search never ended (2.2 GB); with loop alone, findings came 41 times.
        Write("d/a.papers", Entry + Entry);
        Write("d/sub/b.papers", Entry);
        Directory.CreateSymbolicLink(At("d/loop"), ".");
        Directory.CreateSymbolicLink(At("d/sub/up"), "..");
        var result = Run("check", At("d"));
        Assert.That(result.ExitCode, Is.EqualTo(1), "exact copies are errors: " + result.Stderr);
        // Two copies in a.papers and one in b.papers: one finding per copy, across the files, each once.
        var findings = result.Stdout.Split('\n').Where(line => line.Contains("PL0302")).ToList();
        Assert.That(findings, Has.Count.EqualTo(3), result.Stdout);
        Assert.That(findings.Distinct().Count(), Is.EqualTo(3));
        Assert.That(result.Stdout, Does.Contain("2 files checked"));
    }

    [Test]
    public void A_link_out_of_the_folders_given_is_not_followed()
    {
        Write("outside/secret.papers", Entry + Entry);
        Write("d/a.papers", Entry);
        Directory.CreateSymbolicLink(At("d/out"), At("outside"));
        File.CreateSymbolicLink(At("d/s.papers"), At("outside/secret.papers"));
        var result = Run("check", At("d"));
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout, Does.Not.Contain("secret"));
        Assert.That(result.Stdout, Does.Contain("1 file checked"));
        Assert.That(result.Stderr, Does.Contain($"{At("d/out")}: skipped: a link to outside the folders given"));
        Assert.That(result.Stderr, Does.Contain($"{At("d/s.papers")}: skipped: a link to outside the folders given"));
    }

    [Test]
    public void A_link_between_two_folders_given_is_followed_and_the_file_checked_once()
    {
        Write("one/a.papers", Entry + Entry);
        Directory.CreateDirectory(At("two"));
        File.CreateSymbolicLink(At("two/link.papers"), At("one/a.papers"));
        var result = Run("check", At("one"), At("two"), At("one/a.papers"));
        Assert.That(result.Stdout.Split('\n').Count(line => line.Contains("PL0302")), Is.EqualTo(2), result.Stdout);
        Assert.That(result.Stdout, Does.Contain("1 file checked"));
    }

    [Test]
    public void A_file_over_the_size_limit_is_refused_and_the_option_raises_the_limit()
    {
        var path = Write("big.papers", string.Concat(Enumerable.Repeat(Entry, 200)));
        AssertRefused(Run("check", "--max-file-size", "1K", path), path, "larger than the limit of 1K; raise it with --max-file-size");
        var raised = Run("check", "--max-file-size=1M", path);
        Assert.That(raised.ExitCode, Is.EqualTo(1), "exact copies are errors: " + raised.Stderr);
        Assert.That(raised.Stdout, Does.Contain("PL0302"));
    }

    [Test]
    public void Export_over_a_folder_obeys_the_same_rules_as_check()
    {
        Write("outside/secret.papers", "Secret Things Nobody Should SeeJohn Roe\nHidden.\n");
        Write("d/a.papers", Entry);
        Fifo("d/y.papers");
        Directory.CreateSymbolicLink(At("d/loop"), ".");
        File.CreateSymbolicLink(At("d/s.papers"), At("outside/secret.papers"));
        var result = Run("export", "--format", "bibtex", At("d"));
        Assert.That(result.ExitCode, Is.EqualTo(2), "the FIFO is an IO problem: " + result.Stderr);
        Assert.That(result.Stderr, Does.Contain($"paperlsp: {At("d/y.papers")}: not a regular file"));
        Assert.That(result.Stderr, Does.Contain($"{At("d/s.papers")}: skipped: a link to outside the folders given"));
        Assert.That(result.Stdout, Does.Contain("A Study of Things"));
        Assert.That(result.Stdout, Does.Not.Contain("Secret"));
        Assert.That(result.Stdout.Split("title = {A Study of Things}").Length - 1, Is.EqualTo(1), "the loop exports a.papers once: " + result.Stdout);
    }

    [Test]
    public void Export_refuses_a_file_over_the_size_limit()
    {
        var path = Write("big.papers", string.Concat(Enumerable.Repeat(Entry, 200)));
        AssertRefused(Run("export", "--format", "ris", "--max-file-size", "1K", path), path, "larger than the limit of 1K");
        Assert.That(Run("export", "--format", "ris", "--max-file-size=1M", path).ExitCode, Is.Not.EqualTo(2));
    }

    [Test]
    public void Import_of_a_fifo_does_not_block() => AssertRefused(Run("import", "--from", "bibtex", Fifo("y.bib")), At("y.bib"), "not a regular file");

    [Test]
    public void Import_of_a_device_is_refused() => AssertRefused(Run("import", "--from", "ris", "/dev/zero"), "/dev/zero", "not a regular file");

    [Test]
    public void Import_refuses_a_file_over_the_size_limit()
    {
        var record = "@article{doe2020,\n  title = {A Study of Things},\n  author = {Doe, Jane},\n  year = {2020}\n}\n";
        var path = Write("big.bib", string.Concat(Enumerable.Repeat(record, 100)));
        AssertRefused(Run("import", "--from", "bibtex", "--max-file-size", "1K", path), path, "larger than the limit of 1K");
        var raised = Run("import", "--from", "bibtex", "--max-file-size", "1M", path);
        Assert.That(raised.ExitCode, Is.EqualTo(0), raised.Stderr);
        Assert.That(raised.Stdout, Does.Contain("A Study of Things"));
    }

    [TestCase("import", "--from", "bibtex")]
    [TestCase("export", "--format", "bibtex")]
    public void A_bad_size_limit_is_a_usage_error_for_the_exchange_commands(string command, string option, string format)
    {
        var result = Run(command, option, format, "--max-file-size", "lots", Write("a.papers", Entry));
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("--max-file-size 'lots'"));
    }

    [TestCase("0")]
    [TestCase("-5")]
    [TestCase("2G")]
    [TestCase("lots")]
    public void A_bad_size_limit_is_a_usage_error(string size)
    {
        var result = Run("check", "--max-file-size", size, Write("a.papers", Entry));
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("--max-file-size"));
    }

    [Test]
    public void The_help_states_the_limits() =>
        Assert.That(Run("--help").Stdout, Does.Contain("--max-file-size").And.Contain("100M").And.Contain("Only regular files"));
}
