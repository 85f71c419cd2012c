using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Picks the one scrambled string that is an exact anagram of a word or phrase; the other options differ by
/// a single letter (substituted at Easy, a repeated letter at Medium, a swapped-in or dropped letter in long phrases at Hard).
/// </summary>
internal sealed partial class AnagramCheckFamily : ITaskFamily
{
    private static readonly string[] Questions =
    [
        "Which of the following strings is an anagram of '{0}', using exactly the same letters the same number of times?",
        "Exactly one option below rearranges the letters of '{0}' without adding, removing or changing any letter. Which one?",
    ];

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "anagram-check",
        "Anagram check",
        "A word or phrase and four scrambled strings; exactly one uses the same letters with the same counts, the others differ by one letter. Tests letter-level attention that tokenisation hides.",
        "string",
        ["anagram", "letters", "strings", "character counting", "spelling", "tokenization", "letter frequency", "word games", "permutation"],
        AnswerType.Choice);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        var pool = Lexicon.Words.Concat(Lexicon.Names.Select(n => n.ToLowerInvariant())).ToList();
        string source = difficulty switch
        {
            Difficulty.Easy => rng.Pick(pool.FindAll(w => w.Length <= 6)),
            Difficulty.Medium => rng.Pick(pool.FindAll(w => w.Length >= 7)),
            _ => $"{rng.Pick(pool)} {rng.Pick(pool)}",
        };
        string letters = source.Replace(" ", string.Empty, StringComparison.Ordinal);

        string Scramble(string s)
        {
            string result;
            do
            {
                result = string.Concat(rng.Shuffle(s));
            }
            while (result == letters);
            return result;
        }

        string correct = Scramble(letters);
        var distractors = new List<string>();
        while (distractors.Count < 3)
        {
            char[] chars = letters.ToCharArray();
            int i = rng.Next(chars.Length);
            char replacement = difficulty switch
            {
                // Medium and Hard reuse a letter that already occurs, so only counts give the change away.
                Difficulty.Easy => (char)('a' + rng.Next(26)),
                _ => chars[rng.Next(chars.Length)],
            };
            if (replacement == chars[i])
            {
                continue;
            }

            chars[i] = replacement;
            string candidate = Scramble(new string(chars));
            if (candidate != correct && !distractors.Contains(candidate))
            {
                distractors.Add(candidate);
            }
        }

        string question = string.Format(System.Globalization.CultureInfo.InvariantCulture, rng.Pick(Questions), source);
        if (difficulty == Difficulty.Hard)
        {
            question += " Ignore the space.";
        }

        return PromptText.ChoiceSample(rng, question, correct, distractors);
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var quoted = Quoted().Match(sample.Prompt);
        if (!quoted.Success)
        {
            return CheckResult.Fail("source word not found");
        }

        // Compare sorted letter sequences rather than letter counts.
        static string Key(string s)
        {
            char[] chars = s.Where(char.IsLetter).ToArray();
            Array.Sort(chars);
            return new string(chars);
        }

        string key = Key(quoted.Groups["w"].Value);
        var matching = sample.Choices.Where(c => Key(c) == key).ToList();
        return matching.Count == 1
            ? PromptText.CheckChoice(sample, matching[0])
            : CheckResult.Fail($"{matching.Count} options are anagrams");
    }

    [GeneratedRegex(@"'(?<w>[a-z ]+)'")]
    private static partial Regex Quoted();
}
