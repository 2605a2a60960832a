using PaperLsp.Files;

namespace PaperLsp.Tests.Files;

public class WorkspaceScannerTests
{
    private string temp = null!;

    [SetUp]
    public void Create() => temp = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "paperlsp-scan-" + Guid.NewGuid().ToString("N"))).FullName;

    [TearDown]
    public void Delete()
    {
        try { Directory.Delete(temp, recursive: true); } catch (IOException) { }
    }

    private string Write(string relative)
    {
        var path = Path.Combine(temp, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "A TitleJane Doe\nAbstract.\n");
        return path;
    }

    [Test]
    public void Finds_lists_below_the_folders_but_not_in_tool_folders_or_through_links()
    {
        var root = Path.Combine(temp, "ws");
        var kept = new[] { Write("ws/a.papers"), Write("ws/deep/er/b.PAPERS"), Write("ws/.hidden-notes/c.papers") };
        Write("ws/notes.txt");
        foreach (var skipped in new[] { ".git", "node_modules", "bin", "obj" }) Write($"ws/{skipped}/x.papers");
        Write("outside/leak.papers");
        Directory.CreateSymbolicLink(Path.Combine(root, "out"), Path.Combine(temp, "outside"));
        Directory.CreateSymbolicLink(Path.Combine(root, "deep", "loop"), root);
        File.CreateSymbolicLink(Path.Combine(root, "alias.papers"), Path.Combine(root, "a.papers"));

        Assert.That(WorkspaceScanner.Find([root]), Is.EqualTo(kept.Order(StringComparer.Ordinal)));
        Assert.That(WorkspaceScanner.Find([root, root]), Has.Count.EqualTo(3), "each list once");
        Assert.That(WorkspaceScanner.IsInWorkspace(Path.Combine(root, "deep", "new.papers"), [root]), Is.True);
        Assert.That(WorkspaceScanner.IsInWorkspace(Path.Combine(root, "out", "leak.papers"), [root]), Is.False, "through a link");
        Assert.That(WorkspaceScanner.IsInWorkspace(Path.Combine(root, "node_modules", "x.papers"), [root]), Is.False);
        Assert.That(WorkspaceScanner.IsInWorkspace(Path.Combine(temp, "outside", "leak.papers"), [root]), Is.False);
        Assert.That(WorkspaceScanner.IsInWorkspace(Path.Combine(root, "a.txt"), [root]), Is.False);
    }

    [Test]
    public void Unreadable_lists_are_refused_with_the_clis_reasons()
    {
        var binary = Path.Combine(temp, "binary.papers");
        File.WriteAllBytes(binary, [0x41, 0x00, 0x42]);
        Assert.That(DiskFileSource.TryRead(binary, out var document, out var problem), Is.False);
        Assert.That(document, Is.Null);
        Assert.That(problem, Does.Contain("binary"));
        Assert.That(DiskFileSource.TryRead(Write("fine.papers"), out document, out _), Is.True);
        Assert.That(document!.EntryCount, Is.EqualTo(1));
    }

    [Test]
    [Platform(Exclude = "Win")]
    public void A_fifo_named_like_a_list_is_neither_found_nor_opened()
    {
        var fifo = Path.Combine(temp, "ws", "pipe.papers");
        var kept = Write("ws/a.papers");
        using (var mkfifo = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("mkfifo", [fifo]) { UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
            Assert.That(mkfifo.ExitCode, Is.EqualTo(0), "mkfifo");
        }
        Assert.That(WorkspaceScanner.Find([Path.Combine(temp, "ws")]), Is.EqualTo(new[] { kept }));
        // A watcher may still report it: reading must refuse it without blocking on the open.
        Assert.That(DiskFileSource.TryRead(fifo, out var document, out var problem), Is.False);
        Assert.That(document, Is.Null);
        Assert.That(problem, Is.EqualTo("not a regular file"));
    }

    [Test]
    public void Uris_and_paths_name_one_document()
    {
        var path = Write("with space/é.papers");
        var uri = DocumentUris.UriOfPath(path);
        Assert.That(uri, Does.StartWith("file:///").And.Contain("%20"));
        Assert.That(DocumentUris.IdOf(uri), Is.EqualTo(DocumentUris.IdOfPath(path)));
        Assert.That(DocumentUris.IdOf(uri.Replace("%C3%A9", "%c3%a9")), Is.EqualTo(DocumentUris.IdOfPath(path)), "escapes in any case");
        Assert.That(DocumentUris.IdOf("untitled:Untitled-1").Key, Is.EqualTo("untitled:Untitled-1"));
    }
}
