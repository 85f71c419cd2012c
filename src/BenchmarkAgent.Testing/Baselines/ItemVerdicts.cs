namespace BenchmarkAgent.Testing.Baselines;

/// <summary>Pure rules that compare one item's outcome now with its baseline entry.</summary>
internal static class ItemVerdicts
{
    /// <summary>Decides the verdict of one item.</summary>
    /// <param name="baseline">The item's baseline entry, or <see langword="null"/> when there is no baseline or it does not hold the item.</param>
    /// <param name="passedNow">Whether the item passed now; <see langword="null"/> when the subject call failed.</param>
    /// <returns>The verdict.</returns>
    public static ItemVerdict Decide(BaselineItem? baseline, bool? passedNow) => (baseline?.Passed, passedNow) switch
    {
        (_, null) => ItemVerdict.Error,
        (null, true) => ItemVerdict.Pass,
        (null, false) => ItemVerdict.Fail,
        (true, true) => ItemVerdict.Pass,
        (true, false) => ItemVerdict.Regression,
        (false, true) => ItemVerdict.Improvement,
        (false, false) => ItemVerdict.KnownFailure,
    };

    /// <summary>
    /// Whether an item test with this verdict fails. A known failure passes: the item is wrong, but it was wrong when
    /// the baseline was recorded, so failing the test would make CI red for something already accepted; the test
    /// passes with a "known failure" line in its output and the report counts it apart. It is deliberately not a
    /// skip: a skip says "did not run" (the item did run and was scored), and runs configured to fail on skips would
    /// turn it back into a failure. In record mode wrong answers and regressions do not fail either (the run is
    /// recording the new truth); errors always fail.
    /// </summary>
    /// <param name="verdict">The verdict.</param>
    /// <param name="recording">Whether the run records a new baseline.</param>
    /// <returns>True when the test must fail.</returns>
    public static bool FailsTest(ItemVerdict verdict, bool recording) => verdict switch
    {
        ItemVerdict.Error => true,
        ItemVerdict.Regression or ItemVerdict.Fail => !recording,
        _ => false,
    };
}
