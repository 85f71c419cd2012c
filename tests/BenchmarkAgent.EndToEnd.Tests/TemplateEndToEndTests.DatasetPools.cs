using System.Text.Json;

namespace BenchmarkAgent.EndToEnd.Tests;

public sealed partial class TemplateEndToEndTests
{
    private static readonly string[] PoolFiles =
    [
        "arc-challenge/ARC-Challenge-Dev.jsonl", "hellaswag/hellaswag.jsonl", "winogrande/winogrande_dev.jsonl",
        "mmlu/high_school_physics_test.csv", "piqa-llm-foundry/piqa.jsonl", "squad-v1/dev-v1.1.json", "boolq/val.jsonl",
    ];

    [Fact]
    public async Task The_real_dataset_pool_builds_to_quota_from_its_multiple_choice_files_in_a_real_build()
    {
        Assert.True(workspace.FirstBuild.ExitCode == 0, workspace.FirstBuild.ToString());
        string? pools = null;
        for (var dir = new DirectoryInfo(TemplateWorkspace.RepositoryRoot()); dir is not null && pools is null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "datasets", "pools", "SOURCES.md");
            pools = File.Exists(candidate) ? Path.GetDirectoryName(candidate) : null;
        }

        Assert.SkipWhen(pools is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "shared/datasets/pools was not found.");
        Assert.NotNull(pools);
        string project = workspace.CopyProject("Pool.Benchmarks");
        foreach (string file in PoolFiles)
        {
            string target = Path.Combine(project, "data", file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(pools, file), target);
        }

        string datasets = string.Join(";", PoolFiles.Select(f => "data/" + f));
        await AddToProjectAsync(project, $"<ItemGroup><GeneratedBenchmark Include=\"pool\" Query=\"Multiple-choice commonsense and science reasoning questions\" Quota=\"60\" Datasets=\"{datasets}\" /></ItemGroup>");

        var build = await DotnetCli.RunAsync(project, workspace.Environment, TemplateWorkspace.Timeout, "build");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("generated 'pool': 60 items", build.Output);
        using var items = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(project, "Benchmarks", "pool", "items.json"), TestContext.Current.CancellationToken));
        string[] multipleChoice = ["ARC-Challenge-Dev", "hellaswag", "winogrande_dev", "high_school_physics_test", "piqa"];
        Assert.All(items.RootElement.GetProperty("items").EnumerateArray(), item =>
        {
            string source = item.GetProperty("provenance").GetProperty("source").GetString()!;
            Assert.Contains(multipleChoice, d => source.StartsWith($"dataset:{d}#", StringComparison.Ordinal));
        });
        string plan = await File.ReadAllTextAsync(Path.Combine(project, "Benchmarks", "pool", "plan.json"), TestContext.Current.CancellationToken);
        Assert.Contains("\"candidates\": [", plan);
        Assert.True(File.Exists(Path.Combine(project, "obj", "benchagent", "cards", "pool", "dataset-hellaswag.card.json")));
    }
}
