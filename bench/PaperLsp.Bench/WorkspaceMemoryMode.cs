using System.Globalization;
using System.Text;
using PaperLsp.Analysis;
using PaperLsp.Syntax;
using PaperLsp.Workspace;

namespace PaperLsp.Bench;

/// <summary>
/// <c>memory-workspace [sizes]</c>: what each structure the server keeps for one open list retains, as live bytes after
/// a full collection (<c>GC.GetTotalMemory(true)</c> before and after building it), per UTF-8 byte of the list. The text
/// itself is not counted: the server lets go of it once parsed.
/// </summary>
public static class WorkspaceMemoryMode
{
    public static int Run(IReadOnlyList<string> sizes)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine("| size | UTF-8 MB | document | title index | workspace index | duplicate index | related index | all | all / UTF-8 |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var size in sizes)
        {
            var text = Corpus.Text(size);
            var utf8 = Encoding.UTF8.GetByteCount(text);
            var id = new DocumentId($"/tmp/paperlsp-bench/{size}.papers");
            var start = Live();
            var document = PaperDocument.Parse(text);
            // As the server keeps it once the first diagnostics are out (it makes the abstracts compact then).
            document.CompactLines();
            var afterDocument = Live();
            var titles = TitleIndex.Build(document);
            var afterTitles = Live();
            var workspace = WorkspaceSnapshot.Empty.Opened(id, $"file://{id.Key}", document, 1);
            _ = workspace.Index;
            var afterIndex = Live();
            var relations = WorkspaceRelations.Build([(id, document)]);
            var afterDuplicates = Live();
            _ = relations.Related;
            var afterRelated = Live();
            string Cell(long bytes) => string.Create(c, $"{bytes / 1e6:F0} MB ({(double)bytes / utf8:F2}x)");
            Console.WriteLine(string.Create(c, $"| {size} | {utf8 / 1e6:F1} | {Cell(afterDocument - start)} | {Cell(afterTitles - afterDocument)} | {Cell(afterIndex - afterTitles)} | {Cell(afterDuplicates - afterIndex)} | {Cell(afterRelated - afterDuplicates)} | {Cell(afterRelated - start)} | {(double)(afterRelated - start) / utf8:F2} |"));
            GC.KeepAlive(text);
            GC.KeepAlive(titles);
            GC.KeepAlive(workspace);
            GC.KeepAlive(relations);
            Corpus.Drop(size);
        }
        return 0;
    }

    private static long Live()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(true);
    }
}
