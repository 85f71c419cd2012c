using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// IFEval-style verifiable instructions with one deterministic answer: a list of words is filtered, ordered,
/// re-cased, possibly reversed and truncated, and joined with a stated separator.
/// </summary>
internal sealed partial class InstructionFollowingFamily : ITaskFamily
{
    private static readonly (string Text, string Separator)[] Joins =
    [
        ("commas and no spaces", ","),
        ("a comma followed by a space", ", "),
        ("semicolons and no spaces", ";"),
        ("single spaces", " "),
        ("a space, a hyphen and a space", " - "),
    ];

    private static readonly string[] Leads =
    [
        "Start from these words:",
        "Here is a list of words:",
        "Take the following words:",
    ];

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "instruction-following",
        "Verifiable instruction following",
        "IFEval-style instructions with a single correct output: filter a list of words, order them (alphabetically, in reverse, or by length), change their case, reverse or truncate, and join them with an exact separator.",
        "instructions",
        ["instruction following", "ifeval", "format constraints", "verifiable instructions", "sorting words", "uppercase", "output format", "constraints", "precise formatting"],
        AnswerType.ShortText);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        int count = difficulty switch { Difficulty.Easy => rng.Between(3, 4), Difficulty.Medium => rng.Between(5, 6), _ => rng.Between(7, 8) };
        var original = rng.Shuffle(Lexicon.Words).Take(count).ToList();
        var words = new List<string>(original);
        var steps = new List<string>();

        if (difficulty != Difficulty.Easy)
        {
            // A filter that removes at least one word and keeps at least two.
            for (int attempt = 0; attempt < 20; attempt++)
            {
                if (rng.Chance(0.5))
                {
                    char letter = rng.Pick(original)[rng.Next(3)];
                    var kept = words.FindAll(w => !w.Contains(letter, StringComparison.Ordinal));
                    if (kept.Count >= 2 && kept.Count < words.Count)
                    {
                        steps.Add($"Remove every word that contains the letter '{letter}'.");
                        words = kept;
                        break;
                    }
                }
                else
                {
                    int limit = rng.Between(5, 7);
                    var kept = words.FindAll(w => w.Length > limit);
                    if (kept.Count >= 2 && kept.Count < words.Count)
                    {
                        steps.Add($"Keep only the words that have more than {limit} letters.");
                        words = kept;
                        break;
                    }
                }
            }
        }

        int order = difficulty == Difficulty.Hard ? rng.Next(4) : rng.Next(2);
        var comparer = StringComparer.Ordinal;
        switch (order)
        {
            case 0:
                steps.Add("Put the words in alphabetical order.");
                words.Sort(comparer);
                break;
            case 1:
                steps.Add("Put the words in reverse alphabetical order.");
                words.Sort((a, b) => comparer.Compare(b, a));
                break;
            case 2:
                steps.Add("Order the words from shortest to longest, breaking ties alphabetically.");
                words.Sort((a, b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : comparer.Compare(a, b));
                break;
            default:
                steps.Add("Order the words from longest to shortest, breaking ties alphabetically.");
                words.Sort((a, b) => a.Length != b.Length ? b.Length.CompareTo(a.Length) : comparer.Compare(a, b));
                break;
        }

        if (difficulty == Difficulty.Hard && words.Count > 2)
        {
            int k = rng.Between(2, words.Count - 1);
            steps.Add($"Keep only the first {k} words.");
            words = words.Take(k).ToList();
        }

        if (difficulty == Difficulty.Hard && rng.Chance(0.5))
        {
            steps.Add("Reverse the letters of every word.");
            words = words.Select(w => string.Concat(w.Reverse())).ToList();
        }

        switch (rng.Next(3))
        {
            case 0:
                steps.Add("Write every word in uppercase.");
                words = words.Select(w => w.ToUpperInvariant()).ToList();
                break;
            case 1:
                steps.Add("Write every word in lowercase.");
                break;
            default:
                steps.Add("Capitalise the first letter of every word and leave the rest lowercase.");
                words = words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]).ToList();
                break;
        }

        var join = rng.Pick(Joins);
        steps.Add($"Join the words with {join.Text} between them.");

        var builder = new StringBuilder(rng.Pick(Leads)).Append(' ').AppendJoin(", ", original).Append(".\n\n");
        builder.Append("Apply these instructions in order:\n");
        for (int i = 0; i < steps.Count; i++)
        {
            builder.Append(i + 1).Append(". ").Append(steps[i]).Append('\n');
        }

        builder.Append("\nAnswer with the resulting text only, exactly as it should be written.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Text(string.Join(join.Separator, words)));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var lead = WordList().Match(sample.Prompt);
        if (!lead.Success)
        {
            return CheckResult.Fail("word list not found");
        }

        IEnumerable<string> words = lead.Groups["words"].Value.Split(", ");
        string? separator = null;
        foreach (Match step in StepLine().Matches(sample.Prompt))
        {
            string text = step.Groups["text"].Value;
            if (separator is not null)
            {
                return CheckResult.Fail("an instruction follows the join");
            }

            if (RemoveLetter().Match(text) is { Success: true } r)
            {
                string letter = r.Groups["c"].Value;
                words = words.Where(w => w.IndexOf(letter, StringComparison.Ordinal) < 0).ToList();
            }
            else if (LongerThan().Match(text) is { Success: true } l)
            {
                int limit = PromptText.ParseInt(l.Groups["n"].Value);
                words = words.Where(w => w.Length > limit).ToList();
            }
            else if (FirstK().Match(text) is { Success: true } f)
            {
                words = words.Take(PromptText.ParseInt(f.Groups["n"].Value)).ToList();
            }
            else if (Join().Match(text) is { Success: true } j)
            {
                separator = j.Groups["how"].Value switch
                {
                    "commas and no spaces" => ",",
                    "a comma followed by a space" => ", ",
                    "semicolons and no spaces" => ";",
                    "single spaces" => " ",
                    "a space, a hyphen and a space" => " - ",
                    _ => null,
                };
            }
            else
            {
                List<string>? next = text switch
                {
                    "Put the words in alphabetical order." => words.OrderBy(w => w, StringComparer.Ordinal).ToList(),
                    "Put the words in reverse alphabetical order." => words.OrderByDescending(w => w, StringComparer.Ordinal).ToList(),
                    "Order the words from shortest to longest, breaking ties alphabetically." => words.OrderBy(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).ToList(),
                    "Order the words from longest to shortest, breaking ties alphabetically." => words.OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).ToList(),
                    "Reverse the letters of every word." => words.Select(w => new string(w.ToCharArray().Reverse().ToArray())).ToList(),
                    "Write every word in uppercase." => words.Select(w => w.ToUpperInvariant()).ToList(),
                    "Write every word in lowercase." => words.Select(w => w.ToLowerInvariant()).ToList(),
                    "Capitalise the first letter of every word and leave the rest lowercase." => words.Select(w => w[..1].ToUpperInvariant() + w[1..].ToLowerInvariant()).ToList(),
                    _ => null,
                };
                if (next is null)
                {
                    return CheckResult.Fail($"instruction not understood: {text}");
                }

                words = next;
            }
        }

        return separator is null ? CheckResult.Fail("no join instruction") : PromptText.CheckText(sample, string.Join(separator, words));
    }

    [GeneratedRegex(@"^(?:Start from these words:|Here is a list of words:|Take the following words:) (?<words>[a-z]+(?:, [a-z]+)*)\.$", RegexOptions.Multiline)]
    private static partial Regex WordList();

    [GeneratedRegex(@"^\d+\. (?<text>.+)$", RegexOptions.Multiline)]
    private static partial Regex StepLine();

    [GeneratedRegex(@"^Remove every word that contains the letter '(?<c>[a-z])'\.$")]
    private static partial Regex RemoveLetter();

    [GeneratedRegex(@"^Keep only the words that have more than (?<n>\d+) letters\.$")]
    private static partial Regex LongerThan();

    [GeneratedRegex(@"^Keep only the first (?<n>\d+) words\.$")]
    private static partial Regex FirstK();

    [GeneratedRegex(@"^Join the words with (?<how>.+) between them\.$")]
    private static partial Regex Join();
}
