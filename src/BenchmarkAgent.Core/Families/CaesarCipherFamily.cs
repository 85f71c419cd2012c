using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Decoding a Caesar cipher with a stated shift. Harder items have more words, larger shifts and shifts in
/// either direction, so the model must undo the shift the right way round and wrap at the alphabet's ends.
/// </summary>
internal sealed partial class CaesarCipherFamily : ITaskFamily
{
    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "caesar-cipher",
        "Caesar cipher decoding",
        "A short lowercase message encrypted by shifting every letter a stated number of places forward or backward in the alphabet (wrapping around); the answer is the original text. Harder items have more words, larger shifts and either direction.",
        "string",
        ["caesar cipher", "cipher", "decoding", "encryption", "letter shift", "rot13", "cryptography", "string manipulation", "alphabet", "character-level"],
        AnswerType.ShortText);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        string who = rng.Pick(Lexicon.Names);
        string city = rng.Pick(Lexicon.Cities);
        (int words, int maxShift) = difficulty switch { Difficulty.Easy => (1, 5), Difficulty.Medium => (rng.Between(2, 3), 13), _ => (rng.Between(5, 6), 25) };
        bool backward = difficulty == Difficulty.Hard && rng.Chance(0.5);
        int shift = rng.Between(1, maxShift);
        string plain = string.Join(' ', rng.Shuffle(Lexicon.Words).Take(words));
        int step = backward ? 26 - shift : shift;
        string cipher = new(plain.Select(c => c == ' ' ? c : (char)('a' + ((c - 'a' + step) % 26))).ToArray());

        string places = shift == 1 ? "place" : "places";
        var builder = new StringBuilder();
        builder.Append(rng.Next(3) switch
        {
            0 => $"{who} found a note in {city} written in a Caesar cipher: every letter was moved {shift} {places} {(backward ? "backward" : "forward")} in the alphabet, wrapping around at the ends.",
            1 => $"A message sent to {who} in {city} was encrypted by replacing each letter with the letter {shift} {places} {(backward ? "earlier" : "later")} in the alphabet, wrapping around at the ends.",
            _ => $"{who} encoded a secret for a friend in {city} by shifting every letter {shift} {places} {(backward ? "toward a" : "toward z")}, wrapping around at the ends of the alphabet.",
        });
        builder.Append(" Spaces were left unchanged.\n\n");
        builder.Append(rng.Chance(0.5) ? "Encrypted text: " : "The cipher text reads: ").Append(cipher).Append("\n\n");
        builder.Append(rng.Chance(0.5) ? "What was the original message?" : "Decode the message.");
        builder.Append(" Answer with the decoded text in lowercase.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Text(plain));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var match = Layout().Match(sample.Prompt);
        if (!match.Success)
        {
            return CheckResult.Fail("prompt not recognised");
        }

        int shift = PromptText.ParseInt(match.Groups["k"].Value);
        if (shift is < 1 or > 25 || (shift == 1) != (match.Groups["unit"].Value == "place"))
        {
            return CheckResult.Fail("the shift is out of range or misworded");
        }

        // Undo the shift: an encryption that moved letters toward z is decoded by moving them back toward a.
        string direction = match.Groups["dir"].Value;
        bool wasForward = direction is "forward" or "later" or "toward z";
        var decoded = new StringBuilder();
        foreach (char c in match.Groups["cipher"].Value)
        {
            int offset = wasForward ? -shift : shift;
            decoded.Append(c == ' ' ? ' ' : (char)('a' + (((c - 'a' + offset) % 26) + 26) % 26));
        }

        return PromptText.CheckText(sample, decoded.ToString());
    }

    [GeneratedRegex(@"^(?:\w+ found a note in \w+ written in a Caesar cipher: every letter was moved (?<k>\d+) (?<unit>places?) (?<dir>forward|backward) in the alphabet, wrapping around at the ends\.|A message sent to \w+ in \w+ was encrypted by replacing each letter with the letter (?<k>\d+) (?<unit>places?) (?<dir>earlier|later) in the alphabet, wrapping around at the ends\.|\w+ encoded a secret for a friend in \w+ by shifting every letter (?<k>\d+) (?<unit>places?) (?<dir>toward a|toward z), wrapping around at the ends of the alphabet\.) Spaces were left unchanged\.\n\n(?:Encrypted text: |The cipher text reads: )(?<cipher>[a-z ]+)\n\n(?:What was the original message\?|Decode the message\.) Answer with the decoded text in lowercase\.$")]
    private static partial Regex Layout();
}
