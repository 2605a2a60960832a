using PaperLsp.Analysis;
using PaperLsp.Duplicates;
using PaperLsp.Syntax;
using PaperLsp.Workspace;

namespace PaperLsp.Cli;

/// <summary>
/// <c>paperlsp check</c>, <c>paperlsp export</c> and <c>paperlsp import</c>. Exit codes: 0 clean (or only warnings and hints), 1 errors found,
/// 2 usage or IO errors, each reported as one line on stderr with no stack trace.
/// </summary>
public static class CommandLine
{
    public const int Clean = 0;
    public const int FoundErrors = 1;
    public const int UsageOrIoError = 2;

    public const string Usage =
        """
        Usage:
          paperlsp                         run the language server over stdio (same as --stdio)
          paperlsp check [--format text|json] [--max-file-size SIZE] PATH...
                                           report problems in .papers files; folders are searched for *.papers
          paperlsp export --format bibtex|biblatex|csl-json|ris|json [--ascii] [--output FILE] [--max-file-size SIZE] PATH...
                                           export every entry of files and folders (--ascii: TeX accents for classic BibTeX)
          paperlsp import --from bibtex|biblatex|csl-json|ris [--all-authors] [--output FILE] [--max-file-size SIZE] FILE
                                           print a .papers list made from another tool's file
          paperlsp --help | --version

        Only regular files are read, up to 100M each unless --max-file-size says otherwise (e.g. 500M, 1G; at most 1G).
        In a folder, links are followed only to places inside the folders given, and no folder is searched twice.
        Exit codes: 0 clean or only warnings/hints, 1 errors found (import: bad records), 2 usage or IO error.
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            return args[0] switch
            {
                "check" => Check(args[1..], output, error),
                "export" => ExchangeCommands.Export(args[1..], output, error),
                "import" => ExchangeCommands.Import(args[1..], output, error),
                "--help" or "-h" or "help" => Help(output),
                "--version" => Version(output),
                _ => UsageError(error, $"unknown command '{args[0]}'"),
            };
        }
        catch (UsageException exception)
        {
            return UsageError(error, exception.Message);
        }
    }

    private static int Help(TextWriter output)
    {
        output.WriteLine(Usage);
        return Clean;
    }

    private static int Version(TextWriter output)
    {
        output.WriteLine($"paperlsp {typeof(CommandLine).Assembly.GetName().Version?.ToString(3)}");
        return Clean;
    }

    private static int UsageError(TextWriter error, string message)
    {
        error.WriteLine($"paperlsp: {message}. Run 'paperlsp --help' for usage.");
        return UsageOrIoError;
    }

    private static int Check(string[] args, TextWriter output, TextWriter error)
    {
        var (format, paths, maxBytes) = ParseOptions(args, allowed: ["text", "json"], defaultFormat: "text");
        if (paths.Count == 0) throw new UsageException("check needs at least one file or folder");

        var selection = PaperFiles.Select(paths);
        var ioFailed = selection.Problems.Count > 0;
        foreach (var (path, problem) in selection.Problems) error.WriteLine($"paperlsp: {path}: {problem}");
        foreach (var (path, reason) in selection.Skipped) error.WriteLine($"paperlsp: {path}: skipped: {reason}");

        var documents = new List<(DocumentId Id, PaperDocument Document)>();
        foreach (var file in selection.Files)
        {
            if (!PaperFiles.TryRead(file, out var text, out var problem, maxBytes))
            {
                error.WriteLine($"paperlsp: {file}: {problem}");
                ioFailed = true;
                continue;
            }
            documents.Add((new DocumentId(file), PaperDocument.Parse(text)));
        }

        // One index over every file given, so a paper pasted into two lists is found in both.
        var duplicates = DuplicateIndex.Build(documents);
        var byId = documents.ToDictionary(pair => pair.Id, pair => pair.Document);
        var results = new List<CheckedFile>();
        foreach (var (id, document) in documents)
        {
            var findings = DuplicateFindings.For(id, document, duplicates, other => byId.GetValueOrDefault(other), other => other.Key, CancellationToken.None);
            results.Add(new CheckedFile(id.Key, DocumentAnalyzer.Analyze(document, findings)));
        }

        var report = new CheckReport(results);
        if (format == "json") CheckOutput.WriteJson(report, output);
        else CheckOutput.WriteText(report, output);

        if (ioFailed) return UsageOrIoError;
        return report.ErrorCount > 0 ? FoundErrors : Clean;
    }

    private static (string Format, List<string> Paths, long MaxFileBytes) ParseOptions(string[] args, string[] allowed, string defaultFormat)
    {
        var format = defaultFormat;
        var maxBytes = PaperFiles.DefaultMaxFileBytes;
        var paths = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? value = null, size = null;
            if (arg == "--format")
            {
                if (i + 1 >= args.Length) throw new UsageException("--format needs a value");
                value = args[++i];
            }
            else if (arg.StartsWith("--format=", StringComparison.Ordinal)) value = arg["--format=".Length..];
            else if (arg == "--max-file-size")
            {
                if (i + 1 >= args.Length) throw new UsageException("--max-file-size needs a value");
                size = args[++i];
            }
            else if (arg.StartsWith("--max-file-size=", StringComparison.Ordinal)) size = arg["--max-file-size=".Length..];
            else if (arg == "--") { paths.AddRange(args[(i + 1)..]); break; }
            else if (arg.StartsWith('-') && arg.Length > 1) throw new UsageException($"unknown option '{arg}'");
            else paths.Add(arg);

            if (value is not null)
            {
                if (!allowed.Contains(value)) throw new UsageException($"unknown format '{value}' (expected {string.Join(" or ", allowed)})");
                format = value;
            }
            if (size is not null) maxBytes = ParseMaxFileSize(size);
        }
        return (format, paths, maxBytes);
    }

    /// <summary>The value of --max-file-size, for every command that reads files.</summary>
    internal static long ParseMaxFileSize(string size) =>
        PaperFiles.TryParseSize(size, out var bytes) ? bytes
        : throw new UsageException($"--max-file-size '{size}' is not a size from 1 byte to 1G (e.g. 200M)");

    internal sealed class UsageException(string message) : Exception(message);
}
