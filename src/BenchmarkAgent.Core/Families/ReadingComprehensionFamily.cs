using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// A synthesised passage about invented people (their trades, homes, mentors and travels) and a four-option
/// question whose answer needs one fact at Easy, two chained facts at Medium and three at Hard.
/// </summary>
internal sealed partial class ReadingComprehensionFamily : ITaskFamily
{
    private static readonly string[] Towns =
    [
        "Brackenford", "Eldermoor", "Marrowick", "Thistlecombe", "Quillhaven", "Ravensby", "Oakhollow",
        "Windmere", "Stonebury", "Fallowmere", "Gullcrest", "Hazeldene",
    ];

    private static readonly string[] Jobs =
    [
        "baker", "carpenter", "pilot", "surgeon", "librarian", "potter", "chemist", "tailor", "botanist",
        "jeweller", "fisherman", "weaver", "glassblower", "cartographer",
    ];

    private static readonly string[] Openings =
    [
        "The following passage describes a few residents of a quiet valley.",
        "Read this short account of some neighbours.",
        "Here is a passage from a local newsletter.",
    ];

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "reading-comprehension",
        "Reading comprehension",
        "A short synthesised passage about invented people, their trades, home towns, mentors and travels, followed by a four-option question that needs one to three facts from the passage combined.",
        "reading",
        ["reading comprehension", "reading", "passage", "multi-hop", "question answering", "fact chaining", "inference", "narrative", "text understanding"],
        AnswerType.Choice);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        int n = difficulty switch { Difficulty.Easy => 3, Difficulty.Medium => 4, _ => 5 };
        var names = rng.Shuffle(Lexicon.Names).Take(n).ToList();
        var jobs = rng.Shuffle(Jobs).Take(n).ToList();
        var towns = rng.Shuffle(Towns).Take(n + 2).ToList();
        var homes = towns.Take(n).ToList();
        var visited = Enumerable.Range(0, n).Select(_ => rng.Pick(towns)).ToList();
        var mentor = Enumerable.Range(0, n).Select(i => (i + 1 + rng.Next(n - 1)) % n).ToList();

        var perPerson = new List<List<string>>();
        for (int i = 0; i < n; i++)
        {
            var sentences = new List<string>();
            perPerson.Add(sentences);
            sentences.Add(rng.Chance(0.5) ? $"{names[i]} works as a {jobs[i]}." : $"By trade, {names[i]} is a {jobs[i]}.");
            sentences.Add(rng.Chance(0.5) ? $"{names[i]} lives in {homes[i]}." : $"{names[i]} has a house in {homes[i]}.");
            if (difficulty != Difficulty.Easy)
            {
                sentences.Add(rng.Chance(0.5) ? $"{names[i]} was trained by {names[mentor[i]]}." : $"{names[mentor[i]]} is the mentor of {names[i]}.");
            }

            if (visited[i] != homes[i] && (difficulty == Difficulty.Hard || rng.Chance(0.5)))
            {
                sentences.Add($"Last summer, {names[i]} spent a week in {visited[i]}.");
            }
        }

        // Easy and Medium passages keep each person's facts together; Hard passages interleave them.
        var passage = difficulty == Difficulty.Hard
            ? rng.Shuffle(perPerson.SelectMany(s => s))
            : rng.Shuffle(perPerson).SelectMany(s => s).ToList();
        int p = rng.Next(n);
        int m = mentor[p];
        (string question, string correct, List<string> pool) = (difficulty, rng.Next(2)) switch
        {
            (Difficulty.Easy, 0) => ($"What does {names[p]} do for a living?", jobs[p], jobs),
            (Difficulty.Easy, _) => ($"In which town does {names[p]} live?", homes[p], towns),
            (Difficulty.Medium, 0) => ($"In which town does the {jobs[p]} live?", homes[p], towns),
            (Difficulty.Medium, _) => ($"Who trained the person who lives in {homes[p]}?", names[m], names),
            (_, 0) => ($"In which town does the mentor of the {jobs[p]} live?", homes[m], towns),
            _ => ($"What is the trade of the person who trained the resident of {homes[p]}?", jobs[m], jobs),
        };

        var distractors = rng.Shuffle(pool.Where(x => x != correct)).Take(3).ToList();
        if (distractors.Count < 3)
        {
            distractors.AddRange(rng.Shuffle(Jobs.Where(j => !jobs.Contains(j))).Take(3 - distractors.Count));
        }

        var builder = new StringBuilder(rng.Pick(Openings)).Append("\n\n");
        builder.AppendJoin(' ', passage).Append("\n\n").Append(question);
        return PromptText.ChoiceSample(rng, builder.ToString(), correct, distractors);
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        string[] blocks = sample.Prompt.Split("\n\n");
        if (blocks.Length < 4)
        {
            return CheckResult.Fail("expected an opening, a passage, a question and options");
        }

        var job = new Dictionary<string, string>(StringComparer.Ordinal);
        var home = new Dictionary<string, string>(StringComparer.Ordinal);
        var trainer = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match fact in Fact().Matches(blocks[1]))
        {
            var g = fact.Groups;
            bool fresh = true switch
            {
                _ when g["job"].Success => job.TryAdd(g["p"].Value, g["job"].Value),
                _ when g["town"].Success => home.TryAdd(g["p"].Value, g["town"].Value),
                _ when g["m"].Success => trainer.TryAdd(g["p"].Value, g["m"].Value),
                _ => true,
            };
            if (!fresh)
            {
                return CheckResult.Fail($"conflicting facts about {g["p"].Value}");
            }
        }

        string? Holder(Dictionary<string, string> facts, string value)
        {
            var holders = facts.Where(kv => kv.Value == value).Select(kv => kv.Key).ToList();
            return holders.Count == 1 ? holders[0] : null;
        }

        string? Lookup(Dictionary<string, string> facts, string? person) => person is not null && facts.TryGetValue(person, out var v) ? v : null;

        string? answer = null;
        string q = blocks[2];
        if (AskJob().Match(q) is { Success: true } a1)
        {
            answer = Lookup(job, a1.Groups["p"].Value);
        }
        else if (AskHome().Match(q) is { Success: true } a2)
        {
            answer = Lookup(home, a2.Groups["p"].Value);
        }
        else if (AskHomeOfJob().Match(q) is { Success: true } a3)
        {
            answer = Lookup(home, Holder(job, a3.Groups["job"].Value));
        }
        else if (AskTrainerOfResident().Match(q) is { Success: true } a4)
        {
            answer = Lookup(trainer, Holder(home, a4.Groups["town"].Value));
        }
        else if (AskHomeOfMentor().Match(q) is { Success: true } a5)
        {
            answer = Lookup(home, Lookup(trainer, Holder(job, a5.Groups["job"].Value)));
        }
        else if (AskTradeOfTrainer().Match(q) is { Success: true } a6)
        {
            answer = Lookup(job, Lookup(trainer, Holder(home, a6.Groups["town"].Value)));
        }

        return answer is null ? CheckResult.Fail("question not answerable from the passage") : PromptText.CheckChoice(sample, answer);
    }

    [GeneratedRegex(@"(?:(?<p>\w+) works as a (?<job>\w+)|By trade, (?<p>\w+) is a (?<job>\w+)|(?<p>\w+) (?:lives in|has a house in) (?<town>\w+)|(?<p>\w+) was trained by (?<m>\w+)|(?<m>\w+) is the mentor of (?<p>\w+))\.")]
    private static partial Regex Fact();

    [GeneratedRegex(@"^What does (?<p>\w+) do for a living\?$")]
    private static partial Regex AskJob();

    [GeneratedRegex(@"^In which town does (?<p>\w+) live\?$")]
    private static partial Regex AskHome();

    [GeneratedRegex(@"^In which town does the (?<job>\w+) live\?$")]
    private static partial Regex AskHomeOfJob();

    [GeneratedRegex(@"^Who trained the person who lives in (?<town>\w+)\?$")]
    private static partial Regex AskTrainerOfResident();

    [GeneratedRegex(@"^In which town does the mentor of the (?<job>\w+) live\?$")]
    private static partial Regex AskHomeOfMentor();

    [GeneratedRegex(@"^What is the trade of the person who trained the resident of (?<town>\w+)\?$")]
    private static partial Regex AskTradeOfTrainer();
}
