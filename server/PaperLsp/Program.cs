using PaperLsp.Cli;
using PaperLsp.Lsp;

namespace PaperLsp;

/// <summary>One executable: with no arguments or <c>--stdio</c> it is the language server; otherwise the CLI.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || (args.Length == 1 && args[0] == "--stdio"))
            return await LanguageServerHost.RunStdioAsync(args);
        return CommandLine.Run(args, Console.Out, Console.Error);
    }
}
