using Microsoft.Extensions.Logging.Abstractions;
using PaperLsp.Lsp;
using PaperLsp.Lsp.Logging;
using PaperLsp.Lsp.Protocol;

namespace PaperLsp.Tests.Lsp;

/// <summary>Small documents and an in-memory session for handler tests (no process, no JSON-RPC).</summary>
internal static class TestDocuments
{
    /// <summary>Non-ASCII and astral characters before, inside and after the spans: 𝔸 and emoji are two UTF-16 units and four UTF-8 bytes.</summary>
    public const string Unicode =
        "29.4CLMay 25, 2022\n" +
        "𝔸 Study of 🚀 Rockets | Ekin Akyürek, Jane Doe et al. · mit\n" +
        "An abstract with 𝔸 and 🙂 in it.\n" +
        "\n" +
        "Plain Title Here | José Müller, Zoë 𝔅ern\n" +
        "Another abstract 🙂.\n";

    public const string Sections =
        "// paperlsp-ignore-file PL0206 -- a reason\n" +
        "// second comment line\n" +
        "# Reading\n" +
        "Attention Is All You Need | Ashish Vaswani, Noam Shazeer et al.\n" +
        "The dominant sequence transduction models.\n" +
        "## Later\n" +
        "4.9CLJun 15, 2023Code\n" +
        "Deep Residual Learning | Kaiming He, Xiangyu Zhang\n" +
        "We present a residual learning framework.\n" +
        "\n" +
        "# Done\n" +
        "Attention Is All You Need | Someone Else\n" +
        "Another copy of the same title.\n";

    public static string Seed => File.ReadAllText(TestPaths.SeedPapers);

    /// <summary>
    /// A session for handler tests, which call handlers directly instead of through the ordered queue. Pushed diagnostics
    /// are held back for an hour so that no background analysis runs against the store while a test edits it; tests
    /// that want diagnostics ask the publisher for them.
    /// </summary>
    public static ServerSession NewSession(PositionEncoding encoding = PositionEncoding.Utf16) =>
        new(new LanguageServerOptions { DiagnosticsDelay = TimeSpan.FromHours(1) }, NullLoggerFactory.Instance, new LogLevelSwitch(), (_, _) => Task.CompletedTask)
        {
            Converter = new ProtocolConverter(encoding),
        };

    public static TextDocumentIdentifier Id(string uri) => new() { Uri = uri };
}
