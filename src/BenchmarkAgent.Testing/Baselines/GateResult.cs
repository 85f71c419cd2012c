using System.Globalization;

namespace BenchmarkAgent.Testing.Baselines;

/// <summary>The aggregate gate of one benchmark: minimum score and significant drop against the baseline.</summary>
/// <param name="Benchmark">The benchmark name.</param>
/// <param name="Items">Items run.</param>
/// <param name="Passed">Items answered correctly.</param>
/// <param name="Errors">Items whose call failed (they count as wrong: fail closed).</param>
/// <param name="Score">The mean item score over all items, errors counting 0.</param>
/// <param name="MinScore">The minimum score, or <see langword="null"/> when none is set.</param>
/// <param name="Baseline">The baseline file compared with, or <see langword="null"/> when there is none.</param>
/// <param name="Paired">Items present both in the baseline and now (the pairs of the test).</param>
/// <param name="BaselinePassed">Of the paired items, how many passed in the baseline.</param>
/// <param name="PairedPassed">Of the paired items, how many pass now.</param>
/// <param name="KnownFailures">Items that failed in the baseline and still fail.</param>
/// <param name="NewItems">Items the baseline does not hold.</param>
/// <param name="Drop">The exact McNemar test on the paired items (<c>b</c> regressions, <c>c</c> improvements, p-value).</param>
/// <param name="Alpha">The significance level.</param>
internal sealed record GateResult(
    string Benchmark,
    int Items,
    int Passed,
    int Errors,
    double Score,
    double? MinScore,
    string? Baseline,
    int Paired,
    int BaselinePassed,
    int PairedPassed,
    int KnownFailures,
    int NewItems,
    Statistics.McNemarResult Drop,
    double Alpha)
{
    /// <summary>The statistical method, as shown in output and reports.</summary>
    public const string Method = "exact McNemar (two-sided binomial test on the discordant pairs)";

    /// <summary>Whether the score meets the minimum (true when no minimum is set).</summary>
    public bool MinScoreMet => MinScore is not { } min || Score >= min;

    /// <summary>Whether the paired items dropped (more regressions than improvements) with p below <see cref="Alpha"/>.</summary>
    public bool SignificantDrop => Baseline is not null && Drop.Regressions > Drop.Improvements && Drop.PValue < Alpha;

    /// <summary>Whether the gate passes: the minimum score is met and there is no significant drop.</summary>
    public bool GatePassed => MinScoreMet && !SignificantDrop;

    /// <summary>Renders the gate for the test output, one fact per line.</summary>
    /// <returns>The lines.</returns>
    public IReadOnlyList<string> Describe()
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            string.Create(c, $"score:     {Passed}/{Items} passed, {Errors} errors, mean score {Score:0.####}"),
            MinScore is { } min
                ? string.Create(c, $"min score: {min:0.####} ({(MinScoreMet ? "met" : "NOT met")})")
                : "min score: none (set MinScore on the GeneratedBenchmark item)",
        };
        if (Baseline is null)
        {
            lines.Add("baseline:  none (record one with BENCHAGENT_RECORD_BASELINE=true dotnet test); no drop check");
        }
        else
        {
            lines.Add(string.Create(c, $"baseline:  {Baseline}: {BaselinePassed}/{Paired} paired items passed then, {PairedPassed}/{Paired} now; {KnownFailures} known failures, {NewItems} new items"));
            lines.Add(string.Create(c, $"drop:      b={Drop.Regressions} regressions, c={Drop.Improvements} improvements; {Method}: p={Drop.PValue:0.######} (alpha {Alpha:0.####}) -> {(SignificantDrop ? "SIGNIFICANT drop" : Drop.Regressions > Drop.Improvements ? "drop not significant" : "no drop")}"));
        }

        lines.Add($"gate:      {(GatePassed ? "pass" : "FAIL")}");
        return lines;
    }
}
