using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Wildcard pattern matching: a pattern with '?' (exactly one letter) and '*' (any run of letters, possibly empty)
/// and several strings, exactly one of which matches the whole pattern. Harder items have more wildcards and options.
/// </summary>
internal sealed partial class WildcardMatchFamily : ITaskFamily
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "wildcard-matching",
        "Wildcard pattern matching",
        "A glob-style pattern where ? stands for one letter and * for any run of letters, and several candidate strings of which exactly one matches the whole pattern. Harder items have more wildcards and closer distractors.",
        "pattern",
        ["pattern matching", "wildcards", "glob", "regex", "string matching", "regular expressions", "file name filters", "character-level", "symbolic"],
        AnswerType.Choice);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        string who = rng.Pick(Lexicon.Names);
        (int singles, int stars, int options) = difficulty switch { Difficulty.Easy => (2, 0, 3), Difficulty.Medium => (1, 1, 4), _ => (3, 2, 6) };
        while (true)
        {
            string word = rng.Pick(Lexicon.Words);
            var pattern = new StringBuilder();
            var match = new StringBuilder();

            // Walk through the word: each position is kept, turned into '?', or (for '*') a run is swallowed.
            var wildcardAt = rng.Shuffle(Enumerable.Range(0, word.Length)).Take(singles + stars).ToList();
            var starAt = wildcardAt.Take(stars).ToHashSet();
            for (int i = 0; i < word.Length; i++)
            {
                if (starAt.Contains(i))
                {
                    pattern.Append('*');
                    int run = rng.Between(0, 3);
                    for (int r = 0; r < run; r++)
                    {
                        match.Append(Letters[rng.Next(26)]);
                    }
                }
                else if (wildcardAt.Contains(i))
                {
                    pattern.Append('?');
                    match.Append(Letters[rng.Next(26)]);
                }
                else
                {
                    pattern.Append(word[i]);
                    match.Append(word[i]);
                }
            }

            string p = pattern.ToString();
            string correct = match.ToString();
            if (p.Contains("**", StringComparison.Ordinal) || correct.Length == 0)
            {
                continue;
            }

            var distractors = new List<string>();
            for (int attempt = 0; attempt < 60 && distractors.Count < options - 1; attempt++)
            {
                string d = Mutate(rng, correct);
                if (d.Length > 0 && d != correct && !distractors.Contains(d) && !Matches(p, d))
                {
                    distractors.Add(d);
                }
            }

            if (distractors.Count < options - 1)
            {
                continue;
            }

            string question = rng.Next(3) switch
            {
                0 => $"{who} is testing a search filter. In the pattern {p}, '?' stands for exactly one letter and '*' for any run of letters, possibly none; a string matches only if the whole string fits the pattern. Which of these strings matches?",
                1 => $"A word game shows {who} the pattern {p}, where '?' is exactly one letter and '*' is any number of letters, including zero. The pattern must cover the entire word. Which word fits it?",
                _ => $"Wildcards: '?' matches exactly one letter and '*' matches any sequence of letters, even an empty one, and the whole string must match. {who} uses the pattern {p}. Which string matches it?",
            };
            return PromptText.ChoiceSample(rng, question, correct, distractors);
        }
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var question = Question().Match(sample.Prompt);
        if (!question.Success)
        {
            return CheckResult.Fail("question not recognised");
        }

        // Translate the pattern into an anchored regular expression, a different route than the generator's matcher.
        string expression = "^" + string.Concat(question.Groups["p"].Value.Select(c => c switch { '?' => "[a-z]", '*' => "[a-z]*", _ => c.ToString() })) + "$";
        var regex = new Regex(expression, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var matching = sample.Choices.Where(c => regex.IsMatch(c)).ToList();
        return matching.Count == 1
            ? PromptText.CheckChoice(sample, matching[0])
            : CheckResult.Fail($"{matching.Count} options match the pattern");
    }

    private static string Mutate(DeterministicRandom rng, string s)
    {
        int i = rng.Next(s.Length);
        return rng.Next(4) switch
        {
            0 => s[..i] + Letters[rng.Next(26)] + s[(i + 1)..],
            1 => s.Remove(i, 1),
            2 => s.Insert(i, Letters[rng.Next(26)].ToString()),
            _ when s.Length > 1 && i + 1 < s.Length => s[..i] + s[i + 1] + s[i] + s[(i + 2)..],
            _ => s + Letters[rng.Next(26)],
        };
    }

    // Classic dynamic programme over pattern and text prefixes.
    private static bool Matches(string pattern, string text)
    {
        var ok = new bool[pattern.Length + 1, text.Length + 1];
        ok[0, 0] = true;
        for (int i = 1; i <= pattern.Length; i++)
        {
            for (int j = 0; j <= text.Length; j++)
            {
                char p = pattern[i - 1];
                ok[i, j] = p == '*'
                    ? ok[i - 1, j] || (j > 0 && ok[i, j - 1])
                    : j > 0 && ok[i - 1, j - 1] && (p == '?' || p == text[j - 1]);
            }
        }

        return ok[pattern.Length, text.Length];
    }

    [GeneratedRegex(@"^(?:\w+ is testing a search filter\. In the pattern (?<p>[a-z?*]+), '\?' stands for exactly one letter and '\*' for any run of letters, possibly none; a string matches only if the whole string fits the pattern\. Which of these strings matches\?|A word game shows \w+ the pattern (?<p>[a-z?*]+), where '\?' is exactly one letter and '\*' is any number of letters, including zero\. The pattern must cover the entire word\. Which word fits it\?|Wildcards: '\?' matches exactly one letter and '\*' matches any sequence of letters, even an empty one, and the whole string must match\. \w+ uses the pattern (?<p>[a-z?*]+)\. Which string matches it\?)\n\n")]
    private static partial Regex Question();
}
