using System.Collections.Immutable;
using PaperLsp.Syntax;

namespace PaperLsp.Lsp.Workspace;

/// <summary>
/// One open document at one version: immutable, so a request can keep reading it while later edits are applied.
/// <see cref="Revision"/> grows with every change the store makes (also across close and reopen), so it identifies
/// a snapshot even when a client reuses version numbers. <see cref="DuplicatedTitleKeys"/> is a frozen copy of the
/// title index's duplicated keys at this version (the index itself is mutable and owned by the store).
/// </summary>
public sealed record DocumentSnapshot(string Uri, int Version, long Revision, PaperDocument Document, ImmutableHashSet<string> DuplicatedTitleKeys);

/// <summary>What changed in the store: a document opened (Previous null), changed, or closed (Current null).</summary>
public sealed record DocumentChange(string Uri, DocumentSnapshot? Previous, DocumentSnapshot? Current);
