using System.Collections.Immutable;
using PaperLsp.Analysis;
using PaperLsp.Syntax;
using PaperLsp.Text;

namespace PaperLsp.Lsp.Workspace;

/// <summary>
/// The open documents, by URI. Mutated only from the request queue's exclusive items (didOpen/didChange/didClose), in
/// arrival order; readers take <see cref="Current"/>, an immutable map of immutable snapshots, and never lock.
/// Each document has a <see cref="TitleIndex"/> that follows its edits through <see cref="PaperDocument.Deltas"/>;
/// watchers of <see cref="Changed"/> (the workspace index) do the same entry by entry:
/// <c>change.Current.Document.Deltas</c> says which items every change of the didChange removed and added.
/// </summary>
public sealed class DocumentStore
{
    private readonly Dictionary<string, TitleIndex> titleIndexes = new(StringComparer.Ordinal);
    private long revision;

    public ImmutableDictionary<string, DocumentSnapshot> Current { get; private set; } =
        ImmutableDictionary.Create<string, DocumentSnapshot>(StringComparer.Ordinal);

    /// <summary>Raised on the queue after every change, in order.</summary>
    public event Action<DocumentChange>? Changed;

    public DocumentSnapshot? Get(string uri) => Current.GetValueOrDefault(uri);

    /// <summary>The live title index of an open document. Only for exclusive queue items: it changes with every edit.</summary>
    public TitleIndex? GetTitleIndex(string uri) => titleIndexes.GetValueOrDefault(uri);

    public DocumentSnapshot Open(string uri, int version, string text) => Open(uri, version, PaperDocument.Parse(text));

    /// <summary>Opens a document read from UTF-8 (a large didOpen's text, unescaped in its message body).</summary>
    public DocumentSnapshot Open(string uri, int version, Utf8Text text) => Open(uri, version, PaperDocument.Parse(text));

    private DocumentSnapshot Open(string uri, int version, PaperDocument document)
    {
        var previous = Get(uri);
        var titles = TitleIndex.Build(document);
        titleIndexes[uri] = titles;
        return Publish(uri, previous, new DocumentSnapshot(uri, version, ++revision, document, titles.DuplicatedKeys.ToImmutableHashSet(StringComparer.Ordinal)));
    }

    /// <summary>
    /// Applies changes in order to the open document, all or nothing: every change is converted and applied to the
    /// (immutable) document first, and only when all succeeded do the title index and the store move on. A change that
    /// throws leaves both exactly as they were.
    /// </summary>
    public DocumentSnapshot Change(string uri, int version, IEnumerable<Func<PaperDocument, TextChange>> changes)
    {
        var previous = Get(uri) ?? throw new InvalidOperationException($"{uri} is not open");
        // Each change is converted against the document as the previous ones left it, as LSP requires; the document is
        // immutable, so a change that throws here leaves nothing touched. The new document carries the delta of every
        // change, so watchers of Changed see all of them, not just the last.
        var document = previous.Document.Apply(changes);

        var titles = titleIndexes[uri];
        var duplicated = previous.DuplicatedTitleKeys;
        try
        {
            if (document.Deltas.Count == 0)
            {
                titles = TitleIndex.Build(document);
                duplicated = titles.DuplicatedKeys.ToImmutableHashSet(StringComparer.Ordinal);
            }
            foreach (var delta in document.Deltas)
            {
                titles.Apply(delta);
                duplicated = FollowDuplicates(duplicated, titles, delta);
            }
        }
        catch (Exception)
        {
            // The index is mutable and may be half-updated: rebuild it from the text, which is the truth.
            titles = TitleIndex.Build(document);
            duplicated = titles.DuplicatedKeys.ToImmutableHashSet(StringComparer.Ordinal);
        }
        titleIndexes[uri] = titles;
        return Publish(uri, previous, new DocumentSnapshot(uri, version, ++revision, document, duplicated));
    }

    public void Close(string uri)
    {
        var previous = Get(uri);
        if (previous is null) return;
        titleIndexes.Remove(uri);
        Current = Current.Remove(uri);
        revision++;
        Changed?.Invoke(new DocumentChange(uri, previous, null));
    }

    private DocumentSnapshot Publish(string uri, DocumentSnapshot? previous, DocumentSnapshot current)
    {
        Current = Current.SetItem(uri, current);
        Changed?.Invoke(new DocumentChange(uri, previous, current));
        return current;
    }

    /// <summary>Only the keys of the entries an edit removed or added can change their duplicated state: touch just those.</summary>
    private static ImmutableHashSet<string> FollowDuplicates(ImmutableHashSet<string> frozen, TitleIndex titles, ItemDelta? delta)
    {
        if (delta is null) return titles.DuplicatedKeys.ToImmutableHashSet(StringComparer.Ordinal);
        foreach (var item in delta.Removed.Concat(delta.Added))
        {
            if (item is not EntryNode entry) continue;
            var key = entry.TitleKey;
            var isDuplicated = titles.DuplicatedKeys.Contains(key);
            if (isDuplicated != frozen.Contains(key)) frozen = isDuplicated ? frozen.Add(key) : frozen.Remove(key);
        }
        return frozen;
    }
}
