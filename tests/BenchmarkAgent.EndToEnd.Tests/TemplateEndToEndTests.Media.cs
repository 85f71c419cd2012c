using System.Security.Cryptography;
using System.Text.Json;
using BenchmarkAgent.Tests.Shared;

namespace BenchmarkAgent.EndToEnd.Tests;

public sealed partial class TemplateEndToEndTests
{
    /// <summary>
    /// Issue 15 end to end, from the packed SDK: a General-Bench image pool and an offline chart family build media
    /// snapshots in a real <c>dotnet build</c> (the packed generator program renders the charts with its own SkiaSharp),
    /// and a real <c>dotnet test</c> sends every image to the in-test server as a data URI whose bytes hash to the
    /// snapshot's record; the server answers from the image it received, so every media item passes only if the right
    /// image arrived. A text-only subject skips the media items instead.
    /// </summary>
    [Fact]
    public async Task A_General_Bench_pool_and_a_chart_family_build_media_snapshots_and_dotnet_test_sends_the_images_over_the_wire()
    {
        Assert.True(workspace.FirstBuild.ExitCode == 0, workspace.FirstBuild.ToString());
        string project = workspace.CopyProject("Media.Benchmarks");
        string pool = Path.Combine(TemplateWorkspace.RepositoryRoot(), "tests", "BenchmarkAgent.Tasks.Tests", "Fixtures", "general-bench", "Shape-Counting");
        foreach (string file in Directory.GetFiles(pool, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(project, "data", "Shape-Counting", Path.GetRelativePath(pool, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        await AddToProjectAsync(project, "<ItemGroup>\n" +
            "    <GeneratedBenchmark Include=\"shapes\" Query=\"Shape counting: how many red squares does each picture show?\" Quota=\"6\" Datasets=\"data/Shape-Counting\" />\n" +
            "    <GeneratedBenchmark Include=\"charts\" Query=\"Read the values of bars in bar chart images\" Quota=\"5\" />\n" +
            "  </ItemGroup>");

        var build = await DotnetCli.RunAsync(project, workspace.Environment, TemplateWorkspace.Timeout, "build");
        Assert.True(build.ExitCode == 0, build.ToString());

        // Every media item's image is in the snapshot under media/ with the recorded hash; the answer is known per image.
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string name in new[] { "arithmetic", "shapes", "charts" })
        {
            string bench = Path.Combine(project, "Benchmarks", name);
            using var doc = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(bench, "items.json"), TestContext.Current.CancellationToken));
            foreach (var item in doc.RootElement.GetProperty("items").EnumerateArray())
            {
                string answer = item.GetProperty("answer").GetProperty("value").GetString()!;
                if (item.TryGetProperty("media", out var media))
                {
                    var file = Assert.Single(media.EnumerateArray());
                    string sha = file.GetProperty("sha256").GetString()!;
                    Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(bench, file.GetProperty("path").GetString()!), TestContext.Current.CancellationToken))));
                    // Two items may show the same image with different questions: key by image and question.
                    answers[sha + "|" + Prompt(item)] = answer;
                }
                else
                {
                    Assert.Equal("arithmetic", name);
                    texts[Prompt(item)] = answer;
                }
            }
        }

        Assert.Equal(11, answers.Count);
        int received = 0;
        await using var server = OpenAiWireServer.Start(request =>
        {
            var images = DataUris(request.Body).Where(u => u.StartsWith("data:image/png;base64,", StringComparison.Ordinal)).ToList();
            if (images.Count == 0)
            {
                return texts.TryGetValue(request.LastUserText, out string? text) ? $"Answer: {text}" : "I cannot tell.";
            }

            Interlocked.Increment(ref received);
            string sha = Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(images[0]["data:image/png;base64,".Length..])));
            return answers.TryGetValue(sha + "|" + request.LastUserText, out string? answer) ? $"Answer: {answer}" : "That image is not one I know.";
        });

        string results = Path.Combine(workspace.Root, "results-media");
        var env = workspace.Environment;
        env["BENCHAGENT_SUBJECT_ENDPOINT"] = server.BaseUrl;
        env["BENCHAGENT_SUBJECT_MODEL"] = "vision-model";
        env["BENCHAGENT_SUBJECT_API_KEY"] = "sk-e2e-media";
        env["BENCHAGENT_SUBJECT_MODALITIES"] = "text,image";
        env["BENCHAGENT_RESULTS_DIRECTORY"] = results;
        var test = await DotnetCli.RunAsync(project, env, TemplateWorkspace.Timeout, "test", "--no-build");

        var summary = Summary().Match(test.Output);
        Assert.True(test.ExitCode == 0 && summary.Success, test.ToString());
        Assert.Equal("0", summary.Groups["failed"].Value);
        Assert.Equal("0", summary.Groups["skipped"].Value);
        Assert.Equal(11, received);
        string html = await File.ReadAllTextAsync(Path.Combine(results, "report.html"), TestContext.Current.CancellationToken);
        Assert.True(System.Text.RegularExpressions.Regex.Count(html, "data:image/png;base64,") >= 11, "report.html shows a thumbnail per image item");

        // A text-only subject skips the 11 image items, saying so; nothing with an image reaches the server.
        env["BENCHAGENT_SUBJECT_MODALITIES"] = "text";
        env["BENCHAGENT_RESULTS_DIRECTORY"] = Path.Combine(workspace.Root, "results-media-text");
        var textOnly = await DotnetCli.RunAsync(project, env, TemplateWorkspace.Timeout, "test", "--no-build");
        var textSummary = Summary().Match(textOnly.Output);
        Assert.True(textSummary.Success, textOnly.ToString());
        // 11 items, and the gates of the two benchmarks whose every item was skipped (nothing to gate).
        Assert.Equal("13", textSummary.Groups["skipped"].Value);
        string skippedReport = await File.ReadAllTextAsync(Path.Combine(workspace.Root, "results-media-text", "report.json"), TestContext.Current.CancellationToken);
        Assert.Equal(11, System.Text.RegularExpressions.Regex.Count(skippedReport, "\"skipped\": \"BA2071"));
        Assert.Equal(11, received);
    }

    private static string Prompt(JsonElement item)
    {
        var prompt = item.GetProperty("prompt");
        return prompt.ValueKind == JsonValueKind.Array ? string.Join("\n", prompt.EnumerateArray().Select(l => l.GetString())) : prompt.GetString()!;
    }

    /// <summary>Every string in a JSON body that is a data URI (image_url.url values, wherever they are).</summary>
    private static List<string> DataUris(string body)
    {
        var found = new List<string>();
        void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                    {
                        Walk(p.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var x in e.EnumerateArray())
                    {
                        Walk(x);
                    }

                    break;
                case JsonValueKind.String when e.GetString()!.StartsWith("data:", StringComparison.Ordinal):
                    found.Add(e.GetString()!);
                    break;
            }
        }

        using var doc = JsonDocument.Parse(body);
        Walk(doc.RootElement);
        return found;
    }
}
