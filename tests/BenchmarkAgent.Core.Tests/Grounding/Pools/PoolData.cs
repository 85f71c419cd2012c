namespace BenchmarkAgent.Core.Tests.Grounding.Pools;

/// <summary>The real public files of shared/datasets/pools (see its SOURCES.md).</summary>
internal static class PoolData
{
    /// <summary>The pool's files, relative to the pools folder, with the roles their cards must have.</summary>
    public static readonly (string File, bool MultipleChoice, string Question, string Answer)[] Files =
    [
        ("arc-challenge/ARC-Challenge-Dev.jsonl", true, "question.stem", "answerKey"),
        ("hellaswag/hellaswag.jsonl", true, "ctx", "label"),
        ("winogrande/winogrande_dev.jsonl", true, "sentence", "answer"),
        ("mmlu/high_school_physics_test.csv", true, "question", "answer"),
        ("piqa-llm-foundry/piqa.jsonl", true, "query", "gold"),
        ("squad-v1/dev-v1.1.json", false, "question", "answers"),
        ("boolq/val.jsonl", false, "question", "label"),
    ];

    /// <summary>The pools folder, found above the test binaries; fails (CI=true) or skips the calling test when absent.</summary>
    public static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string sources = Path.Combine(dir.FullName, "shared", "datasets", "pools", "SOURCES.md");
            if (File.Exists(sources))
            {
                return Path.GetDirectoryName(SharedTestData.Require(sources, "shared/datasets/pools/SOURCES.md"))!;
            }
        }

        return SharedTestData.Require(null, "shared/datasets/pools/SOURCES.md (looked for above the test binaries)");
    }

    /// <summary>The full path of every pool file.</summary>
    public static IReadOnlyList<string> Paths() => Files.Select(f => Path.Combine(Folder(), f.File)).ToList();
}
