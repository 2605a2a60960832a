using System.Text;

namespace PaperLsp.Exchange;

/// <summary>
/// Canonical decomposition of the Latin letters with accents (Latin-1, Extended-A and B, Extended Additional), and the
/// composition back. The server runs with invariant globalization, where <see cref="string.Normalize()"/> changes
/// nothing, so TeX accents and ASCII folding need their own table. Generated from Unicode's decompositions, keeping the
/// letters whose marks all have a TeX accent command.
/// </summary>
internal static class LatinDecomposition
{
    private const string Table =
        "\u00C0A\u0300|\u00C1A\u0301|\u00C2A\u0302|\u00C3A\u0303|\u00C4A\u0308|\u00C5A\u030A|\u00C7C\u0327|\u00C8E\u0300|\u00C9E\u0301|\u00CAE\u0302|\u00CBE\u0308|\u00CCI\u0300|\u00CDI\u0301|\u00CEI\u0302|\u00CFI\u0308|\u00D1N\u0303|" +
        "\u00D2O\u0300|\u00D3O\u0301|\u00D4O\u0302|\u00D5O\u0303|\u00D6O\u0308|\u00D9U\u0300|\u00DAU\u0301|\u00DBU\u0302|\u00DCU\u0308|\u00DDY\u0301|\u00E0a\u0300|\u00E1a\u0301|\u00E2a\u0302|\u00E3a\u0303|\u00E4a\u0308|\u00E5a\u030A|" +
        "\u00E7c\u0327|\u00E8e\u0300|\u00E9e\u0301|\u00EAe\u0302|\u00EBe\u0308|\u00ECi\u0300|\u00EDi\u0301|\u00EEi\u0302|\u00EFi\u0308|\u00F1n\u0303|\u00F2o\u0300|\u00F3o\u0301|\u00F4o\u0302|\u00F5o\u0303|\u00F6o\u0308|\u00F9u\u0300|" +
        "\u00FAu\u0301|\u00FBu\u0302|\u00FCu\u0308|\u00FDy\u0301|\u00FFy\u0308|\u0100A\u0304|\u0101a\u0304|\u0102A\u0306|\u0103a\u0306|\u0104A\u0328|\u0105a\u0328|\u0106C\u0301|\u0107c\u0301|\u0108C\u0302|\u0109c\u0302|\u010AC\u0307|" +
        "\u010Bc\u0307|\u010CC\u030C|\u010Dc\u030C|\u010ED\u030C|\u010Fd\u030C|\u0112E\u0304|\u0113e\u0304|\u0114E\u0306|\u0115e\u0306|\u0116E\u0307|\u0117e\u0307|\u0118E\u0328|\u0119e\u0328|\u011AE\u030C|\u011Be\u030C|\u011CG\u0302|" +
        "\u011Dg\u0302|\u011EG\u0306|\u011Fg\u0306|\u0120G\u0307|\u0121g\u0307|\u0122G\u0327|\u0123g\u0327|\u0124H\u0302|\u0125h\u0302|\u0128I\u0303|\u0129i\u0303|\u012AI\u0304|\u012Bi\u0304|\u012CI\u0306|\u012Di\u0306|\u012EI\u0328|" +
        "\u012Fi\u0328|\u0130I\u0307|\u0134J\u0302|\u0135j\u0302|\u0136K\u0327|\u0137k\u0327|\u0139L\u0301|\u013Al\u0301|\u013BL\u0327|\u013Cl\u0327|\u013DL\u030C|\u013El\u030C|\u0143N\u0301|\u0144n\u0301|\u0145N\u0327|\u0146n\u0327|" +
        "\u0147N\u030C|\u0148n\u030C|\u014CO\u0304|\u014Do\u0304|\u014EO\u0306|\u014Fo\u0306|\u0150O\u030B|\u0151o\u030B|\u0154R\u0301|\u0155r\u0301|\u0156R\u0327|\u0157r\u0327|\u0158R\u030C|\u0159r\u030C|\u015AS\u0301|\u015Bs\u0301|" +
        "\u015CS\u0302|\u015Ds\u0302|\u015ES\u0327|\u015Fs\u0327|\u0160S\u030C|\u0161s\u030C|\u0162T\u0327|\u0163t\u0327|\u0164T\u030C|\u0165t\u030C|\u0168U\u0303|\u0169u\u0303|\u016AU\u0304|\u016Bu\u0304|\u016CU\u0306|\u016Du\u0306|" +
        "\u016EU\u030A|\u016Fu\u030A|\u0170U\u030B|\u0171u\u030B|\u0172U\u0328|\u0173u\u0328|\u0174W\u0302|\u0175w\u0302|\u0176Y\u0302|\u0177y\u0302|\u0178Y\u0308|\u0179Z\u0301|\u017Az\u0301|\u017BZ\u0307|\u017Cz\u0307|\u017DZ\u030C|" +
        "\u017Ez\u030C|\u01CDA\u030C|\u01CEa\u030C|\u01CFI\u030C|\u01D0i\u030C|\u01D1O\u030C|\u01D2o\u030C|\u01D3U\u030C|\u01D4u\u030C|\u01D5U\u0308\u0304|\u01D6u\u0308\u0304|\u01D7U\u0308\u0301|\u01D8u\u0308\u0301|\u01D9U\u0308\u030C|\u01DAu\u0308\u030C|\u01DBU\u0308\u0300|" +
        "\u01DCu\u0308\u0300|\u01DEA\u0308\u0304|\u01DFa\u0308\u0304|\u01E0A\u0307\u0304|\u01E1a\u0307\u0304|\u01E6G\u030C|\u01E7g\u030C|\u01E8K\u030C|\u01E9k\u030C|\u01EAO\u0328|\u01EBo\u0328|\u01ECO\u0328\u0304|\u01EDo\u0328\u0304|\u01F0j\u030C|\u01F4G\u0301|\u01F5g\u0301|" +
        "\u01F8N\u0300|\u01F9n\u0300|\u01FAA\u030A\u0301|\u01FBa\u030A\u0301|\u021EH\u030C|\u021Fh\u030C|\u0226A\u0307|\u0227a\u0307|\u0228E\u0327|\u0229e\u0327|\u022AO\u0308\u0304|\u022Bo\u0308\u0304|\u022CO\u0303\u0304|\u022Do\u0303\u0304|\u022EO\u0307|\u022Fo\u0307|" +
        "\u0230O\u0307\u0304|\u0231o\u0307\u0304|\u0232Y\u0304|\u0233y\u0304|\u1E02B\u0307|\u1E03b\u0307|\u1E04B\u0323|\u1E05b\u0323|\u1E06B\u0331|\u1E07b\u0331|\u1E08C\u0327\u0301|\u1E09c\u0327\u0301|\u1E0AD\u0307|\u1E0Bd\u0307|\u1E0CD\u0323|\u1E0Dd\u0323|" +
        "\u1E0ED\u0331|\u1E0Fd\u0331|\u1E10D\u0327|\u1E11d\u0327|\u1E14E\u0304\u0300|\u1E15e\u0304\u0300|\u1E16E\u0304\u0301|\u1E17e\u0304\u0301|\u1E1CE\u0327\u0306|\u1E1De\u0327\u0306|\u1E1EF\u0307|\u1E1Ff\u0307|\u1E20G\u0304|\u1E21g\u0304|\u1E22H\u0307|\u1E23h\u0307|" +
        "\u1E24H\u0323|\u1E25h\u0323|\u1E26H\u0308|\u1E27h\u0308|\u1E28H\u0327|\u1E29h\u0327|\u1E2EI\u0308\u0301|\u1E2Fi\u0308\u0301|\u1E30K\u0301|\u1E31k\u0301|\u1E32K\u0323|\u1E33k\u0323|\u1E34K\u0331|\u1E35k\u0331|\u1E36L\u0323|\u1E37l\u0323|" +
        "\u1E38L\u0323\u0304|\u1E39l\u0323\u0304|\u1E3AL\u0331|\u1E3Bl\u0331|\u1E3EM\u0301|\u1E3Fm\u0301|\u1E40M\u0307|\u1E41m\u0307|\u1E42M\u0323|\u1E43m\u0323|\u1E44N\u0307|\u1E45n\u0307|\u1E46N\u0323|\u1E47n\u0323|\u1E48N\u0331|\u1E49n\u0331|" +
        "\u1E4CO\u0303\u0301|\u1E4Do\u0303\u0301|\u1E4EO\u0303\u0308|\u1E4Fo\u0303\u0308|\u1E50O\u0304\u0300|\u1E51o\u0304\u0300|\u1E52O\u0304\u0301|\u1E53o\u0304\u0301|\u1E54P\u0301|\u1E55p\u0301|\u1E56P\u0307|\u1E57p\u0307|\u1E58R\u0307|\u1E59r\u0307|\u1E5AR\u0323|\u1E5Br\u0323|" +
        "\u1E5CR\u0323\u0304|\u1E5Dr\u0323\u0304|\u1E5ER\u0331|\u1E5Fr\u0331|\u1E60S\u0307|\u1E61s\u0307|\u1E62S\u0323|\u1E63s\u0323|\u1E64S\u0301\u0307|\u1E65s\u0301\u0307|\u1E66S\u030C\u0307|\u1E67s\u030C\u0307|\u1E68S\u0323\u0307|\u1E69s\u0323\u0307|\u1E6AT\u0307|\u1E6Bt\u0307|" +
        "\u1E6CT\u0323|\u1E6Dt\u0323|\u1E6ET\u0331|\u1E6Ft\u0331|\u1E78U\u0303\u0301|\u1E79u\u0303\u0301|\u1E7AU\u0304\u0308|\u1E7Bu\u0304\u0308|\u1E7CV\u0303|\u1E7Dv\u0303|\u1E7EV\u0323|\u1E7Fv\u0323|\u1E80W\u0300|\u1E81w\u0300|\u1E82W\u0301|\u1E83w\u0301|" +
        "\u1E84W\u0308|\u1E85w\u0308|\u1E86W\u0307|\u1E87w\u0307|\u1E88W\u0323|\u1E89w\u0323|\u1E8AX\u0307|\u1E8Bx\u0307|\u1E8CX\u0308|\u1E8Dx\u0308|\u1E8EY\u0307|\u1E8Fy\u0307|\u1E90Z\u0302|\u1E91z\u0302|\u1E92Z\u0323|\u1E93z\u0323|" +
        "\u1E94Z\u0331|\u1E95z\u0331|\u1E96h\u0331|\u1E97t\u0308|\u1E98w\u030A|\u1E99y\u030A|\u1EA0A\u0323|\u1EA1a\u0323|\u1EA4A\u0302\u0301|\u1EA5a\u0302\u0301|\u1EA6A\u0302\u0300|\u1EA7a\u0302\u0300|\u1EAAA\u0302\u0303|\u1EABa\u0302\u0303|\u1EACA\u0323\u0302|\u1EADa\u0323\u0302|" +
        "\u1EAEA\u0306\u0301|\u1EAFa\u0306\u0301|\u1EB0A\u0306\u0300|\u1EB1a\u0306\u0300|\u1EB4A\u0306\u0303|\u1EB5a\u0306\u0303|\u1EB6A\u0323\u0306|\u1EB7a\u0323\u0306|\u1EB8E\u0323|\u1EB9e\u0323|\u1EBCE\u0303|\u1EBDe\u0303|\u1EBEE\u0302\u0301|\u1EBFe\u0302\u0301|\u1EC0E\u0302\u0300|\u1EC1e\u0302\u0300|" +
        "\u1EC4E\u0302\u0303|\u1EC5e\u0302\u0303|\u1EC6E\u0323\u0302|\u1EC7e\u0323\u0302|\u1ECAI\u0323|\u1ECBi\u0323|\u1ECCO\u0323|\u1ECDo\u0323|\u1ED0O\u0302\u0301|\u1ED1o\u0302\u0301|\u1ED2O\u0302\u0300|\u1ED3o\u0302\u0300|\u1ED6O\u0302\u0303|\u1ED7o\u0302\u0303|\u1ED8O\u0323\u0302|\u1ED9o\u0323\u0302|" +
        "\u1EE4U\u0323|\u1EE5u\u0323|\u1EF2Y\u0300|\u1EF3y\u0300|\u1EF4Y\u0323|\u1EF5y\u0323|\u1EF8Y\u0303|\u1EF9y\u0303";

    private static readonly Dictionary<char, string> Decompositions = Build();
    private static readonly Dictionary<string, char> Compositions = Decompositions.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
    private static readonly int LongestDecomposition = Decompositions.Values.Max(v => v.Length);

    private static Dictionary<char, string> Build()
    {
        var table = new Dictionary<char, string>();
        foreach (var pair in Table.Split('|')) table[pair[0]] = pair[1..];
        return table;
    }

    /// <summary>Each accented letter as its base letter and combining marks: é → e + U+0301.</summary>
    public static string Decompose(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (Decompositions.TryGetValue(text[i], out var parts))
            {
                builder ??= new StringBuilder(text.Length + 8).Append(text, 0, i);
                builder.Append(parts);
            }
            else builder?.Append(text[i]);
        }
        return builder?.ToString() ?? text;
    }

    /// <summary>A base letter followed by combining marks, as one letter where Unicode has it: e + U+0301 → é.</summary>
    public static string Compose(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var marks = 0;
            while (i + 1 + marks < text.Length && marks < LongestDecomposition - 1 && IsMark(text[i + 1 + marks])) marks++;
            var composed = false;
            for (var length = marks; length >= 1; length--)
            {
                if (Compositions.TryGetValue(text.Substring(i, length + 1), out var letter))
                {
                    builder ??= new StringBuilder(text.Length).Append(text, 0, i);
                    builder.Append(letter);
                    i += length;
                    composed = true;
                    break;
                }
            }
            if (!composed) builder?.Append(text[i]);
        }
        return builder?.ToString() ?? text;
    }

    private static bool IsMark(char c) => c is >= '\u0300' and <= '\u036F';
}
