using System.Globalization;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Families;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Core.Tests.Execution;

/// <summary>
/// A family whose candidates verification often rejects, decided by the seed: one in seven has a wrong answer (the
/// checker rejects it) and one in seven repeats a fixed prompt (the duplicate check rejects all but the first).
/// </summary>
internal sealed class PickyTestFamily : ITaskFamily
{
    public TaskFamilyCard Card { get; } = new("picky", "Picky", "Doubling with frequent rejections.", "arithmetic", ["doubling"], AnswerType.Number);

    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        ulong kind = seed % 7;
        int n = kind == 0 ? 5 : (int)(seed % 100_000);
        int answer = kind == 1 ? 2 * n + 1 : 2 * n;
        return new FamilySample($"Double the number {n}.\nAnswer with a number.", ExpectedAnswer.Number(answer));
    }

    public CheckResult Check(FamilySample sample)
    {
        string number = sample.Prompt["Double the number ".Length..sample.Prompt.IndexOf('.', StringComparison.Ordinal)];
        int expected = 2 * int.Parse(number, CultureInfo.InvariantCulture);
        return sample.Answer.Value == expected.ToString(CultureInfo.InvariantCulture) ? CheckResult.Pass() : CheckResult.Fail($"2 x {number} is {expected}.");
    }

    /// <summary>The generator over this family and the built-in ones.</summary>
    public static SnapshotGenerator Generator() => new([new PickyTestFamily(), .. BuiltInTaskFamilies.All]);

    /// <summary>Generates <paramref name="plan"/> through the production path, recording into (and resuming from) <paramref name="journal"/>.</summary>
    public static BenchmarkSnapshot Generate(BenchmarkPlan plan, IItemJournal? journal = null) =>
        Generator().Generate(plan, "sha256:test", journal: journal, cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>A plan with a picky subtask (mixed difficulty) and a multiple-choice, multi-line built-in one.</summary>
    public static BenchmarkPlan Plan(int pickyQuota = 40, int choiceQuota = 20) => new(
        new BenchmarkRequest("bench", "doubling and logic", pickyQuota + choiceQuota, 11),
        "offline",
        [
            new PlannedSubtask("picky", "Doubling.", "arithmetic", AnswerType.Number, null, new FamilySource("picky"), 1, "test", pickyQuota),
            new PlannedSubtask("knights", "Knights and knaves.", "logic", AnswerType.Choice, Difficulty.Medium, new FamilySource("knights-and-knaves"), 1, "test", choiceQuota),
        ],
        []);
}
