using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Long-context retrieval: one access code is hidden in a long run of filler sentences (longer with
/// difficulty), alongside codes for other lockers at Medium and Hard; the model must return the right one.
/// </summary>
internal sealed partial class NeedleRetrievalFamily : ITaskFamily
{
    private static readonly string[] Colors = ["red", "blue", "green", "yellow", "purple", "orange", "silver", "black", "white", "golden", "crimson", "teal"];

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "needle-retrieval",
        "Needle in a haystack retrieval",
        "A long passage of filler sentences hides the access code of one locker (and, at higher difficulty, codes of other lockers); the model must retrieve the requested code. Context length grows with difficulty.",
        "retrieval",
        ["long context", "needle in a haystack", "retrieval", "recall", "context length", "information extraction", "lookup", "memory", "distractors", "long document", "hidden fact", "filler text"],
        AnswerType.ShortText);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        (int filler, int decoys) = difficulty switch
        {
            Difficulty.Easy => (rng.Between(15, 25), 0),
            Difficulty.Medium => (rng.Between(100, 150), 2),
            _ => (rng.Between(450, 550), 5),
        };

        var colors = rng.Shuffle(Colors).Take(decoys + 1).ToList();
        var sentences = new List<string>(filler + decoys + 1);
        for (int i = 0; i < filler; i++)
        {
            sentences.Add(Filler(rng));
        }

        string answer = string.Empty;
        for (int i = 0; i <= decoys; i++)
        {
            string code = Code(rng);
            answer = i == 0 ? code : answer;
            sentences.Insert(rng.Next(sentences.Count + 1), $"The access code for the {colors[i]} locker is {code}.");
        }

        var builder = new StringBuilder(filler * 60);
        builder.AppendJoin(' ', sentences);
        builder.Append($"\n\nWhat is the access code for the {colors[0]} locker? Answer with the code only.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Text(answer));
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

        string color = question.Groups["c"].Value;
        var hits = Needle().Matches(sample.Prompt).Where(m => m.Groups["c"].Value == color).ToList();
        return hits.Count == 1
            ? PromptText.CheckText(sample, hits[0].Groups["code"].Value)
            : CheckResult.Fail($"expected one code for the {color} locker, found {hits.Count}");
    }

    private static string Code(DeterministicRandom rng)
    {
        Span<char> letters = stackalloc char[3];
        for (int i = 0; i < 3; i++)
        {
            letters[i] = (char)('A' + rng.Next(26));
        }

        return $"{letters}-{rng.Between(100, 999)}";
    }

    private static string Filler(DeterministicRandom rng)
    {
        string name = rng.Pick(Lexicon.Names);
        string city = rng.Pick(Lexicon.Cities);
        string thing = rng.Pick(Lexicon.Words);
        return rng.Next(6) switch
        {
            0 => $"{name} spent a quiet afternoon in {city} looking for a {thing}.",
            1 => $"The weather in {city} was mild, and the market sold every {thing} by noon.",
            2 => $"{name} once wrote a short story about a {thing} that could talk.",
            3 => $"Visitors to {city} often remark on the old {thing} near the station.",
            4 => $"Nobody remembered why {name} had brought a {thing} to the meeting.",
            _ => $"A local guide in {city} told {name} a long tale about a lost {thing}.",
        };
    }

    [GeneratedRegex(@"What is the access code for the (?<c>\w+) locker\? Answer with the code only\.$")]
    private static partial Regex Question();

    [GeneratedRegex(@"The access code for the (?<c>\w+) locker is (?<code>[A-Z]{3}-\d{3})\.")]
    private static partial Regex Needle();
}
