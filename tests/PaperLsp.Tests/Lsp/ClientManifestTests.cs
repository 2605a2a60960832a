using System.Text.Json;
using PaperLsp.Lsp;

namespace PaperLsp.Tests.Lsp;

/// <summary>The VS Code extension declares exactly the server's semantic token legend, so every token gets a colour.</summary>
public class ClientManifestTests
{
    [Test]
    public void Extension_contributes_every_token_type_and_modifier_of_the_legend_with_a_scope()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "client-vscode", "package.json")));
        var contributes = manifest.RootElement.GetProperty("contributes");
        var types = contributes.GetProperty("semanticTokenTypes").EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToList();
        var modifiers = contributes.GetProperty("semanticTokenModifiers").EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToList();
        var scopes = contributes.GetProperty("semanticTokenScopes")[0].GetProperty("scopes").EnumerateObject().Select(p => p.Name).ToList();

        Assert.That(types, Is.EquivalentTo(SemanticTokensLegendInfo.TokenTypes));
        Assert.That(modifiers, Is.EquivalentTo(SemanticTokensLegendInfo.TokenModifiers));
        Assert.That(scopes, Is.SupersetOf(SemanticTokensLegendInfo.TokenTypes));
    }
}
