using System.Security.Cryptography;
using System.Text.Json;
using BenchmarkAgent.Snapshots;
using Microsoft.Build.Utilities;

namespace BenchmarkAgent.Tasks.Tests;

/// <summary>
/// Image and audio benchmarks built offline by the real generation task and generator program (issue 15): every item
/// carries its media under media/ with matching hashes, a text-only query gets no media, and two builds in two folders
/// give byte-identical items.json and media files.
/// </summary>
public sealed class MediaFamilyBuildTests : IDisposable
{
    private readonly TaskProject _first = new("ba-media-build-a-");
    private readonly TaskProject _second = new("ba-media-build-b-");

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    private static TaskItem Item(string name, string query, int quota)
    {
        var item = new TaskItem(name);
        item.SetMetadata("Query", query);
        item.SetMetadata("Quota", quota.ToString(System.Globalization.CultureInfo.InvariantCulture));
        item.SetMetadata("Seed", "7");
        return item;
    }

    private static TaskItem[] Items() =>
    [
        Item("charts", "Read values and compare bars in bar charts, and find the trend in line chart images", 8),
        Item("sounds", "Count the beeps in short audio clips and decode DTMF tones heard in the recording", 6),
    ];

    private static string Errors(RecordingBuildEngine engine) => string.Join("\n", engine.Errors.Select(e => $"{e.Code}: {e.Message}"));

    private static SortedDictionary<string, string> Files(TaskProject project) =>
        new(project.FilesWritten().ToDictionary(
            f => Path.GetRelativePath(project.SnapshotRoot, f).Replace('\\', '/'),
            f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);

    [Fact]
    public void Image_and_audio_benchmarks_build_offline_with_verified_media_and_two_builds_are_byte_identical()
    {
        var (ok, engine) = _first.Run(Items());
        Assert.True(ok, Errors(engine));

        foreach (var (name, kind, prefix, quota, families) in new[]
        {
            ("charts", "image", "image/", 8, new[] { "bar-chart-reading", "line-chart-reading" }),
            ("sounds", "audio", "audio/", 6, new[] { "beep-counting", "dtmf-digits" }),
        })
        {
            string bench = SnapshotLayout.BenchmarkDirectory(_first.SnapshotRoot, name);
            using var items = JsonDocument.Parse(File.ReadAllBytes(SnapshotLayout.ItemsPath(_first.SnapshotRoot, name)));
            var all = items.RootElement.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(quota, all.Count);
            // Both asked-for families are planned.
            Assert.Equal(families, all.Select(i => i.GetProperty("provenance").GetProperty("source").GetString()![7..]).Distinct().Order(StringComparer.Ordinal));
            foreach (var item in all)
            {
                string source = item.GetProperty("provenance").GetProperty("source").GetString()!;
                Assert.Contains(source, families.Select(f => "family:" + f));
                var media = item.GetProperty("media").EnumerateArray().ToList();
                Assert.NotEmpty(media);
                foreach (var file in media)
                {
                    Assert.Equal(kind, file.GetProperty("kind").GetString());
                    Assert.StartsWith(prefix, file.GetProperty("type").GetString(), StringComparison.Ordinal);
                    byte[] bytes = File.ReadAllBytes(Path.Combine(bench, file.GetProperty("path").GetString()!));
                    Assert.Equal(file.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
                    Assert.Equal(file.GetProperty("bytes").GetInt64(), bytes.LongLength);
                }
            }

            // Every file in media/ is referenced (no orphans from rejected candidates).
            var referenced = all.SelectMany(i => i.GetProperty("media").EnumerateArray()).Select(m => m.GetProperty("path").GetString()).ToHashSet();
            Assert.All(Directory.GetFiles(Path.Combine(bench, "media")), f => Assert.Contains("media/" + Path.GetFileName(f), referenced));
        }

        var (ok2, engine2) = _second.Run(Items());
        Assert.True(ok2, Errors(engine2));
        Assert.Equal(Files(_first).Where(f => !f.Key.EndsWith("plan.json", StringComparison.Ordinal)), Files(_second).Where(f => !f.Key.EndsWith("plan.json", StringComparison.Ordinal)));
        Assert.Contains(Files(_first).Keys, k => k.StartsWith("charts/media/", StringComparison.Ordinal) && k.EndsWith(".png", StringComparison.Ordinal));
        Assert.Contains(Files(_first).Keys, k => k.StartsWith("sounds/media/", StringComparison.Ordinal) && k.EndsWith(".wav", StringComparison.Ordinal));

        // A fresh rebuild writes nothing and the CI lock accepts the media snapshot.
        var before = Files(_first);
        var (ok3, engine3) = _first.Run(Items(), locked: true);
        Assert.True(ok3, Errors(engine3));
        Assert.Equal(before, Files(_first));
    }

    [Fact]
    public void A_text_query_about_clocks_gets_text_items_without_media()
    {
        var (ok, engine) = _first.Run([Item("clocks", "Clock arithmetic: what time is it 5 hours after 11 o'clock on a 12-hour clock?", 5)]);
        Assert.True(ok, Errors(engine));
        string json = File.ReadAllText(SnapshotLayout.ItemsPath(_first.SnapshotRoot, "clocks"));
        Assert.DoesNotContain("\"media\"", json, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(SnapshotLayout.BenchmarkDirectory(_first.SnapshotRoot, "clocks"), "media")));
    }

    [Fact]
    public void The_plan_target_in_the_MSBuild_process_plans_the_same_media_families_as_the_generator_program()
    {
        var (ok, engine) = _first.Run([Items()[0]], target: "plan");
        Assert.True(ok, Errors(engine));
        string messages = string.Join("\n", engine.Messages.Select(m => m.Message));
        Assert.Contains("bar-chart-reading", messages, StringComparison.Ordinal);
        Assert.Contains("line-chart-reading", messages, StringComparison.Ordinal);
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name is "SkiaSharp" or "BenchmarkAgent.Media");
    }

    [Fact]
    public void The_changes_target_warns_BA0602_for_a_media_benchmark_and_an_edited_media_item_fails_closed()
    {
        var (ok, engine) = _first.Run([Items()[1]]);
        Assert.True(ok, Errors(engine));

        // Unchanged, the summary needs no new item and works in the MSBuild process.
        var (sameOk, same) = _first.Run([Items()[1]], target: "changes");
        Assert.True(sameOk, Errors(same));
        Assert.DoesNotContain(same.Warnings, w => w.Code == "BA0602");

        // A bigger quota needs new audio items, which only the generator program renders: a warning, not a crash.
        var (changesOk, changes) = _first.Run([Item("sounds", Items()[1].GetMetadata("Query"), 9)], target: "changes");
        Assert.True(changesOk, Errors(changes));
        Assert.Contains(changes.Warnings, w => w.Code == "BA0602");

        // A reviewer edits the answer of a media item: the MSBuild process cannot check it against the audio, so it fails closed.
        string path = SnapshotLayout.ItemsPath(_first.SnapshotRoot, "sounds");
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        var first = node["items"]![0]!;
        first["answer"]!["value"] = "0000";
        File.WriteAllText(path, node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        var (lockedOk, locked) = _first.Run([Items()[1]], locked: true);
        Assert.False(lockedOk);
        var error = Assert.Single(locked.Errors, e => e.Code == "BA0204");
        Assert.Contains("exclude the item", error.Message, StringComparison.Ordinal);
    }
}
