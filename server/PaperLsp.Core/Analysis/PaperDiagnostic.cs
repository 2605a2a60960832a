using PaperLsp.Diagnostics;
using PaperLsp.Text;

namespace PaperLsp.Analysis;

public sealed record RelatedLocation(TextRange Range, string Message);

/// <summary>A finding at an absolute range, ready to show. Protocol-free: the LSP layer converts it.</summary>
public sealed record PaperDiagnostic(DiagnosticDescriptor Descriptor, TextRange Range, string Message, IReadOnlyList<RelatedLocation> Related)
{
    public string Code => Descriptor.Code;
    public DiagnosticSeverity Severity => Descriptor.Severity;
}
