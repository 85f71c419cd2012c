using System.Globalization;
using System.Text;
using BenchmarkAgent.Persistence;

namespace BenchmarkAgent.Testing.Reports;

/// <summary>
/// Where a run's reports go (issue 16: two concurrent runs overwrote one report folder). Each run writes its own
/// <c>runs/&lt;utc-time&gt;-&lt;process&gt;-&lt;random&gt;/</c> folder; then the top-level <c>report.*</c> files are replaced
/// atomically by copies of that run's (so tools reading <c>TestResults/benchagent/report.json</c> keep working) and
/// the <c>latest</c> file names the run folder (<c>runs/...</c>, one line). A run's own folder is never overwritten.
/// </summary>
internal static class RunFolders
{
    /// <summary>The folder under the results directory that holds one folder per run.</summary>
    public const string RunsFolder = "runs";

    /// <summary>The file naming the latest run's folder, relative to the results directory.</summary>
    public const string LatestPointer = "latest";

    /// <summary>The report files every run writes.</summary>
    public static IReadOnlyList<string> ReportFiles { get; } = ["report.json", "report.md", "report.html"];

    /// <summary>A folder name unique to this run: sortable UTC time, process id and a random part.</summary>
    public static string NewName(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{now.UtcDateTime:yyyyMMdd-HHmmss}-{Environment.ProcessId}-{Guid.NewGuid():N}")[..40];

    /// <summary>Writes <paramref name="report"/> to a new run folder, then updates the top-level copies and the pointer.</summary>
    /// <returns>The run folder written.</returns>
    public static async Task<string> WriteAsync(RunReport report, string resultsDirectory, string? stepSummaryPath, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(resultsDirectory);
        string name = NewName(now);
        string runDirectory = Path.Combine(resultsDirectory, RunsFolder, name);
        await ReportWriter.WriteAsync(report, runDirectory, stepSummaryPath, cancellationToken).ConfigureAwait(false);
        foreach (string file in ReportFiles)
        {
            // Copy beside the target, then rename over it: a reader never sees a half-copied report.
            string target = Path.Combine(resultsDirectory, file);
            string temp = target + "." + name + ".tmp";
            File.Copy(Path.Combine(runDirectory, file), temp, overwrite: true);
            File.Move(temp, target, overwrite: true);
        }

        AtomicFile.WriteAllBytes(Path.Combine(resultsDirectory, LatestPointer), Encoding.UTF8.GetBytes($"{RunsFolder}/{name}\n"));
        return runDirectory;
    }
}
