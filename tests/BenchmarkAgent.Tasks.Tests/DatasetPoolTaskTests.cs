using System.Text.Json;
using BenchmarkAgent.Snapshots;
using Microsoft.Build.Utilities;

namespace BenchmarkAgent.Tasks.Tests;

/// <summary>The real pool of shared/datasets/pools registered on one benchmark, through the generation and plan tasks.</summary>
public sealed class DatasetPoolTaskTests : IDisposable
{
    private const string Query = "Multiple-choice commonsense and science reasoning questions";

    private static readonly string[] PoolFiles =
    [
        "arc-challenge/ARC-Challenge-Dev.jsonl", "hellaswag/hellaswag.jsonl", "winogrande/winogrande_dev.jsonl",
        "mmlu/high_school_physics_test.csv", "piqa-llm-foundry/piqa.jsonl", "squad-v1/dev-v1.1.json", "boolq/val.jsonl",
    ];

    private static readonly string[] MultipleChoiceDatasets = ["ARC-Challenge-Dev", "hellaswag", "winogrande_dev", "high_school_physics_test", "piqa"];

    private readonly TaskProject _project = new("ba-pool-");

    public void Dispose() => _project.Dispose();

    /// <summary>Copies the pool under the project's data/ folder; null (and the test skips, or fails under CI=true) when it is absent.</summary>
    private string CopyPool()
    {
        string? pools = null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null && pools is null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "datasets", "pools", "SOURCES.md");
            pools = File.Exists(candidate) ? Path.GetDirectoryName(candidate) : null;
        }

        if (pools is null)
        {
            Assert.SkipWhen(!string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "shared/datasets/pools was not found.");
            Assert.Fail("shared/datasets/pools was not found; CI=true requires it.");
        }

        foreach (string file in PoolFiles)
        {
            string target = Path.Combine(_project.Root, "data", file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(pools!, file), target);
        }

        return string.Join(";", PoolFiles.Select(f => "data/" + f));
    }

    private static TaskItem Item(string datasets)
    {
        var item = new TaskItem("pool");
        item.SetMetadata("Query", Query);
        item.SetMetadata("Quota", "60");
        item.SetMetadata("Datasets", datasets);
        return item;
    }

    [Fact]
    public void The_real_pool_generates_to_quota_from_the_multiple_choice_files_and_caches_their_cards()
    {
        string datasets = CopyPool();

        var (ok, engine) = _project.Run([Item(datasets)]);

        Assert.True(ok, string.Join("\n", engine.Errors.Select(e => $"{e.Code}: {e.Message}")));
        using var items = JsonDocument.Parse(File.ReadAllBytes(SnapshotLayout.ItemsPath(_project.SnapshotRoot, "pool")));
        var all = items.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(60, all.Count);
        Assert.All(all, item =>
        {
            string source = item.GetProperty("provenance").GetProperty("source").GetString()!;
            Assert.Contains(MultipleChoiceDatasets, d => source.StartsWith($"dataset:{d}#", StringComparison.Ordinal));
        });
        Assert.Contains(engine.Warnings, w => (w.Message ?? string.Empty).Contains("boolq-val", StringComparison.Ordinal));

        string cards = Path.Combine(_project.Root, "obj", "benchagent", "cards", "pool");
        var cached = Directory.GetFiles(cards, "*.card.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(5, cached.Count);
        using var arc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(cards, "dataset-arc-challenge-dev.card.json")));
        Assert.Equal("question.stem", arc.RootElement.GetProperty("roles").GetProperty("question").GetString());
    }

    [Fact]
    public void The_plan_target_prints_each_dataset_card_with_its_roles_and_candidates()
    {
        string datasets = CopyPool();
        var (ok, engine) = _project.Run([Item(datasets)], target: "plan");

        Assert.True(ok, string.Join("\n", engine.Errors.Select(e => $"{e.Code}: {e.Message}")));
        string output = string.Join("\n", engine.Messages.Select(m => m.Message ?? string.Empty));
        Assert.Contains("dataset card of dataset-hellaswag: name 'hellaswag', 150 records", output);
        Assert.Contains("roles: question <- ctx, options <- endings, answer <- label", output);
        Assert.Contains("candidate option-shuffle+answer-format-constraint", output);
        Assert.Empty(_project.FilesWritten());
    }
}
