using System.Globalization;

namespace PaperLsp.Tests.Duplicates.Evaluation;

/// <summary>
/// How one rule does on the labelled pairs: copies (exact and same) are the positives, different papers the negatives;
/// possible pairs count in neither and are reported apart.
/// </summary>
public sealed record PairScore(string Rule, int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives, int PossibleFlagged, int PossibleTotal,
    IReadOnlyList<LabelledPair> Missed, IReadOnlyList<LabelledPair> WronglyFlagged)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1.0 : TruePositives / (double)(TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1.0 : TruePositives / (double)(TruePositives + FalseNegatives);

    public static PairScore Measure(string rule, IReadOnlyList<LabelledPair> pairs, Func<LabelledPair, bool> flags)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0, possibleFlagged = 0, possible = 0;
        var missed = new List<LabelledPair>();
        var wrong = new List<LabelledPair>();
        foreach (var pair in pairs)
        {
            var flagged = flags(pair);
            switch (pair.Label)
            {
                case PairLabel.Possible:
                    possible++;
                    if (flagged) possibleFlagged++;
                    break;
                case PairLabel.Different when flagged:
                    fp++;
                    wrong.Add(pair);
                    break;
                case PairLabel.Different:
                    tn++;
                    break;
                default:
                    if (flagged) tp++;
                    else
                    {
                        fn++;
                        missed.Add(pair);
                    }
                    break;
            }
        }
        return new PairScore(rule, tp, fp, fn, tn, possibleFlagged, possible, missed, wrong);
    }

    public const string TableHeader = "| rule | copies flagged (recall) | different papers flagged | precision | possible pairs flagged |\n|---|---|---|---|---|";

    public string TableRow => string.Create(CultureInfo.InvariantCulture,
        $"| {Rule} | {TruePositives}/{TruePositives + FalseNegatives} ({Recall:F2}) | {FalsePositives}/{FalsePositives + TrueNegatives} | {Precision:F2} | {PossibleFlagged}/{PossibleTotal} |");
}
