using BenchmarkAgent.Grounding;

namespace BenchmarkAgent.Core.Tests.Grounding;

/// <summary>A temporary folder deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ba-grounding-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relative, string text)
    {
        string full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal static class GroundingTestData
{
    private static readonly Lazy<Dataset?> Gsm8kDataset = new(() => FindGsm8k() is { } path ? DatasetReader.Read(path) : null);

    /// <summary>Walks up from the test binaries to a folder holding shared/datasets/gsm8k/test.jsonl (shared is a sibling of the repo root).</summary>
    public static string? FindGsm8k()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "datasets", "gsm8k", "test.jsonl");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The first 40 records of the GSM8K test split, committed in Fixtures/gsm8k (MIT), for tests that need only a few.</summary>
    public static string Gsm8kSamplePath() => Path.Combine(AppContext.BaseDirectory, "Fixtures", "gsm8k", "test.jsonl");

    /// <summary>The path of the GSM8K test split; fails (CI=true) or skips the calling test when it is absent.</summary>
    public static string Gsm8kPath() =>
        SharedTestData.Require(FindGsm8k(), "shared/datasets/gsm8k/test.jsonl (looked for above the test binaries)");

    /// <summary>The GSM8K test split, read once per test run; fails (CI=true) or skips the calling test when it is absent.</summary>
    public static Dataset Gsm8k()
    {
        Gsm8kPath();
        return Gsm8kDataset.Value!;
    }

    public static void WriteGeneralBench(TempFolder folder)
    {
        folder.Write("math/annotation.json", """
            {
              "task": "math word problems",
              "type": "generation",
              "modality": "text",
              "data": [
                { "id": "m1", "input": { "text": "Tom has 3 apples and buys 4 more. How many apples does he have?" }, "output": { "text": "7" } },
                { "id": "m2", "input": "A box holds 12 pens. How many pens are in 3 boxes?", "output": "36" },
                { "id": "m3", "input": "Sara reads 20 pages a day. How many pages does she read in 5 days?", "output": 100 }
              ]
            }
            """);
        folder.Write("math/card.json", """
            {
              "name": "grade-school-math",
              "description": "Grade-school math word problems that need multi-step arithmetic reasoning.",
              "tasks": ["math word problem solving", "arithmetic reasoning"],
              "modalities": ["text"],
              "keywords": ["arithmetic", "math", "word problems", "calculation"],
              "io": { "input": "question text", "output": "number" }
            }
            """);
        folder.Write("sentiment/annotation.json", """
            {
              "task": "sentiment classification",
              "type": "comprehension",
              "modality": "text",
              "data": [
                { "id": "s1", "input": "A moving, beautifully acted film.", "output": "positive" },
                { "id": "s2", "input": "Two hours I will never get back.", "output": "negative" },
                { "id": "s3", "input": "The plot drags but the score is lovely.", "output": "positive" }
              ]
            }
            """);
        folder.Write("sentiment/card.json", """
            {
              "name": "movie-review-sentiment",
              "description": "Sentiment classification of movie reviews into positive or negative.",
              "tasks": ["sentiment classification"],
              "modalities": ["text"],
              "keywords": ["sentiment", "movie reviews", "opinion", "polarity"]
            }
            """);
    }
}
