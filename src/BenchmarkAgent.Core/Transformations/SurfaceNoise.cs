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
            // Inner positions only, so the first and last letters stay: the word remains readable. Match.Value
            // allocates a new string on every read, so it is read once (reading it per position was quadratic).
            string value = word.Value;
            var positions = Enumerable.Range(1, value.Length - 3).Where(p => value[p] != value[p + 1]).ToList();
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
        var words = new List<Match>();
        foreach (Match match in LongWord().Matches(record.Input))
        {
            // One pass per word, linear in its length: a word longer than the answer cannot occur in it.
            ReadOnlySpan<char> word = record.Input.AsSpan(match.Index, match.Length);
            if (HasInnerSwap(word) && (word.Length > answer.Length || !answer.AsSpan().Contains(word, StringComparison.OrdinalIgnoreCase)))
            {
                words.Add(match);
            }
        }

        return words;
    }

    /// <summary>True when two adjacent inner letters differ (so swapping them changes the word).</summary>
    private static bool HasInnerSwap(ReadOnlySpan<char> word)
    {
        for (int p = 1; p < word.Length - 2; p++)
        {
            if (word[p] != word[p + 1])
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"(?<![\w'])[A-Za-z]{6,}(?![\w'])", RegexOptions.CultureInvariant)]
    private static partial Regex LongWord();
}
