namespace PaperLsp.Lsp;

/// <summary>Placeholder until the LSP host lands.</summary>
public static class LanguageServerHost
{
    public static Task<int> RunStdioAsync(string[] args) => throw new NotImplementedException();
}
