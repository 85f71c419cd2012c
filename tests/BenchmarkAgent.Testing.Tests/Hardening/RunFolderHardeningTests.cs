using BenchmarkAgent.Testing.Reports;
using BenchmarkAgent.Testing.Tests.Reports;

namespace BenchmarkAgent.Testing.Tests.Hardening;

/// <summary>Issue 16, weaker finding: two concurrent runs overwrote one report folder.</summary>
public sealed class RunFolderHardeningTests
{
    [Fact]
    public async Task Concurrent_runs_each_write_their_own_folder_and_latest_names_one_of_them()
    {
        using var temp = new TempFolder();
        var first = RunReport.Create([ReportSamples.Result("alpha", "s", "a1", "easy", true)]);
        var second = RunReport.Create([ReportSamples.Result("beta", "s", "b1", "easy", false)]);
        var now = new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

        string[] folders = await Task.WhenAll(
            RunFolders.WriteAsync(first, temp.Path, null, now, TestContext.Current.CancellationToken),
            RunFolders.WriteAsync(second, temp.Path, null, now, TestContext.Current.CancellationToken));

        Assert.NotEqual(folders[0], folders[1]);
        Assert.Contains("alpha", await File.ReadAllTextAsync(Path.Combine(folders[0], "report.json"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("beta", await File.ReadAllTextAsync(Path.Combine(folders[1], "report.json"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain("beta", await File.ReadAllTextAsync(Path.Combine(folders[0], "report.json"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        string latest = (await File.ReadAllTextAsync(Path.Combine(temp.Path, RunFolders.LatestPointer), TestContext.Current.CancellationToken)).Trim();
        Assert.Contains(Path.GetFullPath(Path.Combine(temp.Path, latest)), folders.Select(Path.GetFullPath));
        Assert.StartsWith("runs/20261201-060000-", latest, StringComparison.Ordinal);
        Assert.All(RunFolders.ReportFiles, f => Assert.True(File.Exists(Path.Combine(temp.Path, f)), f));
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
    }
}
