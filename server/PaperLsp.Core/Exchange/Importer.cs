namespace PaperLsp.Exchange;

public enum ImportFormat { BibTeX, CslJson, Ris }

/// <summary>Reads a file of another tool into records; see <see cref="PapersWriter"/> for the list it becomes.</summary>
public static class Importer
{
    public static bool TryParseFormat(string name, out ImportFormat format)
    {
        (var ok, format) = name switch
        {
            "bibtex" or "biblatex" => (true, ImportFormat.BibTeX),
            "csl-json" => (true, ImportFormat.CslJson),
            "ris" => (true, ImportFormat.Ris),
            _ => (false, default),
        };
        return ok;
    }

    public static ImportResult Read(string text, ImportFormat format) => format switch
    {
        ImportFormat.BibTeX => BibTexReader.Read(text),
        ImportFormat.CslJson => CslJsonReader.Read(text),
        ImportFormat.Ris => RisReader.Read(text),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
