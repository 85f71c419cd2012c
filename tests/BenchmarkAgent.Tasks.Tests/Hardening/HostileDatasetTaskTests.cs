using System.Diagnostics;
using Microsoft.Build.Utilities;

namespace BenchmarkAgent.Tasks.Tests.Hardening;

/// <summary>Issue 16, findings 2 and 3, through the generation task: a FIFO or an endless device registered as a dataset.</summary>
public sealed class HostileDatasetTaskTests : IDisposable
{
    private readonly TaskProject _project = new("ba-hostile-");

    public void Dispose() => _project.Dispose();

    private static TaskItem Item(string datasets)
    {
        var item = new TaskItem("hostile");
        item.SetMetadata("Query", "Multiple-choice questions");
        item.SetMetadata("Quota", "5");
        item.SetMetadata("Datasets", datasets);
        return item;
    }

    [Fact]
    public void A_fifo_dataset_fails_the_build_with_a_BA_error_in_under_five_seconds_instead_of_hanging()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "FIFOs are a Unix file type.");
        Directory.CreateDirectory(Path.Combine(_project.Root, "data"));
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", Path.Combine(_project.Root, "data", "pipe.jsonl")) { UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
        }

        var clock = Stopwatch.StartNew();
        var (ok, engine) = _project.Run([Item("data/pipe.jsonl")]);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.False(ok);
        var error = Assert.Single(engine.Errors);
        Assert.StartsWith("BA04", error.Code);
        Assert.Contains("not a regular file", error.Message);
        Assert.Empty(_project.FilesWritten());
    }

    [Fact]
    public void Dev_zero_as_a_dataset_fails_the_build_with_a_BA_error_in_under_five_seconds_instead_of_MSB4018()
    {
        Assert.SkipUnless(File.Exists("/dev/zero"), "needs /dev/zero");
        var clock = Stopwatch.StartNew();

        var (ok, engine) = _project.Run([Item("/dev/zero")]);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.False(ok);
        Assert.All(engine.Errors, e => Assert.StartsWith("BA04", e.Code));
        Assert.NotEmpty(engine.Errors);
        Assert.Empty(_project.FilesWritten());
    }
}
