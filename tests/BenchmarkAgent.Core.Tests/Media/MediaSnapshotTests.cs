using BenchmarkAgent.Execution;
using BenchmarkAgent.Families;
using BenchmarkAgent.Items;
using BenchmarkAgent.Media;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Core.Tests.Media;

/// <summary>
/// A media benchmark (the test-only <see cref="FakeImageFamily"/> beside a text family) through the production generation
/// path and the snapshot writer: deterministic bytes, content-addressed files that a quota change never rewrites, no
/// orphans, a resume journal that carries the rendered bytes, and a budget that refuses before writing anything.
/// </summary>
public sealed class MediaSnapshotTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ba-media-snap-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static BenchmarkPlan Plan(int imageQuota, int textQuota = 4, MediaBudget? budget = null) => new(
        new BenchmarkRequest("charts", "read bar charts and add numbers", imageQuota + textQuota, 7) { MediaBudget = budget ?? MediaBudget.Default },
        "offline",
        [
            new PlannedSubtask("pixel-width", "Pixel width.", "chart reading", AnswerType.Number, null, new FamilySource("pixel-width"), 1, "test", imageQuota),
            new PlannedSubtask("gcd-lcm", "GCD.", "arithmetic", AnswerType.Number, Difficulty.Easy, new FamilySource("gcd-lcm"), 1, "test", textQuota),
        ],
        []);

    private static SnapshotGenerator Generator(FakeImageFamily? family = null) => new([family ?? new FakeImageFamily(), .. BuiltInTaskFamilies.All]);

    private string Bench(string root) => SnapshotLayout.BenchmarkDirectory(root, "charts");

    private static Dictionary<string, byte[]> MediaFiles(string bench) =>
        Directory.Exists(Path.Combine(bench, "media"))
            ? Directory.GetFiles(Path.Combine(bench, "media")).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes)
            : [];

    [Fact]
    public void Two_builds_of_the_same_media_benchmark_write_byte_identical_items_and_media()
    {
        string first = Path.Combine(_dir, "a");
        string second = Path.Combine(_dir, "b");
        SnapshotWriter.Write(first, Generator().Generate(Plan(12), "sha256:t", cancellationToken: TestContext.Current.CancellationToken));
        SnapshotWriter.Write(second, Generator().Generate(Plan(12), "sha256:t", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(File.ReadAllBytes(SnapshotLayout.ItemsPath(first, "charts")), File.ReadAllBytes(SnapshotLayout.ItemsPath(second, "charts")));
        var a = MediaFiles(Bench(first));
        var b = MediaFiles(Bench(second));
        Assert.True(a.Count >= 8, $"expected a file per distinct image, got {a.Count}");
        Assert.Equal(a.Keys.Order(StringComparer.Ordinal), b.Keys.Order(StringComparer.Ordinal));
        Assert.All(a, pair => Assert.Equal(pair.Value, b[pair.Key]));

        // Every image item references existing files that hash to what items.json records; text items carry none.
        var items = SnapshotReader.ReadItems(SnapshotLayout.ItemsPath(first, "charts"));
        Assert.All(items.Where(i => i.Subtask == "pixel-width"), i => Assert.Equal(MediaKind.Image, Assert.Single(i.Media).Kind));
        Assert.All(items.Where(i => i.Subtask == "gcd-lcm"), i => Assert.Empty(i.Media));
        Assert.Empty(MediaFolder.Check(Bench(first), items));
        Assert.All(items.SelectMany(i => i.Media.Select(m => (i, m))), p => Assert.Equal(p.m.Length, MediaStore.ReadVerified(Bench(first), p.m, p.i.Id).Length));
    }

    [Fact]
    public void A_quota_increase_keeps_every_media_file_untouched_and_a_decrease_removes_only_unreferenced_ones()
    {
        var generator = Generator();
        var token = TestContext.Current.CancellationToken;
        SnapshotWriter.Write(_dir, generator.Generate(Plan(6), "sha256:t", cancellationToken: token));
        string media = Path.Combine(Bench(_dir), "media");
        var old = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        foreach (string file in Directory.GetFiles(media))
        {
            File.SetLastWriteTimeUtc(file, old);
        }

        var before = MediaFiles(Bench(_dir));

        // Grow: every earlier file keeps its bytes and its modification time; new ones are added.
        var grown = generator.Generate(Plan(14), "sha256:t", ExistingSnapshot.Load(_dir, "charts"), cancellationToken: token);
        SnapshotWriter.Write(_dir, grown);
        var afterGrow = MediaFiles(Bench(_dir));
        Assert.All(before, pair =>
        {
            Assert.Equal(pair.Value, afterGrow[pair.Key]);
            Assert.Equal(old, File.GetLastWriteTimeUtc(Path.Combine(media, pair.Key)));
        });
        Assert.True(afterGrow.Count > before.Count);
        Assert.Empty(MediaFolder.Check(Bench(_dir), grown.Items));

        // Shrink: the kept items' files are untouched; exactly the files no item references any more are gone.
        var shrunk = generator.Generate(Plan(3), "sha256:t", ExistingSnapshot.Load(_dir, "charts"), cancellationToken: token);
        SnapshotWriter.Write(_dir, shrunk);
        var referenced = shrunk.Items.SelectMany(i => i.Media).Select(m => Path.GetFileName(m.Path)).ToHashSet(StringComparer.Ordinal);
        var afterShrink = MediaFiles(Bench(_dir));
        Assert.Equal(referenced.Order(StringComparer.Ordinal), afterShrink.Keys.Order(StringComparer.Ordinal));
        Assert.All(afterShrink.Keys.Where(before.ContainsKey), name => Assert.Equal(old, File.GetLastWriteTimeUtc(Path.Combine(media, name))));
        Assert.Empty(MediaFolder.Check(Bench(_dir), shrunk.Items));

        // Down to no image items: the media folder goes away with its last file.
        SnapshotWriter.Write(_dir, generator.Generate(Plan(0, 5), "sha256:t", ExistingSnapshot.Load(_dir, "charts"), cancellationToken: token));
        Assert.False(Directory.Exists(media));
    }

    [Fact]
    public void A_run_resumed_from_the_journal_renders_nothing_it_journalled_and_writes_the_same_bytes()
    {
        var token = TestContext.Current.CancellationToken;
        string journalPath = Path.Combine(_dir, "obj", "charts.journal");
        var reference = Generator().Generate(Plan(10), "sha256:t", cancellationToken: token);
        SnapshotWriter.Write(Path.Combine(_dir, "reference"), reference);

        // The first run journals every position and "dies" before writing the snapshot.
        using (var journal = GenerationJournal.Open(journalPath, "charts", "sha256:t"))
        {
            _ = Generator().Generate(Plan(10), "sha256:t", journal: journal, cancellationToken: token);
        }

        var family = new FakeImageFamily();
        BenchmarkSnapshot resumed;
        using (var journal = GenerationJournal.Open(journalPath, "charts", "sha256:t"))
        {
            Assert.Equal(14, journal.Recovered);
            resumed = Generator(family).Generate(Plan(10), "sha256:t", journal: journal, cancellationToken: token);
            Assert.Equal(14, journal.Reused);
        }

        Assert.Equal(0, family.Rendered);
        SnapshotWriter.Write(Path.Combine(_dir, "resumed"), resumed);
        Assert.Equal(
            File.ReadAllBytes(SnapshotLayout.ItemsPath(Path.Combine(_dir, "reference"), "charts")),
            File.ReadAllBytes(SnapshotLayout.ItemsPath(Path.Combine(_dir, "resumed"), "charts")));
        var a = MediaFiles(Bench(Path.Combine(_dir, "reference")));
        var b = MediaFiles(Bench(Path.Combine(_dir, "resumed")));
        Assert.Equal(a.Keys.Order(StringComparer.Ordinal), b.Keys.Order(StringComparer.Ordinal));
        Assert.All(a, pair => Assert.Equal(pair.Value, b[pair.Key]));
    }

    [Fact]
    public void A_journal_entry_whose_bytes_do_not_match_its_item_is_rendered_again()
    {
        var token = TestContext.Current.CancellationToken;
        var recording = new Execution.MemoryJournal();
        _ = Generator().Generate(Plan(3, 0), "sha256:t", journal: recording, cancellationToken: token);
        var tampered = recording.Appended
            .Select(e => e with { MediaFiles = [MediaContent.Create(MediaKind.Image, MediaTypes.Png, TestMedia.Png(99, 2))] })
            .ToList();
        var family = new FakeImageFamily();

        var snapshot = Generator(family).Generate(Plan(3, 0), "sha256:t", journal: new Execution.MemoryJournal(tampered), cancellationToken: token);

        Assert.True(family.Rendered >= 3);
        Assert.All(snapshot.Items, i => Assert.NotEqual(99, TestMedia.PngWidth(snapshot.MediaFiles[i.Media[0].Sha256].Bytes.Span)));
    }

    [Fact]
    public void Media_over_the_per_file_or_per_benchmark_budget_is_BA0264_and_nothing_is_written()
    {
        var token = TestContext.Current.CancellationToken;
        var tinyFile = Generator().Generate(Plan(4, 0, new MediaBudget(40, 1_000_000)), "sha256:t", cancellationToken: token);
        var ex = Assert.Throws<SnapshotFormatException>(() => SnapshotWriter.Write(_dir, tinyFile));
        Assert.Equal(ErrorCodes.MediaBudgetExceeded, ex.Code);
        Assert.Contains("per-file", ex.Detail, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Bench(_dir)));

        var tinyTotal = Generator().Generate(Plan(8, 0, new MediaBudget(10_000, 300)), "sha256:t", cancellationToken: token);
        ex = Assert.Throws<SnapshotFormatException>(() => SnapshotWriter.Write(_dir, tinyTotal));
        Assert.Equal(ErrorCodes.MediaBudgetExceeded, ex.Code);
        Assert.Contains("per-benchmark", ex.Detail, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Bench(_dir)));
    }

    [Fact]
    public void A_kept_item_whose_file_was_deleted_is_BA0266_on_write_and_items_json_is_not_touched()
    {
        var token = TestContext.Current.CancellationToken;
        var generator = Generator();
        SnapshotWriter.Write(_dir, generator.Generate(Plan(4), "sha256:t", cancellationToken: token));
        byte[] items = File.ReadAllBytes(SnapshotLayout.ItemsPath(_dir, "charts"));
        string victim = Directory.GetFiles(Path.Combine(Bench(_dir), "media"))[0];
        File.Delete(victim);

        var regrown = generator.Generate(Plan(6), "sha256:t", ExistingSnapshot.Load(_dir, "charts"), cancellationToken: token);
        var ex = Assert.Throws<SnapshotFormatException>(() => SnapshotWriter.Write(_dir, regrown));

        Assert.Equal(ErrorCodes.MediaContentUnavailable, ex.Code);
        Assert.Contains(Path.GetFileName(victim), ex.Detail, StringComparison.Ordinal);
        Assert.Equal(items, File.ReadAllBytes(SnapshotLayout.ItemsPath(_dir, "charts")));
    }

    [Fact]
    public void The_check_names_the_item_for_a_missing_edited_or_linked_file_and_warns_about_an_unreferenced_one()
    {
        var snapshot = Generator().Generate(Plan(4, 0), "sha256:t", cancellationToken: TestContext.Current.CancellationToken);
        SnapshotWriter.Write(_dir, snapshot);
        string bench = Bench(_dir);
        var items = snapshot.Items;
        string Full(int i) => MediaPaths.Resolve(bench, items[i].Media[0].Path);

        File.Delete(Full(0));
        var edited = File.ReadAllBytes(Full(1));
        edited[^5] ^= 0xFF;
        File.WriteAllBytes(Full(1), edited);
        string outside = Path.Combine(_dir, "outside.png");
        File.Copy(Full(2), outside);
        File.Delete(Full(2));
        File.CreateSymbolicLink(Full(2), outside);
        File.WriteAllBytes(Path.Combine(bench, "media", "0123456789abcdef.png"), TestMedia.Png(5, 5));

        var problems = MediaFolder.Check(bench, items);

        Assert.Contains(problems, p => p.Code == ErrorCodes.MediaFileMissing && p.Message.Contains(items[0].Id, StringComparison.Ordinal) && !p.IsWarning);
        Assert.Contains(problems, p => p.Code == ErrorCodes.MediaFileChanged && p.Message.Contains(items[1].Id, StringComparison.Ordinal) && !p.IsWarning);
        Assert.Contains(problems, p => p.Code == ErrorCodes.MediaPathUnsafe && p.Message.Contains(items[2].Id, StringComparison.Ordinal) && !p.IsWarning);
        var warning = Assert.Single(problems, p => p.IsWarning);
        Assert.Equal(ErrorCodes.MediaFileUnreferenced, warning.Code);
        Assert.Contains("0123456789abcdef.png", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(problems, p => p.Message.Contains(items[3].Id, StringComparison.Ordinal));
    }

    [Fact]
    public void Two_image_items_with_the_same_question_about_different_images_are_not_duplicates()
    {
        var snapshot = Generator().Generate(Plan(20, 0), "sha256:t", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(20, snapshot.Items.Count);
        Assert.Single(snapshot.Items.Select(i => i.Prompt).Distinct(StringComparer.Ordinal));
        Assert.Equal(20, snapshot.Items.Select(i => i.Media[0].Sha256).Distinct(StringComparer.Ordinal).Count());
        Assert.All(snapshot.Items, i => Assert.Equal(i.Answer.Value, TestMedia.PngWidth(snapshot.MediaFiles[i.Media[0].Sha256].Bytes.Span).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
