using System.Globalization;
using System.Text;
using PaperLsp.Generator;

namespace PaperLsp.Bench;

/// <summary>
/// Writes a generated workspace with planted near duplicates to a folder, for the command-line measurements of
/// bench/duplicates/run.sh: the .papers files, and planted.tsv naming every planted pair (kind, copy or not, both
/// entries as file:line, both titles).
/// </summary>
public static class PlantedWorkspaceMode
{
    public static int FileCount(int entries) => Math.Clamp(entries / 5_000, 4, 20);

    public static int Write(int entries, string directory)
    {
        var workspace = PlantedDuplicates.Generate(entries, FileCount(entries), Corpus.Seed);
        Directory.CreateDirectory(directory);
        for (var i = 0; i < workspace.FileNames.Count; i++)
            File.WriteAllText(Path.Combine(directory, workspace.FileNames[i]), workspace.FileTexts[i], new UTF8Encoding(false));

        var truth = new StringBuilder("kind\tcopy\toriginal\tplanted\toriginal-title\tplanted-title\n");
        foreach (var pair in workspace.Pairs)
            truth.Append(CultureInfo.InvariantCulture, $"{pair.Kind}\t{(pair.IsCopy ? "copy" : "different")}\t{Place(workspace, pair.Original)}\t{Place(workspace, pair.Planted)}\t{pair.OriginalTitle}\t{pair.PlantedTitle}\n");
        File.WriteAllText(Path.Combine(directory, "planted.tsv"), truth.ToString(), new UTF8Encoding(false));
        Console.WriteLine($"{entries} entries in {workspace.FileNames.Count} files, {workspace.Pairs.Count(p => p.IsCopy)} planted copies, {workspace.Pairs.Count(p => !p.IsCopy)} planted look-alikes: {directory}");
        return 0;
    }

    private static string Place(PlantedWorkspace workspace, PlantedEntry entry) => $"{workspace.FileNames[entry.File]}:{entry.HeaderLine + 1}";
}
