using PaperLsp.Diagnostics;
using PaperLsp.Text;

namespace PaperLsp.Analysis;

/// <summary>A place a finding points to: in the finding's own document when <see cref="Document"/> is null, else in that one
/// (whose text the range must be converted against: UTF-8 columns differ per file).</summary>
public sealed record RelatedLocation(TextRange Range, string Message, PaperLsp.Workspace.DocumentId? Document = null);

/// <summary>A finding at an absolute range, ready to show. Protocol-free: the LSP layer converts it.</summary>
public sealed record PaperDiagnostic(DiagnosticDescriptor Descriptor, TextRange Range, string Message, IReadOnlyList<RelatedLocation> Related)
{
    public string Code => Descriptor.Code;
    public DiagnosticSeverity Severity => Descriptor.Severity;
}
