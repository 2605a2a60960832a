using System.Diagnostics;

namespace PaperLsp.Tests.Editors;

/// <summary>
/// The Neovim and Emacs configurations in docs/editors/ really work: a headless editor loads them, opens the example,
/// and must show the server's findings (one paper twice, one possible duplicate). Skipped (not passed) where the editor is not installed; .ci/run installs both.
/// </summary>
public class EditorTests
{
    private static string Docs => Path.Combine(TestPaths.RepositoryRoot, "docs", "editors");
    private static string Checks => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "editors");

    /// <summary>The example alone in a folder of its own: in the repository, the editor's workspace would hold other
    /// lists with copies of its entries, and those are duplicates too.</summary>
    private static string LoneSeed()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "paperlsp-editor-" + Guid.NewGuid().ToString("N"))).FullName;
        var path = Path.Combine(folder, "seed.papers");
        File.Copy(TestPaths.SeedPapers, path);
        return path;
    }

    [Test]
    public void Neovim_with_the_documented_init_lua_shows_the_duplicate_findings()
    {
        var output = RunEditor("nvim", ["--headless", "-u", Path.Combine(Docs, "init.lua"), "-c", "luafile " + Path.Combine(Checks, "check.lua"), LoneSeed()]);
        // Lines 68 and 70 are one paper; line 65 is a possible duplicate of both.
        Assert.That(output, Does.Contain("filetype=papers diagnostics=3"));
        Assert.That(output, Does.Contain("65:1 paperlsp PL0303: Possible duplicate"));
        Assert.That(output, Does.Contain("68:1 paperlsp PL0301: Duplicate paper"));
        Assert.That(output, Does.Contain("70:1 paperlsp PL0301: Duplicate paper"));
    }

    [Test]
    public void Emacs_eglot_with_the_documented_configuration_shows_the_duplicate_findings()
    {
        var output = RunEditor("emacs", ["--batch", "-l", Path.Combine(Checks, "check.el"), LoneSeed()]);
        Assert.That(output, Does.Contain("mode=papers-mode server=paperlsp diagnostics=3"));
        Assert.That(output, Does.Contain("65: eglot-note paperlsp [PL0303]: Possible duplicate"));
        Assert.That(output, Does.Contain("68: eglot-warning paperlsp [PL0301]: Duplicate paper"));
        Assert.That(output, Does.Contain("70: eglot-warning paperlsp [PL0301]: Duplicate paper"));
    }

    private static string WorkspaceList => Path.Combine(TestPaths.Fixtures, "workspace", "reading.papers");

    [Test]
    public void Neovim_shows_a_hover_the_references_across_lists_and_an_author_completion()
    {
        var output = RunEditor("nvim", ["--headless", "-u", Path.Combine(Docs, "init.lua"), "-c", "luafile " + Path.Combine(Checks, "workspace.lua"), WorkspaceList]);
        Assert.That(output, Does.Contain("references: 2 archive.papers,reading.papers"));
        Assert.That(output, Does.Match(@"hover: (\*\*)?Large Language Models are Few-Shot Clinical Information Extractors"));
        Assert.That(output, Does.Contain("hover abstract: true"));
        Assert.That(output, Does.Contain("completion: Yoon Kim"));
    }

    [Test]
    public void Emacs_eglot_shows_a_hover_the_references_across_lists_and_an_author_completion()
    {
        var output = RunEditor("emacs", ["--batch", "-l", Path.Combine(Checks, "workspace.el"), WorkspaceList]);
        Assert.That(output, Does.Contain("references: 2 archive.papers,reading.papers"));
        Assert.That(output, Does.Match(@"hover: (\*\*)?Large Language Models are Few-Shot Clinical Information Extractors"));
        Assert.That(output, Does.Contain("hover abstract: true"));
        Assert.That(output, Does.Contain("completion: Yoon Kim"));
    }

    private static string RunEditor(string editor, string[] args)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, editor)).FirstOrDefault(File.Exists);
        if (path is null) Assert.Ignore($"{editor} is not installed (apt-get install neovim emacs-nox elpa-eglot)");
        var info = new ProcessStartInfo(path!);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["PAPERLSP_DLL"] = ServerProcess.DllPath;
        info.Environment["PAPERS_EGLOT_EL"] = Path.Combine(Docs, "papers-eglot.el");
        info.Environment["HOME"] = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "paperlsp-editor-home")).FullName;
        var result = ServerProcess.Run(info, TimeSpan.FromSeconds(60));
        return result.Stdout + result.Stderr;
    }
}
