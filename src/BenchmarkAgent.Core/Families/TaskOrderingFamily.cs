using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Topological ordering: a project's tasks and shuffled "must come before" constraints that admit exactly one order.
/// Harder items have more tasks and more redundant constraints to sift through.
/// </summary>
internal sealed partial class TaskOrderingFamily : ITaskFamily
{
    private static readonly string[] Tasks =
    [
        "design", "budget", "hire", "order", "build", "test", "paint", "inspect", "ship", "invoice",
        "clean", "review", "survey", "plan", "print", "deliver", "train", "launch", "audit", "pack",
    ];

    private static readonly string[] Projects = ["festival", "renovation", "conference", "move", "exhibition", "wedding", "fair", "concert"];

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "task-ordering",
        "Task ordering from dependencies",
        "A project's tasks and shuffled constraints of the form \"X must be done before Y\" that allow exactly one order; the answer is that order. Harder items have more tasks and redundant constraints.",
        "planning",
        ["planning", "scheduling", "topological sort", "dependencies", "task order", "prerequisites", "project plan", "precedence constraints", "ordering"],
        AnswerType.ShortText);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        string who = rng.Pick(Lexicon.Names);
        string city = rng.Pick(Lexicon.Cities);
        string project = rng.Pick(Projects);
        int n = difficulty switch { Difficulty.Easy => 4, Difficulty.Medium => rng.Between(5, 6), _ => rng.Between(7, 8) };
        int redundant = difficulty switch { Difficulty.Easy => rng.Between(0, 1), Difficulty.Medium => rng.Between(1, 2), _ => rng.Between(3, 4) };
        var order = rng.Shuffle(Tasks).Take(n).ToList();

        // Consecutive pairs fix the order uniquely; extra pairs that skip ahead are redundant but true.
        var pairs = new List<(string Before, string After)>();
        for (int i = 0; i + 1 < n; i++)
        {
            pairs.Add((order[i], order[i + 1]));
        }

        for (int attempt = 0; attempt < 40 && redundant > 0; attempt++)
        {
            int i = rng.Next(n - 2);
            int j = rng.Between(i + 2, n - 1);
            if (!pairs.Contains((order[i], order[j])))
            {
                pairs.Add((order[i], order[j]));
                redundant--;
            }
        }

        var builder = new StringBuilder();
        string listed = PromptText.JoinAnd(rng.Shuffle(order).Select(t => $"'{t}'").ToList());
        builder.Append(rng.Next(3) switch
        {
            0 => $"{who} is organising a {project} in {city} and has to do these tasks: {listed}.",
            1 => $"For a {project} in {city}, {who} lists the tasks {listed}.",
            _ => $"The {project} that {who} is planning in {city} involves the tasks {listed}.",
        });
        builder.Append(" Each task is done once, one at a time.\n\n");
        foreach (var (before, after) in rng.Shuffle(pairs))
        {
            builder.Append(rng.Next(4) switch
            {
                0 => $"'{after}' can only start after '{before}' is finished.",
                1 => $"'{before}' must be done before '{after}'.",
                2 => $"'{after}' depends on '{before}'.",
                _ => $"'{before}' has to happen earlier than '{after}'.",
            }).Append('\n');
        }

        builder.Append('\n').Append(rng.Chance(0.5)
            ? "In which order must the tasks be done?"
            : $"What is the only order in which {who} can do the tasks?");
        builder.Append(" Answer with the task names in order, separated by commas.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Text(string.Join(", ", order)));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        string[] blocks = sample.Prompt.Split("\n\n");
        if (blocks.Length != 3 || !Question().IsMatch(blocks[2]))
        {
            return CheckResult.Fail("expected an intro, constraints and a question");
        }

        var intro = Intro().Match(blocks[0]);
        if (!intro.Success)
        {
            return CheckResult.Fail("intro not recognised");
        }

        var tasks = Quoted().Matches(intro.Groups["list"].Value).Select(m => m.Groups[1].Value).ToList();
        var incoming = tasks.ToDictionary(t => t, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (string line in blocks[1].Split('\n'))
        {
            var c = Constraint().Match(line);
            if (!c.Success || !incoming.ContainsKey(c.Groups["before"].Value) || !incoming.TryGetValue(c.Groups["after"].Value, out var into))
            {
                return CheckResult.Fail($"constraint not understood: {line}");
            }

            into.Add(c.Groups["before"].Value);
        }

        // Kahn's algorithm: the order is unique only if exactly one task is free at every step.
        var result = new List<string>();
        while (result.Count < tasks.Count)
        {
            var free = tasks.Where(t => !result.Contains(t) && incoming[t].All(result.Contains)).ToList();
            if (free.Count != 1)
            {
                return CheckResult.Fail(free.Count == 0 ? "the constraints form a cycle" : "more than one order is possible");
            }

            result.Add(free[0]);
        }

        return PromptText.CheckText(sample, string.Join(", ", result));
    }

    [GeneratedRegex(@"^(?:\w+ is organising a \w+ in \w+ and has to do these tasks: (?<list>[\w', ]+)|For a \w+ in \w+, \w+ lists the tasks (?<list>[\w', ]+)|The \w+ that \w+ is planning in \w+ involves the tasks (?<list>[\w', ]+))\. Each task is done once, one at a time\.$")]
    private static partial Regex Intro();

    [GeneratedRegex(@"'(\w+)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^(?:'(?<after>\w+)' can only start after '(?<before>\w+)' is finished|'(?<before>\w+)' must be done before '(?<after>\w+)'|'(?<after>\w+)' depends on '(?<before>\w+)'|'(?<before>\w+)' has to happen earlier than '(?<after>\w+)')\.$")]
    private static partial Regex Constraint();

    [GeneratedRegex(@"^(?:In which order must the tasks be done\?|What is the only order in which \w+ can do the tasks\?) Answer with the task names in order, separated by commas\.$")]
    private static partial Regex Question();
}
