using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Run-length encoding and decoding of letter strings ("aaab" is "a3b1"). Easy items decode a few short runs;
/// harder items have more and longer runs (two-digit counts) and may ask for the encoding instead.
/// </summary>
internal sealed partial class RunLengthFamily : ITaskFamily
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "run-length-encoding",
        "Run-length encoding",
        "Decode a run-length code such as a3b1c4 into the letter string it stands for, or encode a string of repeated letters into its run-length code. Harder items have more runs and longer runs with two-digit counts.",
        "string",
        ["run-length encoding", "rle", "compression", "encoding", "decoding", "string manipulation", "counting characters", "repeated letters", "character-level"],
        AnswerType.ShortText);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        string who = rng.Pick(Lexicon.Names);
        (int runs, int maxCount, bool encode) = difficulty switch
        {
            Difficulty.Easy => (rng.Between(3, 4), 5, false),
            Difficulty.Medium => (rng.Between(4, 5), 9, rng.Chance(0.5)),
            _ => (rng.Between(6, 8), 12, rng.Chance(0.5)),
        };

        var code = new StringBuilder();
        var text = new StringBuilder();
        char previous = ' ';
        for (int i = 0; i < runs; i++)
        {
            char letter;
            do
            {
                letter = Letters[rng.Next(difficulty == Difficulty.Easy ? 8 : 26)];
            }
            while (letter == previous);

            int count = rng.Between(1, maxCount);
            code.Append(letter).Append(count);
            text.Append(letter, count);
            previous = letter;
        }

        var builder = new StringBuilder();
        builder.Append(rng.Next(3) switch
        {
            0 => $"{who} stores strings in run-length code: each letter is followed by how many times it repeats in a row.",
            1 => $"In the run-length code that {who} uses, every run of one repeated letter is written as the letter and then the length of the run.",
            _ => $"{who} compresses text by writing each run of identical letters as the letter followed by its count.",
        });
        builder.Append(" For example, the string ppqrrr is written p2q1r3.\n\n");
        builder.Append(encode
            ? (rng.Chance(0.5) ? $"Encode this string: {text}" : $"What is the run-length code of {text}?")
            : (rng.Chance(0.5) ? $"Decode this code: {code}" : $"Which string does the code {code} stand for?"));
        builder.Append(encode
            ? " Answer with the code only, without spaces."
            : " Answer with the decoded string only.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Text(encode ? code.ToString() : text.ToString()));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        string[] parts = sample.Prompt.Split("\n\n");
        if (parts.Length != 2 || !Intro().IsMatch(parts[0]))
        {
            return CheckResult.Fail("expected an explanation and a task");
        }

        if (Encode().Match(parts[1]) is { Success: true } encode)
        {
            // Group maximal runs of one letter.
            string input = encode.Groups["s"].Value;
            var result = new StringBuilder();
            int start = 0;
            for (int i = 1; i <= input.Length; i++)
            {
                if (i == input.Length || input[i] != input[start])
                {
                    result.Append(input[start]).Append(i - start);
                    start = i;
                }
            }

            return PromptText.CheckText(sample, result.ToString());
        }

        if (Decode().Match(parts[1]) is { Success: true } decode)
        {
            var runs = Run().Matches(decode.Groups["code"].Value);
            if (string.Concat(runs.Select(r => r.Value)) != decode.Groups["code"].Value)
            {
                return CheckResult.Fail("the code is not a sequence of letter-count runs");
            }

            string result = string.Concat(runs.Select(r => new string(r.Groups["c"].Value[0], PromptText.ParseInt(r.Groups["n"].Value))));
            return PromptText.CheckText(sample, result);
        }

        return CheckResult.Fail("task not recognised");
    }

    [GeneratedRegex(@"^(?:\w+ stores strings in run-length code: each letter is followed by how many times it repeats in a row\.|In the run-length code that \w+ uses, every run of one repeated letter is written as the letter and then the length of the run\.|\w+ compresses text by writing each run of identical letters as the letter followed by its count\.) For example, the string ppqrrr is written p2q1r3\.$")]
    private static partial Regex Intro();

    [GeneratedRegex(@"^(?:Encode this string: (?<s>[a-z]+)|What is the run-length code of (?<s>[a-z]+)\?) Answer with the code only, without spaces\.$")]
    private static partial Regex Encode();

    [GeneratedRegex(@"^(?:Decode this code: (?<code>[a-z0-9]+)|Which string does the code (?<code>[a-z0-9]+) stand for\?) Answer with the decoded string only\.$")]
    private static partial Regex Decode();

    [GeneratedRegex(@"(?<c>[a-z])(?<n>[1-9]\d*)")]
    private static partial Regex Run();
}
