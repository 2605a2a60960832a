namespace PaperLsp.Workspace;

/// <summary>
/// Which document of the workspace: a key that is the same however the document was reached (the client's URI of an
/// open file, a path found on disk). The protocol layer makes the key; Core only compares it.
/// </summary>
public readonly record struct DocumentId(string Key) : IComparable<DocumentId>
{
    public int CompareTo(DocumentId other) => string.CompareOrdinal(Key, other.Key);
    public override string ToString() => Key;
}
