using BenchmarkAgent.Testing.Baselines;

namespace BenchmarkAgent.Testing.Tests.Baselines;

public sealed class ItemVerdictsTests
{
    public static TheoryData<bool?, bool?, ItemVerdict, bool, bool> Cases => new()
    {
        // baseline passed?, passed now?, verdict, fails the test, fails the test when recording
        { null, true, ItemVerdict.Pass, false, false },
        { null, false, ItemVerdict.Fail, true, false },
        { true, true, ItemVerdict.Pass, false, false },
        { true, false, ItemVerdict.Regression, true, false },
        { false, false, ItemVerdict.KnownFailure, false, false },
        { false, true, ItemVerdict.Improvement, false, false },
        { true, null, ItemVerdict.Error, true, true },
        { false, null, ItemVerdict.Error, true, true },
        { null, null, ItemVerdict.Error, true, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Verdicts_follow_the_baseline_and_errors_always_fail(bool? before, bool? now, ItemVerdict verdict, bool fails, bool failsWhenRecording)
    {
        var entry = before is { } passed ? new BaselineItem("id", passed, passed ? 1 : 0) : null;

        var decided = ItemVerdicts.Decide(entry, now);

        Assert.Equal(verdict, decided);
        Assert.Equal(fails, ItemVerdicts.FailsTest(decided, recording: false));
        Assert.Equal(failsWhenRecording, ItemVerdicts.FailsTest(decided, recording: true));
    }
}
