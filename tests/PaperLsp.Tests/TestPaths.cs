namespace PaperLsp.Tests;

internal static class TestPaths
{
    public static string Output => TestContext.CurrentContext.TestDirectory;
    public static string Examples => Path.Combine(Output, "examples");
    public static string Fixtures => Path.Combine(Output, "Fixtures");
    public static string SeedPapers => Path.Combine(Examples, "seed.papers");
    public static string SeedTruth => Path.Combine(Examples, "seed.truth.json");

    /// <summary>The repository root, for tests that check committed files (baselines, docs).</summary>
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(Output);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PaperLsp.sln"))) directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("PaperLsp.sln not found above " + Output);
        }
    }
}
