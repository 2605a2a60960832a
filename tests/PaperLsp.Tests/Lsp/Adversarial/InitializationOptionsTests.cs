using Newtonsoft.Json.Linq;
using PaperLsp.Lsp.Features;

namespace PaperLsp.Tests.Lsp.Adversarial;

/// <summary>Family "lifecycle", in-process: every initialization option with every kind of bad value gets a warning and its default.</summary>
public class InitializationOptionsTests
{
    private static (InitializationOptions Options, List<string> Warnings) Read(string json)
    {
        var warnings = new List<string>();
        return (InitializationOptions.Read(JToken.Parse(json), warnings), warnings);
    }

    [TestCase("{\"diagnosticsDelayMs\":\"abc\"}")]
    [TestCase("{\"diagnosticsDelayMs\":1e20}")]
    [TestCase("{\"diagnosticsDelayMs\":99999999999999999999999}")]
    [TestCase("{\"diagnosticsDelayMs\":-1}")]
    [TestCase("{\"diagnosticsDelayMs\":10001}")]
    [TestCase("{\"diagnosticsDelayMs\":12.5}")]
    [TestCase("{\"diagnosticsDelayMs\":true}")]
    [TestCase("{\"diagnosticsDelayMs\":[]}")]
    [TestCase("{\"pushDiagnostics\":\"yes\"}")]
    [TestCase("{\"pushDiagnostics\":1}")]
    [TestCase("{\"pushDiagnostics\":{}}")]
    [TestCase("{\"logLevel\":{}}")]
    [TestCase("{\"logLevel\":5}")]
    [TestCase("{\"logLevel\":\"loud\"}")]
    [TestCase("{\"testDelayMs\":{\"textDocument/documentSymbol\":-1}}")]
    [TestCase("{\"indexWorkspace\":\"no\"}")]
    [TestCase("{\"indexWorkspace\":0}")]
    [TestCase("{\"maxCompletionItems\":0}")]
    [TestCase("{\"maxCompletionItems\":-3}")]
    [TestCase("{\"maxCompletionItems\":2.5}")]
    [TestCase("{\"maxCompletionItems\":1e300}")]
    [TestCase("{\"maxCompletionItems\":\"50\"}")]
    [TestCase("\"options\"")]
    [TestCase("[1]")]
    [TestCase("42")]
    public void A_bad_value_is_one_warning_and_the_default(string json)
    {
        var (options, warnings) = Read(json);
        Assert.That(options, Is.EqualTo(new InitializationOptions(null, null, null)));
        Assert.That(warnings, Has.Count.EqualTo(1));
    }

    [Test]
    public void Good_values_are_read_and_a_bad_one_costs_only_itself()
    {
        var (options, warnings) = Read("{\"logLevel\":\"debug\",\"pushDiagnostics\":false,\"diagnosticsDelayMs\":250.0,\"other\":1}");
        Assert.That(options, Is.EqualTo(new InitializationOptions(Microsoft.Extensions.Logging.LogLevel.Debug, false, TimeSpan.FromMilliseconds(250))));
        Assert.That(warnings, Is.EqualTo(new[] { "Unknown initialization option 'other' ignored" }));

        (options, warnings) = Read("{\"logLevel\":\"debug\",\"pushDiagnostics\":\"no\",\"diagnosticsDelayMs\":0}");
        Assert.That(options, Is.EqualTo(new InitializationOptions(Microsoft.Extensions.Logging.LogLevel.Debug, null, TimeSpan.Zero)));
        Assert.That(warnings, Has.Count.EqualTo(1));
    }

    [Test]
    public void The_workspace_options_are_read()
    {
        var (options, warnings) = Read("{\"indexWorkspace\":false,\"maxCompletionItems\":20.0}");
        Assert.That(options, Is.EqualTo(new InitializationOptions(null, null, null) { IndexWorkspace = false, MaxCompletionItems = 20 }));
        Assert.That(warnings, Is.Empty);
    }

    [TestCase("null")]
    [TestCase("{}")]
    [TestCase("{\"logLevel\":null,\"pushDiagnostics\":null,\"diagnosticsDelayMs\":null}")]
    public void Absent_or_null_options_are_the_defaults_without_a_warning(string json)
    {
        var (options, warnings) = Read(json);
        Assert.That(options, Is.EqualTo(new InitializationOptions(null, null, null)));
        Assert.That(warnings, Is.Empty);
    }
}
