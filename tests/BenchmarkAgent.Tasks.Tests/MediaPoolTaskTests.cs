using System.Security.Cryptography;
using System.Text.Json;
using BenchmarkAgent.Snapshots;
using Microsoft.Build.Utilities;

namespace BenchmarkAgent.Tasks.Tests;

/// <summary>
/// A General-Bench image pool (Fixtures/general-bench/Shape-Counting: annotation.json and eight PNGs drawn for this
/// test) grounds a media subtask end to end through the real generation task and generator program: the snapshot
/// holds the images under media/ with their hashes, the CI lock passes on it, and fails on a deleted (BA0261), edited
/// (BA0262) or escaping (BA0260) image, and warns (BA0263) about a file no item references.
/// </summary>
public sealed class MediaPoolTaskTests : IDisposable
{
    private const string Query = "Shape counting: how many red squares does each picture show?";

    private readonly TaskProject _project = new("ba-media-pool-");

    public void Dispose() => _project.Dispose();

    private string CopyPool()
    {
        string source = Path.Combine(AppContext.BaseDirectory, "Fixtures", "general-bench", "Shape-Counting");
        string target = Path.Combine(_project.Root, "data", "Shape-Counting");
        Directory.CreateDirectory(Path.Combine(target, "images"));
        foreach (string file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)));
        }

        return target;
    }

    private static TaskItem Item()
    {
        var item = new TaskItem("shapes");
        item.SetMetadata("Query", Query);
        item.SetMetadata("Quota", "5");
        item.SetMetadata("Datasets", "data/Shape-Counting");
        return item;
    }

    private string Bench => SnapshotLayout.BenchmarkDirectory(_project.SnapshotRoot, "shapes");

    private static string Errors(RecordingBuildEngine engine) => string.Join("\n", engine.Errors.Select(e => $"{e.Code}: {e.Message}"));

    [Fact]
    public void A_General_Bench_image_pool_builds_a_media_snapshot_that_the_CI_lock_verifies()
    {
        string pool = CopyPool();

        var (ok, engine) = _project.Run([Item()]);

        Assert.True(ok, Errors(engine));
        using (var items = JsonDocument.Parse(File.ReadAllBytes(SnapshotLayout.ItemsPath(_project.SnapshotRoot, "shapes"))))
        {
            var all = items.RootElement.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(5, all.Count);
            var sourceHashes = Directory.GetFiles(Path.Combine(pool, "images")).Select(f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))).ToHashSet();
            foreach (var item in all)
            {
                Assert.StartsWith("dataset:Shape-Counting#shapes-", item.GetProperty("provenance").GetProperty("source").GetString(), StringComparison.Ordinal);
                var media = Assert.Single(item.GetProperty("media").EnumerateArray());
                Assert.Equal("image", media.GetProperty("kind").GetString());
                Assert.Equal("image/png", media.GetProperty("type").GetString());
                string sha = media.GetProperty("sha256").GetString()!;
                Assert.Contains(sha, sourceHashes);
                string file = Path.Combine(Bench, media.GetProperty("path").GetString()!);
                Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))));
            }
        }

        using (var plan = JsonDocument.Parse(File.ReadAllBytes(SnapshotLayout.PlanPath(_project.SnapshotRoot, "shapes"))))
        {
            Assert.Contains(plan.RootElement.GetProperty("decisions").EnumerateArray(), d => d.GetString()!.StartsWith("modality: image", StringComparison.Ordinal));
        }

        var snapshotFiles = _project.FilesWritten().Select(f => Path.GetRelativePath(Bench, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["items.json", "plan.json"], snapshotFiles.Where(f => !f.StartsWith("media/", StringComparison.Ordinal)));
        Assert.InRange(snapshotFiles.Count(f => f.StartsWith("media/", StringComparison.Ordinal)), 1, 5);

        // A second build is a no-op that changes nothing; the CI lock passes on the committed snapshot.
        var before = _project.FilesWritten().ToDictionary(f => f, File.ReadAllBytes);
        var (again, againEngine) = _project.Run([Item()]);
        Assert.True(again, Errors(againEngine));
        var (lockedOk, locked) = _project.Run([Item()], locked: true);
        Assert.True(lockedOk, Errors(locked));
        Assert.DoesNotContain(locked.Warnings, w => w.Code?.StartsWith("BA026", StringComparison.Ordinal) == true);
        Assert.All(before, pair => Assert.Equal(pair.Value, File.ReadAllBytes(pair.Key)));

        string[] mediaFiles = Directory.GetFiles(Path.Combine(Bench, "media")).Order(StringComparer.Ordinal).ToArray();
        string victim = mediaFiles[0];
        byte[] original = File.ReadAllBytes(victim);

        // Deleted image: BA0261 naming the item; nothing is generated in locked mode.
        File.Delete(victim);
        var (deletedOk, deleted) = _project.Run([Item()], locked: true);
        Assert.False(deletedOk);
        var missing = Assert.Single(deleted.Errors, e => e.Code == "BA0261");
        Assert.Contains("item '", missing.Message, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(victim), missing.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(victim));

        // Edited image (same size, one byte flipped): BA0262.
        byte[] edited = (byte[])original.Clone();
        edited[^6] ^= 0x5A;
        File.WriteAllBytes(victim, edited);
        var (editedOk, editedEngine) = _project.Run([Item()], locked: true);
        Assert.False(editedOk);
        Assert.Contains(editedEngine.Errors, e => e.Code == "BA0262" && e.Message!.Contains(Path.GetFileName(victim), StringComparison.Ordinal));
        File.WriteAllBytes(victim, original);

        // An unreferenced file in media/: a BA0263 warning, and the lock still passes.
        string stray = Path.Combine(Bench, "media", "feedfacecafebeef.png");
        File.WriteAllBytes(stray, original);
        var (strayOk, strayEngine) = _project.Run([Item()], locked: true);
        Assert.True(strayOk, Errors(strayEngine));
        Assert.Contains(strayEngine.Warnings, w => w.Code == "BA0263" && w.Message!.Contains("feedfacecafebeef.png", StringComparison.Ordinal));

        // A build without CI warns too; the snapshot is fresh, so nothing is rewritten or deleted behind the user's back.
        var (freshOk, freshEngine) = _project.Run([Item()]);
        Assert.True(freshOk, Errors(freshEngine));
        Assert.Contains(freshEngine.Warnings, w => w.Code == "BA0263");
        Assert.True(File.Exists(stray));
        File.Delete(stray);

        // An escaping path in items.json: BA0260.
        string itemsPath = SnapshotLayout.ItemsPath(_project.SnapshotRoot, "shapes");
        string itemsText = File.ReadAllText(itemsPath);
        string escaped = itemsText.Replace("\"media/" + Path.GetFileName(victim) + "\"", "\"media/../../../outside.png\"", StringComparison.Ordinal);
        Assert.NotEqual(itemsText, escaped);
        File.WriteAllText(itemsPath, escaped);
        var (escapeOk, escape) = _project.Run([Item()], locked: true);
        Assert.False(escapeOk);
        Assert.Contains(escape.Errors, e => e.Code == "BA0260");
    }

    [Fact]
    public void An_audio_query_over_an_image_pool_fails_with_BA0310_naming_audio_and_writes_nothing()
    {
        CopyPool();
        var item = Item();
        // Counting beeps is an offline audio family now; an audio task no family and no dataset covers still fails.
        item.SetMetadata("Query", "Identify the bird species singing in each audio recording of the dawn chorus");

        var (ok, engine) = _project.Run([item]);

        Assert.False(ok);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("BA0310", error.Code);
        Assert.Contains("audio", error.Message, StringComparison.Ordinal);
        Assert.Empty(_project.FilesWritten());
    }

    [Fact]
    public void An_invalid_media_budget_is_BA0265()
    {
        CopyPool();
        var engine = new RecordingBuildEngine();
        var task = TaskProject.ForTarget("generate");
        task.BuildEngine = engine;
        task.Benchmarks = [Item()];
        task.SnapshotRoot = _project.SnapshotRoot;
        task.ProjectFile = Path.Combine(_project.Root, "test.csproj");
        task.MaxMediaFileBytes = "2MB";

        Assert.False(task.Execute());
        Assert.Equal("BA0265", Assert.Single(engine.Errors).Code);
        Assert.Empty(_project.FilesWritten());
    }

    [Fact]
    public void A_media_file_over_the_budget_set_by_property_skips_nothing_silently_it_is_an_error_naming_the_record()
    {
        CopyPool();
        var engine = new RecordingBuildEngine();
        var task = TaskProject.ForTarget("generate");
        task.BuildEngine = engine;
        task.Benchmarks = [Item()];
        task.SnapshotRoot = _project.SnapshotRoot;
        task.ProjectFile = Path.Combine(_project.Root, "test.csproj");
        task.MaxMediaFileBytes = "100";

        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("BA0423", error.Code);
        Assert.Contains("record 'shapes-", error.Message, StringComparison.Ordinal);
        Assert.Empty(_project.FilesWritten());
    }
}
