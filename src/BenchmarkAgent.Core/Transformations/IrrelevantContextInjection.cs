using System.Text.RegularExpressions;
using BenchmarkAgent.Grounding;

namespace BenchmarkAgent.Transformations;

/// <summary>
/// Inserts one to three sentences from other records' questions, marked as unrelated background, before
/// the question sentence (which stays last). Sentences with digits or number words are never used, so the
/// background cannot change the answer.
/// </summary>
internal sealed partial class IrrelevantContextInjection : RecordTransformation
{
    /// <summary>The marker that introduces the injected sentences.</summary>
    public const string Marker = "(Unrelated background:";

    private static readonly HashSet<string> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
        "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion",
        "half", "halves", "twice", "thrice", "double", "triple", "dozen", "dozens", "quarter", "third", "percent",
        "once", "single", "pair", "pairs", "couple", "each", "every", "per", "all", "none", "more", "less", "fewer", "times",
        "both", "several", "many", "few", "twelfth", "second", "first",
    };

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DatasetRecord, IReadOnlyList<(string, HashSet<string>)>> NeutralCache = new();

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "If", "How", "What", "When", "Where", "Which", "Who", "Why", "In", "On", "At", "For", "After",
        "Before", "Each", "Every", "Some", "And", "But", "So", "To", "Of", "With", "As", "I", "We", "You", "During", "While",
    };

    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal)
    {
        "He", "She", "They", "It", "His", "Her", "Their", "Its", "This", "That", "These", "Those", "Then", "There",
    };

    /// <inheritdoc/>
    public override string Name => "irrelevant-context-injection";

    /// <inheritdoc/>
    public override double Simplicity => 0.85;

    /// <inheritdoc/>
    public override double Risk => 0.1;

    /// <inheritdoc/>
    public override bool AppliesTo(DatasetRecord record, AnswerType type) => record.Input.Trim().Length > 0;

    /// <inheritdoc/>
    public override TransformedRecord? Transform(DatasetRecord record, AnswerType type, IReadOnlyList<DatasetRecord> pool, DeterministicRandom rng)
    {
        var candidates = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var names = Capitalised(record.Input);
        for (int i = 0; i < 40 && pool.Count > 0 && candidates.Count < 12; i++)
        {
            var other = pool[rng.Next(pool.Count)];
            if (other.Id == record.Id || other.Input == record.Input)
            {
                continue;
            }

            foreach (var (sentence, sentenceNames) in NeutralSentences(other))
            {
                if (!sentenceNames.Overlaps(names) && seen.Add(sentence))
                {
                    candidates.Add(sentence);
                }
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        int count = Math.Min(candidates.Count, rng.Between(1, 3));
        var chosen = rng.Shuffle(candidates).Take(count);
        string background = $"{Marker} {string.Join(" ", chosen)})";
        var sentences = SentenceText.Split(record.Input);
        string question = sentences[^1];
        string body = string.Join(" ", sentences.Take(sentences.Count - 1));
        string input = body.Length == 0 ? $"{background}\n{question}" : $"{body}\n{background}\n{question}";
        return new TransformedRecord(record with { Input = input }, type);
    }

    /// <summary>The injectable sentences of a record with their names, computed once per record (a pure memo).</summary>
    private static IReadOnlyList<(string Sentence, HashSet<string> Names)> NeutralSentences(DatasetRecord record) =>
        NeutralCache.GetValue(record, r => SentenceText.Split(r.Input).Where(IsNeutral).Select(s => (s, Capitalised(s))).ToList());

    /// <summary>
    /// Whether a sentence can be injected: a statement of moderate length without any number or number word,
    /// not opening with a pronoun that the reader could attach to the question's people.
    /// </summary>
    internal static bool IsNeutral(string sentence)
    {
        if (sentence.Length is < 25 or > 220 || !sentence.EndsWith('.') || sentence.Any(char.IsDigit) || sentence.Contains('$') || sentence.Contains('%'))
        {
            return false;
        }

        var words = Word().Matches(sentence).Select(m => m.Value).ToList();
        return !Pronouns.Contains(words[0])
            && !words.Any(NumberWords.Contains)
            && !NumberRoot().IsMatch(sentence);
    }

    /// <summary>The capitalised words (names) of a text; a background sentence sharing one would blur who is who.</summary>
    private static HashSet<string> Capitalised(string text) =>
        Word().Matches(text).Select(m => m.Value).Where(w => char.IsUpper(w[0]) && !FunctionWords.Contains(w)).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\b(?:doubl|tripl|quadrupl|halv|half|dozen|quarter|percent|hundred|thousand|million|billion)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NumberRoot();

    [GeneratedRegex(@"[A-Za-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
