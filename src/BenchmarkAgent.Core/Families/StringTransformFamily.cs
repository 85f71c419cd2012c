using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// A string is put through a numbered list of character-level edits (reverse, remove vowels, replace,
/// truncate, sort); the model reports the result. Tests exact symbol manipulation, which tokenisation hides.
/// </summary>
internal sealed partial class StringTransformFamily : ITaskFamily
{
    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "string-transform",
        "String manipulation",
        "A word or concatenation of words goes through a numbered sequence of edits such as reversing, removing vowels, replacing letters, truncating or sorting characters; the model gives the final string.",
        "string",
        ["string manipulation", "strings", "reverse", "characters", "letters", "text processing", "tokenization", "symbolic", "instruction following", "edit operations"],
        AnswerType.ShortText);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        int words = difficulty == Difficulty.Hard ? 3 : 2;
        int steps = difficulty switch { Difficulty.Easy => 2, Difficulty.Medium => 3, _ => rng.Between(4, 5) };
        string s = string.Concat(rng.Shuffle(Lexicon.Words.Concat(Lexicon.Names.Select(n => n.ToLowerInvariant()))).Take(words));
        string original = s;
        var lines = new List<string>();
        for (int i = 0; i < steps; i++)
        {
            int kind = rng.Next(6);
            switch (kind)
            {
                case 0:
                    lines.Add("Reverse the string.");
                    s = new string(s.Reverse().ToArray());
                    break;
                case 1 when s.Any(c => !"aeiou".Contains(c)) && s.Any(c => "aeiou".Contains(c)):
                    lines.Add("Remove every vowel (a, e, i, o, u).");
                    s = new string(s.Where(c => !"aeiou".Contains(c)).ToArray());
                    break;
                case 2 when s.Length > 3:
                    int k = rng.Between(2, s.Length - 1);
                    lines.Add($"Keep only the first {k} characters.");
                    s = s[..k];
                    break;
                case 3:
                    char from = s[rng.Next(s.Length)];
                    char to = (char)('a' + rng.Next(26));
                    if (to == from)
                    {
                        goto case 0;
                    }

                    lines.Add($"Replace every '{from}' with '{to}'.");
                    s = s.Replace(from, to);
                    break;
                case 4:
                    lines.Add("Sort the characters in alphabetical order.");
                    s = string.Concat(s.OrderBy(c => c));
                    break;
                default:
                    if (s.Length < 3)
                    {
                        goto case 0;
                    }

                    lines.Add("Delete the last character.");
                    s = s[..^1];
                    break;
            }
        }

        var builder = new StringBuilder(rng.Next(3) switch
        {
            0 => $"Start with the string \"{original}\" and apply these steps in order:\n",
            1 => $"Take the string \"{original}\" and perform the following edits one after another:\n",
            _ => $"Begin with the text \"{original}\". Carry out these operations in sequence:\n",
        });
        for (int i = 0; i < lines.Count; i++)
        {
            builder.Append(i + 1).Append(". ").Append(lines[i]).Append('\n');
        }

        builder.Append("\nWhat is the resulting string? Answer with the string only, without quotes.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Text(s));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var start = Start().Match(sample.Prompt);
        if (!start.Success)
        {
            return CheckResult.Fail("starting string not found");
        }

        // Each step re-implemented with arrays and string builders rather than LINQ.
        char[] chars = start.Groups["s"].Value.ToCharArray();
        foreach (Match step in Step().Matches(sample.Prompt))
        {
            string text = step.Groups["text"].Value;
            if (text == "Reverse the string.")
            {
                Array.Reverse(chars);
            }
            else if (text.StartsWith("Remove every vowel", StringComparison.Ordinal))
            {
                chars = Vowels().Replace(new string(chars), string.Empty).ToCharArray();
            }
            else if (Keep().Match(text) is { Success: true } keep)
            {
                chars = chars.AsSpan(0, Math.Min(chars.Length, PromptText.ParseInt(keep.Groups["k"].Value))).ToArray();
            }
            else if (Replace().Match(text) is { Success: true } rep)
            {
                for (int i = 0; i < chars.Length; i++)
                {
                    chars[i] = chars[i] == rep.Groups["a"].Value[0] ? rep.Groups["b"].Value[0] : chars[i];
                }
            }
            else if (text == "Sort the characters in alphabetical order.")
            {
                Array.Sort(chars);
            }
            else if (text == "Delete the last character.")
            {
                chars = chars[..^1];
            }
            else
            {
                return CheckResult.Fail($"step not understood: {text}");
            }
        }

        return PromptText.CheckText(sample, new string(chars));
    }

    [GeneratedRegex("^(?:Start with the string|Take the string|Begin with the text) \"(?<s>[a-z]+)\"")]
    private static partial Regex Start();

    [GeneratedRegex(@"^\d+\. (?<text>.+)$", RegexOptions.Multiline)]
    private static partial Regex Step();

    [GeneratedRegex("[aeiou]")]
    private static partial Regex Vowels();

    [GeneratedRegex(@"^Keep only the first (?<k>\d+) characters\.$")]
    private static partial Regex Keep();

    [GeneratedRegex(@"^Replace every '(?<a>[a-z])' with '(?<b>[a-z])'\.$")]
    private static partial Regex Replace();
}
