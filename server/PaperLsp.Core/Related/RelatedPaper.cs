using PaperLsp.Workspace;

namespace PaperLsp.Related;

/// <summary>An entry related to the one asked about: how strongly (higher is closer; comparable within one answer), and
/// why, as short human strings for a quick pick or a hover (<c>2 shared authors: Yejin Choi, Noah A. Smith</c>).</summary>
public sealed record RelatedPaper(EntryRef Entry, double Score, IReadOnlyList<string> Reasons);
