using BenchmarkAgent.Testing.Baselines;

namespace BenchmarkAgent.Testing.Tests.Baselines;

public sealed class ItemVerdictsTests
{
    // The verdict is named, not typed: ItemVerdict is internal and a public test method cannot take it.
    public static TheoryData<bool?, bool?, string, bool, bool> Cases => new()
    {
        // baseline passed?, passed now?, verdict, fails the test, fails the test when recording
        { null, true, nameof(ItemVerdict.Pass), false, false },
        { null, false, nameof(ItemVerdict.Fail), true, false },
        { true, true, nameof(ItemVerdict.Pass), false, false },
        { true, false, nameof(ItemVerdict.Regression), true, false },
        { false, false, nameof(ItemVerdict.KnownFailure), false, false },
        { false, true, nameof(ItemVerdict.Improvement), false, false },
        { true, null, nameof(ItemVerdict.Error), true, true },
        { false, null, nameof(ItemVerdict.Error), true, true },
        { null, null, nameof(ItemVerdict.Error), true, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Verdicts_follow_the_baseline_and_errors_always_fail(bool? before, bool? now, string verdictName, bool fails, bool failsWhenRecording)
    {
        var entry = before is { } passed ? new BaselineItem("id", passed, passed ? 1 : 0) : null;

        var verdict = Enum.Parse<ItemVerdict>(verdictName);
        var decided = ItemVerdicts.Decide(entry, now);

        Assert.Equal(verdict, decided);
        Assert.Equal(fails, ItemVerdicts.FailsTest(decided, recording: false));
        Assert.Equal(failsWhenRecording, ItemVerdicts.FailsTest(decided, recording: true));
    }
}
