using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkAgent.Testing.Baselines;
using BenchmarkAgent.Testing.TestCases;
using BenchmarkAgent.Testing.Results;

namespace BenchmarkAgent.Testing.Baselines;

/// <summary>
/// The baselines of one run: read once per benchmark and subject (from the snapshot folder next to the test
/// assembly), used to judge items and gate benchmarks, and recorded into the project in record mode.
/// </summary>
internal sealed class BaselineStore
{
    private readonly ConcurrentDictionary<(string Directory, string Benchmark, string Subject), Lazy<BaselineLookup>> _lookups = new();

    /// <summary>Creates the store over an environment lookup (for the record switch and locked mode).</summary>
    /// <param name="environment">The environment lookup.</param>
    public BaselineStore(Func<string, string?> environment) => Recording = BaselineRecording.Read(environment);

    /// <summary>Whether this run records new baselines.</summary>
    public BaselineRecording Recording { get; }

    /// <summary>Finds the baseline of a benchmark and subject (read on first use).</summary>
    /// <param name="location">The benchmark's location.</param>
    /// <param name="subject">The subject label.</param>
    /// <returns>The lookup.</returns>
    public BaselineLookup Find(BenchmarkLocation location, string subject)
    {
        ArgumentNullException.ThrowIfNull(location);
        return _lookups.GetOrAdd(
            (location.SnapshotDirectory, location.Benchmark, subject),
            key => new Lazy<BaselineLookup>(() => BaselineLookup.Read(BaselineLayout.PathFor(key.Directory, key.Subject), key.Benchmark, key.Subject))).Value;
    }

    /// <summary>Judges one item against the baseline.</summary>
    /// <param name="location">The benchmark's location, or <see langword="null"/> when unknown (no baseline then).</param>
    /// <param name="subject">The subject label.</param>
    /// <param name="itemId">The item id.</param>
    /// <param name="passedNow">Whether the item passed; <see langword="null"/> when the call failed.</param>
    /// <returns>The judgement.</returns>
    public ItemJudgement Judge(BenchmarkLocation? location, string subject, string itemId, bool? passedNow)
    {
        bool recording = Recording.Enabled;
        var lookup = location is null ? null : Find(location, subject);
        if (lookup?.Error is { } error && !recording)
        {
            return new ItemJudgement(ItemVerdicts.Decide(null, passedNow), true, null, error);
        }

        BaselineItem? before = lookup?.Baseline is null ? null : lookup.Items.GetValueOrDefault(itemId);
        var verdict = ItemVerdicts.Decide(before, passedNow);
        string file = lookup is null ? string.Empty : Path.GetFileName(lookup.Path);
        string? note = lookup?.Baseline is null ? null : verdict switch
        {
            ItemVerdict.Regression => $"baseline: REGRESSION: passed in baselines/{file}, fails now",
            ItemVerdict.KnownFailure => $"baseline: known failure: failed in baselines/{file} too, so this test passes (counted as a known failure in the report)",
            ItemVerdict.Improvement => $"baseline: improvement: failed in baselines/{file}, passes now (record a new baseline to keep it)",
            ItemVerdict.Error => $"baseline: error (fails whatever baselines/{file} says)",
            _ when before is null => $"baseline: new item (not in baselines/{file})",
            _ => $"baseline: passed in baselines/{file} too",
        };
        return new ItemJudgement(verdict, ItemVerdicts.FailsTest(verdict, recording), note, null);
    }

    /// <summary>
    /// Runs a benchmark's aggregate test over every item's result: records the baseline in record mode, otherwise
    /// evaluates the gate (minimum score and significant drop).
    /// </summary>
    /// <param name="location">The benchmark's location.</param>
    /// <param name="subject">The subject label.</param>
    /// <param name="results">The result of every item of the benchmark.</param>
    /// <returns>The outcome.</returns>
    public GateOutcome Check(BenchmarkLocation location, string subject, IReadOnlyList<ItemResult> results)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(results);
        if (Recording.Error is { } switchError)
        {
            return new GateOutcome(null, [switchError], switchError);
        }

        if (!GateSettings.TryParse(location.Benchmark, location.MinScore, location.RegressionAlpha, out var settings, out string? settingsError))
        {
            return new GateOutcome(null, [settingsError!], settingsError);
        }

        if (Recording.Enabled)
        {
            return Record(location, subject, results);
        }

        var lookup = Find(location, subject);
        if (lookup.Error is { } error)
        {
            return new GateOutcome(null, [error], error);
        }

        var gate = RegressionGate.Evaluate(location.Benchmark, results, lookup.Baseline, Relative(location, lookup.Path), settings);
        var lines = gate.Describe();
        return new GateOutcome(gate, lines, gate.GatePassed ? null : $"{location.Benchmark}: the gate failed.\n" + string.Join('\n', lines));
    }

    private static GateOutcome Record(BenchmarkLocation location, string subject, IReadOnlyList<ItemResult> results)
    {
        var errors = results.Where(r => r.Score is null).Select(r => r.ItemId).Order(StringComparer.Ordinal).ToList();
        if (errors.Count > 0)
        {
            string message = string.Create(CultureInfo.InvariantCulture,
                $"{ErrorCodes.RecordWithErrors}: benchmark '{location.Benchmark}': {errors.Count} subject call(s) failed ({string.Join(", ", errors.Take(5))}{(errors.Count > 5 ? ", ..." : string.Empty)}), so no baseline was recorded (an error is not an outcome to compare against). Fix the subject or retry, then record again.");
            return new GateOutcome(null, [message], message);
        }

        if (location.ProjectSnapshotDirectory is not { } projectDirectory)
        {
            string message = $"{ErrorCodes.RecordFailed}: benchmark '{location.Benchmark}': the test assembly does not say where the project's snapshot folder is (assembly metadata {BenchmarkLocation.ProjectSnapshotRootKey}, added by BenchmarkAgent.Sdk). Build the project with the SDK, then record again.";
            return new GateOutcome(null, [message], message);
        }

        var baseline = Baseline.From(location.Benchmark, subject, results);
        string path = BaselineLayout.PathFor(projectDirectory, subject);
        try
        {
            bool changed = BaselineWriter.Write(path, baseline);
            // Keep the copy next to the test assembly in step, so a later run without a rebuild compares against it.
            BaselineWriter.Write(BaselineLayout.PathFor(location.SnapshotDirectory, subject), baseline);
            string line = string.Create(CultureInfo.InvariantCulture,
                $"recorded:  {path} ({baseline.Passed}/{baseline.Items.Count} passed){(changed ? string.Empty : "; unchanged")}. Review the diff and commit it.");
            return new GateOutcome(null, [line], null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            string message = $"{ErrorCodes.RecordFailed}: benchmark '{location.Benchmark}': the baseline could not be written to {path}: {ex.Message}";
            return new GateOutcome(null, [message], message);
        }
    }

    private static string Relative(BenchmarkLocation location, string path) =>
        Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(location.SnapshotDirectory)) ?? location.SnapshotDirectory, path).Replace('\\', '/');
}
