using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Simulating a stack (last in, first out) or a queue (first in, first out) through a numbered list of operations;
/// the answer is the remaining contents. Harder items are longer and add duplicate and rotate operations.
/// </summary>
internal sealed partial class StackQueueFamily : ITaskFamily
{
    private static readonly string[] Push = ["push {0}", "put {0} on top", "add {0} to the top"];
    private static readonly string[] Pop = ["pop", "remove the top value", "take the top value off"];
    private static readonly string[] Enqueue = ["enqueue {0}", "add {0} at the back", "let {0} join at the back"];
    private static readonly string[] Dequeue = ["dequeue", "remove the value at the front", "serve the value at the front"];

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "stack-queue",
        "Stack and queue simulation",
        "A numbered list of push/pop operations on a stack or enqueue/dequeue operations on a queue; the answer is what remains, in order. Harder items are longer and add duplicate-top and move-front-to-back operations.",
        "code",
        ["stack", "queue", "data structures", "lifo", "fifo", "push pop", "simulation", "state tracking", "enqueue dequeue", "program tracing"],
        AnswerType.ShortText);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        string who = rng.Pick(Lexicon.Names);
        bool queue = difficulty != Difficulty.Easy && rng.Chance(0.5);
        int ops = difficulty switch { Difficulty.Easy => rng.Between(5, 6), Difficulty.Medium => rng.Between(7, 9), _ => rng.Between(11, 14) };
        var items = new List<int>();
        var lines = new List<string>();
        string[] add = queue ? Enqueue : Push;
        string[] remove = queue ? Dequeue : Pop;
        for (int i = 0; i < ops; i++)
        {
            int kind = rng.Next(difficulty == Difficulty.Hard ? 4 : 3);
            if (items.Count == 0 || (kind == 0 && items.Count < 6) || (i == ops - 1 && items.Count == 1))
            {
                int value = rng.Between(1, 99);
                lines.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, rng.Pick(add), value));
                items.Add(value);
            }
            else if (kind == 3)
            {
                if (queue)
                {
                    lines.Add("move the value at the front to the back");
                    items.Add(items[0]);
                    items.RemoveAt(0);
                }
                else
                {
                    lines.Add("duplicate the top value");
                    items.Add(items[^1]);
                }
            }
            else if (kind == 1 || kind == 0)
            {
                lines.Add(rng.Pick(remove));
                items.RemoveAt(queue ? 0 : items.Count - 1);
            }
            else
            {
                int value = rng.Between(1, 99);
                lines.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, rng.Pick(add), value));
                items.Add(value);
            }
        }

        var builder = new StringBuilder();
        builder.Append(queue
            ? (rng.Chance(0.5)
                ? $"{who} starts with an empty queue: values join at the back and leave from the front."
                : $"A queue used by {who} is empty at first; the first value in is the first value out.")
            : (rng.Chance(0.5)
                ? $"{who} starts with an empty stack: values are added to and removed from the top."
                : $"A stack used by {who} is empty at first; the last value in is the first value out."));
        builder.Append(" These operations are applied in order:\n");
        for (int i = 0; i < lines.Count; i++)
        {
            builder.Append(i + 1).Append(". ").Append(lines[i]).Append('\n');
        }

        builder.Append('\n').Append(queue
            ? "Which values are in the queue at the end? Answer with the values from front to back, separated by spaces."
            : "Which values are on the stack at the end? Answer with the values from bottom to top, separated by spaces.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Text(string.Join(' ', items.Select(PromptText.Num))));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        string[] blocks = sample.Prompt.Split("\n\n");
        if (blocks.Length != 2)
        {
            return CheckResult.Fail("expected operations and a question");
        }

        string[] lines = blocks[0].Split('\n');
        bool queue = QueueIntro().IsMatch(lines[0]);
        bool stack = StackIntro().IsMatch(lines[0]);
        bool asksQueue = blocks[1] == "Which values are in the queue at the end? Answer with the values from front to back, separated by spaces.";
        bool asksStack = blocks[1] == "Which values are on the stack at the end? Answer with the values from bottom to top, separated by spaces.";
        if (queue == stack || queue != asksQueue || stack != asksStack)
        {
            return CheckResult.Fail("intro and question do not agree on the data structure");
        }

        // A deque models both: a stack works at the back, a queue takes from the front.
        var items = new LinkedList<int>();
        for (int i = 1; i < lines.Length; i++)
        {
            var op = Operation().Match(lines[i]);
            if (!op.Success || PromptText.ParseInt(op.Groups["n"].Value) != i)
            {
                return CheckResult.Fail($"operation not understood: {lines[i]}");
            }

            var g = op.Groups;
            bool needsItem = !g["value"].Success;
            if (needsItem && items.Count == 0)
            {
                return CheckResult.Fail($"step {i} works on an empty {(queue ? "queue" : "stack")}");
            }

            if (g["add"].Success && (g["add"].Value.Contains("back", StringComparison.Ordinal) || g["add"].Value.StartsWith("enqueue", StringComparison.Ordinal)) != queue)
            {
                return CheckResult.Fail($"step {i} uses the wrong kind of operation");
            }

            switch (true)
            {
                case true when g["add"].Success:
                    items.AddLast(PromptText.ParseInt(g["value"].Value));
                    break;
                case true when g["pop"].Success && !queue:
                    items.RemoveLast();
                    break;
                case true when g["dequeue"].Success && queue:
                    items.RemoveFirst();
                    break;
                case true when g["dup"].Success && !queue:
                    items.AddLast(items.Last!.Value);
                    break;
                case true when g["rotate"].Success && queue:
                    items.AddLast(items.First!.Value);
                    items.RemoveFirst();
                    break;
                default:
                    return CheckResult.Fail($"step {i} uses the wrong kind of operation");
            }
        }

        return PromptText.CheckText(sample, string.Join(' ', items.Select(PromptText.Num)));
    }

    [GeneratedRegex(@"^(?:\w+ starts with an empty queue: values join at the back and leave from the front\.|A queue used by \w+ is empty at first; the first value in is the first value out\.) These operations are applied in order:$")]
    private static partial Regex QueueIntro();

    [GeneratedRegex(@"^(?:\w+ starts with an empty stack: values are added to and removed from the top\.|A stack used by \w+ is empty at first; the last value in is the first value out\.) These operations are applied in order:$")]
    private static partial Regex StackIntro();

    [GeneratedRegex(@"^(?<n>\d+)\. (?:(?<add>push (?<value>\d+)|put (?<value>\d+) on top|add (?<value>\d+) to the top|enqueue (?<value>\d+)|add (?<value>\d+) at the back|let (?<value>\d+) join at the back)|(?<pop>pop|remove the top value|take the top value off)|(?<dequeue>dequeue|remove the value at the front|serve the value at the front)|(?<dup>duplicate the top value)|(?<rotate>move the value at the front to the back))$")]
    private static partial Regex Operation();
}
