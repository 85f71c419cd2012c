using System.Text;
using System.Text.RegularExpressions;
using BenchmarkAgent.Grounding;

namespace BenchmarkAgent.Transformations;

/// <summary>
/// Adds deterministic typos: swaps two adjacent inner letters in one to three long, letters-only words of
/// the question. Numbers, options and words of the answer are never touched.
/// </summary>
internal sealed partial class SurfaceNoise : RecordTransformation
{
    /// <summary>The shortest word that may get a typo.</summary>
    public const int MinWordLength = 6;

    /// <inheritdoc/>
    public override string Name => "surface-noise";

    /// <inheritdoc/>
    public override double Simplicity => 0.9;

    /// <inheritdoc/>
    public override double Risk => 0.1;

    /// <inheritdoc/>
    public override bool AppliesTo(DatasetRecord record, AnswerType type) => Words(record).Count > 0;

    /// <inheritdoc/>
    public override TransformedRecord? Transform(DatasetRecord record, AnswerType type, IReadOnlyList<DatasetRecord> pool, DeterministicRandom rng)
    {
        var words = Words(record);
        if (words.Count == 0)
        {
            return null;
        }

        int count = Math.Min(words.Count, rng.Between(1, 3));
        var chosen = rng.Shuffle(words).Take(count).OrderBy(m => m.Index).ToList();
        var builder = new StringBuilder(record.Input);
        foreach (var word in chosen)
        {
            // Inner positions only, so the first and last letters stay: the word remains readable.
            var positions = Enumerable.Range(1, word.Length - 3).Where(p => word.Value[p] != word.Value[p + 1]).ToList();
            if (positions.Count == 0)
            {
                continue;
            }

            int p = word.Index + rng.Pick(positions);
            (builder[p], builder[p + 1]) = (builder[p + 1], builder[p]);
        }

        string input = builder.ToString();
        return input == record.Input ? null : new TransformedRecord(record with { Input = input }, type);
    }

    private static List<Match> Words(DatasetRecord record)
    {
        string answer = AnswerInference.FinalAnswer(record.Output);
        return LongWord().Matches(record.Input)
            .Where(m => !answer.Contains(m.Value, StringComparison.OrdinalIgnoreCase))
            .Where(m => Enumerable.Range(1, m.Length - 3).Any(p => m.Value[p] != m.Value[p + 1]))
            .ToList();
    }

    [GeneratedRegex(@"(?<![\w'])[A-Za-z]{6,}(?![\w'])", RegexOptions.CultureInvariant)]
    private static partial Regex LongWord();
}
