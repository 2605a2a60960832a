using System.Text;
using PaperLsp.Analysis;
using PaperLsp.Diagnostics;
using PaperLsp.Exchange;
using PaperLsp.Syntax;

namespace PaperLsp.Cli;

/// <summary>
/// <c>paperlsp export</c> to the formats of other tools (and PaperLsp's own JSON), and <c>paperlsp import</c> from them.
/// Same exit codes as <c>check</c>: 0 clean, 1 findings that are errors (export) or bad records (import), 2 usage or IO.
/// </summary>
public static class ExchangeCommands
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static int Export(string[] args, TextWriter output, TextWriter error)
    {
        string? formatName = null, outputPath = null;
        var ascii = false;
        var maxBytes = PaperFiles.DefaultMaxFileBytes;
        var paths = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--format": formatName = Value(args, ref i); break;
                case var a when a.StartsWith("--format=", StringComparison.Ordinal): formatName = a["--format=".Length..]; break;
                case "--output" or "-o": outputPath = Value(args, ref i); break;
                case var a when a.StartsWith("--output=", StringComparison.Ordinal): outputPath = a["--output=".Length..]; break;
                case "--ascii": ascii = true; break;
                case "--max-file-size": maxBytes = CommandLine.ParseMaxFileSize(Value(args, ref i)); break;
                case var a when a.StartsWith("--max-file-size=", StringComparison.Ordinal): maxBytes = CommandLine.ParseMaxFileSize(a["--max-file-size=".Length..]); break;
                case "--": paths.AddRange(args[(i + 1)..]); i = args.Length; break;
                case var a when a.StartsWith('-') && a.Length > 1: throw new CommandLine.UsageException($"unknown option '{a}'");
                default: paths.Add(args[i]); break;
            }
        }
        formatName ??= "json";
        ExchangeFormat format = default;
        if (formatName != "json" && !Exporter.TryParseFormat(formatName, out format))
            throw new CommandLine.UsageException($"unknown format '{formatName}' (expected bibtex, biblatex, csl-json, ris or json)");
        if (ascii && formatName != "bibtex") throw new CommandLine.UsageException("--ascii applies to --format bibtex only");
        if (paths.Count == 0) throw new CommandLine.UsageException("export needs at least one file or folder");

        // The same rules as check: regular files only, links inside the folders given, each file once.
        var selection = PaperFiles.Select(paths);
        var files = selection.Files;
        var ioFailed = selection.Problems.Count > 0;
        foreach (var (path, problem) in selection.Problems) error.WriteLine($"paperlsp: {path}: {problem}");
        foreach (var (path, reason) in selection.Skipped) error.WriteLine($"paperlsp: {path}: skipped: {reason}");

        var documents = new List<(string Path, PaperDocument Document)>();
        var errors = 0;
        foreach (var file in files)
        {
            if (!PaperFiles.TryRead(file, out var text, out var problem, maxBytes))
            {
                error.WriteLine($"paperlsp: {file}: {problem}");
                ioFailed = true;
                continue;
            }
            var document = PaperDocument.Parse(text);
            documents.Add((file, document));
            // What could not be read is exported as far as it goes (an entry without authors keeps its title) and said here.
            // The JSON export carries every entry's reading already, and stays as it always was: findings are check's job.
            if (formatName == "json") continue;
            foreach (var finding in DocumentAnalyzer.Analyze(document).Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                var start = finding.Range.Start;
                error.WriteLine($"{file}:{start.Line + 1}:{start.Character + 1}: error {finding.Code}: {finding.Message}");
                errors++;
            }
        }

        if (documents.Count == 0 && ioFailed) return CommandLine.UsageOrIoError;
        var writer = new StringWriter();
        if (formatName == "json") ExportOutput.WriteJson(documents, writer);
        else writer.Write(Exporter.Export(documents.SelectMany(d => PaperRecords.Read(d.Document)).ToList(), format, new ExportOptions(ascii)));
        if (!Emit(writer.ToString(), outputPath, output, error)) return CommandLine.UsageOrIoError;

        if (ioFailed) return CommandLine.UsageOrIoError;
        return errors > 0 ? CommandLine.FoundErrors : CommandLine.Clean;
    }

    public static int Import(string[] args, TextWriter output, TextWriter error)
    {
        string? formatName = null, outputPath = null;
        var allAuthors = false;
        var maxBytes = PaperFiles.DefaultMaxFileBytes;
        var paths = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--from": formatName = Value(args, ref i); break;
                case var a when a.StartsWith("--from=", StringComparison.Ordinal): formatName = a["--from=".Length..]; break;
                case "--output" or "-o": outputPath = Value(args, ref i); break;
                case var a when a.StartsWith("--output=", StringComparison.Ordinal): outputPath = a["--output=".Length..]; break;
                case "--all-authors": allAuthors = true; break;
                case "--max-file-size": maxBytes = CommandLine.ParseMaxFileSize(Value(args, ref i)); break;
                case var a when a.StartsWith("--max-file-size=", StringComparison.Ordinal): maxBytes = CommandLine.ParseMaxFileSize(a["--max-file-size=".Length..]); break;
                case "--": paths.AddRange(args[(i + 1)..]); i = args.Length; break;
                case var a when a.StartsWith('-') && a.Length > 1: throw new CommandLine.UsageException($"unknown option '{a}'");
                default: paths.Add(args[i]); break;
            }
        }
        if (formatName is null) throw new CommandLine.UsageException("import needs --from bibtex, biblatex, csl-json or ris");
        if (!Importer.TryParseFormat(formatName, out var format))
            throw new CommandLine.UsageException($"unknown format '{formatName}' (expected bibtex, biblatex, csl-json or ris)");
        if (paths.Count != 1) throw new CommandLine.UsageException("import takes exactly one file");

        var path = paths[0];
        if (FileKinds.Of(path) == FileKind.Directory)
        {
            error.WriteLine($"paperlsp: {path}: is a folder; import takes one file");
            return CommandLine.UsageOrIoError;
        }
        // TryRead refuses what is not a regular file (a FIFO would block) and what is over the size limit.
        if (!PaperFiles.TryRead(path, out var text, out var readProblem, maxBytes))
        {
            error.WriteLine($"paperlsp: {path}: {readProblem}");
            return CommandLine.UsageOrIoError;
        }

        var result = Importer.Read(text, format);
        foreach (var problem in result.Problems) error.WriteLine($"{path}:{problem.Line}: error: {problem.Message}");
        if (!Emit(PapersWriter.Write(result.Records, allAuthors), outputPath, output, error)) return CommandLine.UsageOrIoError;
        if (result.Problems.Count > 0)
            error.WriteLine($"{result.Records.Count} {(result.Records.Count == 1 ? "record" : "records")} imported, {result.Problems.Count} bad {(result.Problems.Count == 1 ? "record" : "records")} skipped.");
        return result.Problems.Count > 0 ? CommandLine.FoundErrors : CommandLine.Clean;
    }

    private static string Value(string[] args, ref int i)
    {
        if (i + 1 >= args.Length) throw new CommandLine.UsageException($"{args[i]} needs a value");
        return args[++i];
    }

    /// <summary>Writes to the file the user named, or to standard output.</summary>
    private static bool Emit(string text, string? outputPath, TextWriter output, TextWriter error)
    {
        if (outputPath is null)
        {
            output.Write(text);
            return true;
        }
        try
        {
            File.WriteAllText(outputPath, text, Utf8NoBom);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"paperlsp: {outputPath}: cannot write ({exception.Message.TrimEnd('.')})");
            return false;
        }
    }
}
