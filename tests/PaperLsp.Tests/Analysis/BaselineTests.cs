using System.Text;
using PaperLsp.Analysis;
using PaperLsp.Syntax;

namespace PaperLsp.Tests.Analysis;

/// <summary>
/// Baseline tests in the style of bicep: each fixture's findings are written into a copy of its source, under the line
/// they start on, and compared with the committed <c>.diagnostics</c> file. A failure prints the difference and the
/// command that accepts the new output.
/// </summary>
public class BaselineTests
{
    private const string AcceptVariable = "PAPERLSP_ACCEPT_BASELINES";

    private static string BaselineFolder => Path.Combine(TestPaths.RepositoryRoot, "tests", "PaperLsp.Tests", "Fixtures", "baselines");

    public static IEnumerable<TestCaseData> Fixtures()
    {
        yield return new TestCaseData(Path.Combine("examples", "seed.papers"), "seed").SetName("Baseline_seed");
        foreach (var path in Directory.EnumerateFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "baselines"), "*.papers").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            yield return new TestCaseData(Path.Combine("Fixtures", "baselines", name + ".papers"), name).SetName("Baseline_" + name.Replace('-', '_'));
        }
    }

    [TestCaseSource(nameof(Fixtures))]
    public void Baseline(string relativePath, string name)
    {
        var text = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, relativePath));
        var actual = Annotate(text);
        var baselinePath = Path.Combine(BaselineFolder, name + ".diagnostics");
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(baselinePath, actual);
            Assert.Pass($"accepted {baselinePath}");
        }
        var expected = File.Exists(baselinePath) ? File.ReadAllText(baselinePath) : "";
        if (expected != actual)
        {
            Assert.Fail($"{name}: findings differ from {baselinePath}\n{Diff(expected, actual)}\n" +
                        $"If the new findings are right, accept them with:\n  {AcceptVariable}=1 dotnet test tests/PaperLsp.Tests --filter FullyQualifiedName~Baseline");
        }
    }

    /// <summary>The source with each finding under its first line: <c>//@[start:end) CODE severity: message</c>.</summary>
    internal static string Annotate(string text)
    {
        var document = PaperDocument.Parse(text);
        var byLine = DocumentAnalyzer.Analyze(document).ToLookup(d => d.Range.Start.Line);
        var output = new StringBuilder();
        for (var line = 0; line < document.LineCount; line++)
        {
            output.Append(document.GetLineText(line).Replace("\t", "\\t")).Append('\n');
            foreach (var diagnostic in byLine[line])
            {
                var end = diagnostic.Range.End.Line == line ? diagnostic.Range.End.Character.ToString() : $"{diagnostic.Range.End.Line + 1}:{diagnostic.Range.End.Character}";
                output.Append($"//@[{diagnostic.Range.Start.Character}:{end}) {diagnostic.Code} {diagnostic.Severity.ToString().ToLowerInvariant()}: {diagnostic.Message}\n");
                foreach (var related in diagnostic.Related)
                    output.Append($"//@   related line {related.Range.Start.Line + 1} [{related.Range.Start.Character}:{related.Range.End.Character}): {related.Message}\n");
            }
        }
        return output.ToString();
    }

    private static string Diff(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var builder = new StringBuilder();
        var shown = 0;
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length) && shown < 40; i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : null;
            var a = i < actualLines.Length ? actualLines[i] : null;
            if (e == a) continue;
            if (e is not null) builder.Append($"- {i + 1}: {e}\n");
            if (a is not null) builder.Append($"+ {i + 1}: {a}\n");
            shown++;
        }
        return builder.ToString();
    }
}
