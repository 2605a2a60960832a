namespace PaperLsp.Lsp;

/// <summary>Runs the language server over stdin/stdout. Stdout belongs to the protocol: Console.Out is sent to stderr.</summary>
public static class LanguageServerHost
{
    public static async Task<int> RunStdioAsync(string[] args)
    {
        var transportNote = Transport.StdioBuffers.Widen();
        var input = Console.OpenStandardInput();
        var output = Console.OpenStandardOutput();
        Console.SetOut(Console.Error);
        await using var server = new LanguageServer(input, output, new LanguageServerOptions { TransportNote = transportNote });
        return await server.RunAsync();
    }
}
