using System.Text;
using Microsoft.Build.Utilities;

namespace BenchmarkAgent.Tasks.Tests;

/// <summary>An unreadable dataset beside readable ones is a BA0410 warning at its file, not a failed build.</summary>
public sealed class UnreadableDatasetTaskTests : IDisposable
{
    private readonly TaskProject _project = new("ba-unreadable-");

    public void Dispose() => _project.Dispose();

    [Fact]
    public void An_unreadable_dataset_is_left_out_with_a_BA0410_warning_naming_file_and_reason_and_the_build_succeeds()
    {
        string data = Path.Combine(_project.Root, "data");
        Directory.CreateDirectory(data);
        File.WriteAllText(Path.Combine(data, "compass.jsonl"), string.Concat(Enumerable.Range(0, 30).Select(i =>
            $"{{\"question\": \"Which way does needle {i} point?\", \"choices\": [\"north {i}\", \"south {i}\", \"east {i}\"], \"answer\": \"A\"}}\n")));
        File.WriteAllText(Path.Combine(data, "legacy.jsonl"), "{\"question\": \"q\", \"answer\": \"1\"}\n", Encoding.Unicode);
        var item = new TaskItem("compass");
        item.SetMetadata("Query", "Multiple-choice compass questions");
        item.SetMetadata("Quota", "10");
        item.SetMetadata("Datasets", "data/compass.jsonl;data/legacy.jsonl");

        var (ok, engine) = _project.Run([item]);

        Assert.True(ok, string.Join("\n", engine.Errors.Select(e => $"{e.Code}: {e.Message}")));
        var warning = Assert.Single(engine.Warnings, w => w.Code == "BA0410");
        Assert.EndsWith("legacy.jsonl", warning.File);
        Assert.Contains("UTF-16", warning.Message);
        Assert.Contains("NoWarn", warning.Message);
        Assert.Equal(2, _project.FilesWritten().Length);
    }
}
