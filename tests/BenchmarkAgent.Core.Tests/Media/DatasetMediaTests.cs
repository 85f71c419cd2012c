using System.Diagnostics;
using System.Text;
using BenchmarkAgent.Grounding;
using BenchmarkAgent.Media;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Core.Tests.Media;

/// <summary>
/// Datasets whose records point to images or audio: General-Bench folders (annotation.json plus an images/ folder, flat
/// and nested record shapes) and JSONL/CSV records with a path field. Hostile paths are refused per record with a clear
/// code, fast, and never read outside the dataset's folder.
/// </summary>
public sealed class DatasetMediaTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ba-dsmedia-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A General-Bench folder of shape-counting questions: annotation.json and images/ with one PNG per record.</summary>
    internal static string GeneralBenchShapes(string root, int records = 6, bool nested = false)
    {
        string folder = Path.Combine(root, "Shape-Counting");
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        var entries = new List<string>();
        for (int i = 0; i < records; i++)
        {
            string image = $"images/shape_{i:000}.png";
            File.WriteAllBytes(Path.Combine(folder, image), TestMedia.Png(4 + i, 3, (byte)(30 * i), 120, 60));
            int count = 2 + i;
            entries.Add(nested
                ? $$$"""{"id": "shape-{{{i:000}}}", "input": {"image_file": "{{{image}}}", "prompt": "How many red squares does picture {{{i}}} show?", "options": ["{{{count - 1}}}", "{{{count}}}", "{{{count + 1}}}", "{{{count + 2}}}"]}, "output": {"answer": "B"}}"""
                : $$"""{"id": "shape-{{i:000}}", "image": "{{image}}", "question": "How many red squares does picture {{i}} show?", "options": ["{{count - 1}} squares", "{{count}} squares", "{{count + 1}} squares", "{{count + 2}} squares"], "answer": "{{count}} squares"}""");
        }

        File.WriteAllText(Path.Combine(folder, "annotation.json"), $$"""
            {
              "task": "Shape Counting",
              "type": "comprehension",
              "modality": "image",
              "data": [
                {{string.Join(",\n    ", entries)}}
              ]
            }
            """);
        return folder;
    }

    private string Jsonl(string name, params string[] lines)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private string GoodImage(string relative, int width = 5)
    {
        string full = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, TestMedia.Png(width, 3));
        return relative;
    }

    private static string Record(string id, string field, string path, int n) =>
        $$"""{"id": "{{id}}", "question": "How many pixels wide is the bar in this chart image?", "{{field}}": {{System.Text.Json.JsonSerializer.Serialize(path)}}, "answer": "{{n}}"}""";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_General_Bench_image_folder_reads_with_its_images_and_card_media_kind(bool nested)
    {
        string folder = GeneralBenchShapes(_dir, 6, nested);

        var dataset = DatasetReader.Read(folder, MediaBudget.Default);

        Assert.Equal(6, dataset.Records.Count);
        Assert.Equal([MediaKind.Image], dataset.Card.MediaKinds);
        Assert.Contains("image", dataset.Card.Modalities);
        Assert.Empty(dataset.MediaProblems);
        for (int i = 0; i < 6; i++)
        {
            var record = dataset.Records[i];
            var image = Assert.Single(record.Media);
            Assert.Equal(MediaTypes.Png, image.MediaType);
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "images", $"shape_{i:000}.png")), image.Bytes.ToArray());
            Assert.Equal($"dataset:annotation.json#shape-{i:000}", image.Origin);
            Assert.Contains($"picture {i}", record.Input, StringComparison.Ordinal);
            Assert.Equal("B", record.Output);
        }
    }

    [Fact]
    public void Jsonl_and_csv_records_with_image_or_audio_path_fields_in_several_spellings_carry_their_media()
    {
        GoodImage("img/a.png", 6);
        GoodImage("img/b.png", 7);
        File.WriteAllBytes(Path.Combine(_dir, "clip.wav"), TestMedia.Wav(400));
        string jsonl = Jsonl(
            "mixed.jsonl",
            Record("r1", "image_path", "img/a.png", 6),
            Record("r2", "img", "./img/b.png", 7),
            Record("r3", "audio", "clip.wav", 3),
            Record("r4", "file", "img\\a.png", 6),
            """{"id": "r5", "question": "What colour is the sky in the caption?", "image": "a blue sky over hills", "answer": "blue"}""");

        var dataset = DatasetReader.Read(jsonl, MediaBudget.Default);

        Assert.Equal(5, dataset.Records.Count);
        Assert.Equal([MediaKind.Image, MediaKind.Audio], dataset.Card.MediaKinds);
        Assert.Equal(6, TestMedia.PngWidth(Assert.Single(dataset.Records[0].Media).Bytes.Span));
        Assert.Equal(7, TestMedia.PngWidth(Assert.Single(dataset.Records[1].Media).Bytes.Span));
        Assert.Equal(MediaTypes.Wav, Assert.Single(dataset.Records[2].Media).MediaType);
        Assert.Equal(6, TestMedia.PngWidth(Assert.Single(dataset.Records[3].Media).Bytes.Span));
        Assert.Empty(dataset.Records[4].Media); // a caption in a field called image is text, not a path

        string csv = Path.Combine(_dir, "audio.csv");
        File.WriteAllText(csv, "id,question,audio_path,answer\nc1,How many beeps do you hear?,clip.wav,4\nc2,How many beeps now?,clip.wav,4\n");
        var audio = DatasetReader.Read(csv, MediaBudget.Default);
        Assert.Equal([MediaKind.Audio], audio.Card.MediaKinds);
        Assert.All(audio.Records, r => Assert.Equal(MediaKind.Audio, Assert.Single(r.Media).Kind));
    }

    public static TheoryData<string, string> HostilePaths => new()
    {
        { "dotdot", ErrorCodes.DatasetMediaPathUnsafe },
        { "absolute", ErrorCodes.DatasetMediaPathUnsafe },
        { "url", ErrorCodes.DatasetMediaPathUnsafe },
        { "symlink-out", ErrorCodes.DatasetMediaPathUnsafe },
        { "symlinked-folder-out", ErrorCodes.DatasetMediaPathUnsafe },
        { "fifo", ErrorCodes.DatasetMediaPathUnsafe },
        { "folder", ErrorCodes.DatasetMediaPathUnsafe },
        { "missing", ErrorCodes.DatasetMediaMissing },
        { "text-named-png", ErrorCodes.DatasetMediaUnknownType },
        { "fifty-megabytes", ErrorCodes.DatasetMediaTooLarge },
    };

    /// <summary>Creates the hostile media target of <paramref name="kind"/> and returns the path a record names.</summary>
    private string Hostile(string kind)
    {
        string outside = Directory.CreateTempSubdirectory("ba-outside-").FullName;
        File.WriteAllBytes(Path.Combine(outside, "secret.png"), TestMedia.Png(9, 9));
        switch (kind)
        {
            case "dotdot":
                return "img/../../" + Path.GetFileName(outside) + "/secret.png";
            case "absolute":
                return Path.Combine(outside, "secret.png");
            case "url":
                return "https://example.invalid/cat.png";
            case "symlink-out":
                File.CreateSymbolicLink(Path.Combine(_dir, "link.png"), Path.Combine(outside, "secret.png"));
                return "link.png";
            case "symlinked-folder-out":
                Directory.CreateSymbolicLink(Path.Combine(_dir, "linked"), outside);
                return "linked/secret.png";
            case "fifo":
                using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", Path.Combine(_dir, "pipe.png")) { UseShellExecute = false })!)
                {
                    mkfifo.WaitForExit();
                    Assert.Equal(0, mkfifo.ExitCode);
                }

                return "pipe.png";
            case "folder":
                Directory.CreateDirectory(Path.Combine(_dir, "folder.png"));
                return "folder.png";
            case "missing":
                return "img/nope.png";
            case "text-named-png":
                File.WriteAllText(Path.Combine(_dir, "notes.png"), "this is not an image, just text\n");
                return "notes.png";
            case "fifty-megabytes":
                using (var big = new FileStream(Path.Combine(_dir, "huge.png"), FileMode.CreateNew))
                {
                    big.Write(TestMedia.Png(2, 2));
                    big.SetLength(50L * 1024 * 1024);
                }

                return "huge.png";
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    [Theory]
    [MemberData(nameof(HostilePaths))]
    public void A_hostile_media_path_among_good_records_skips_that_record_with_its_code_quickly(string kind, string code)
    {
        GoodImage("img/ok1.png", 5);
        GoodImage("img/ok2.png", 6);
        string bad = Hostile(kind);
        string path = Jsonl("pool.jsonl", Record("ok-1", "image", "img/ok1.png", 5), Record("evil/../1\u202e", "image", bad, 8), Record("ok-2", "image_path", "img/ok2.png", 6));
        var clock = Stopwatch.StartNew();

        var dataset = DatasetReader.Read(path, MediaBudget.Default);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(["ok-1", "ok-2"], dataset.Records.Select(r => r.Id));
        var problem = Assert.Single(dataset.MediaProblems);
        Assert.Equal(code, problem.Code);
        Assert.Equal("evil%2F..%2F1%E2%80%AE", problem.RecordId);
        Assert.Contains("record 'evil%2F..%2F1%E2%80%AE'", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202e", problem.Message, StringComparison.Ordinal);
        Assert.All(dataset.Records.SelectMany(r => r.Media), m => Assert.NotEqual(9, TestMedia.PngWidth(m.Bytes.Span)));
    }

    [Theory]
    [MemberData(nameof(HostilePaths))]
    public void A_dataset_whose_only_media_record_is_hostile_is_an_error_with_that_code_and_no_snapshot(string kind, string code)
    {
        string bad = Hostile(kind);
        string path = Jsonl("only.jsonl", Record("evil", "image", bad, 8));
        var request = new BenchmarkRequest("hostile", "How wide are the bars in these chart images?", 2) { Datasets = [path] };
        var generator = new BenchmarkAgent.Execution.SnapshotGenerator();
        var clock = Stopwatch.StartNew();

        var ex = Assert.Throws<DatasetFormatException>(() => generator.Plan(request));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(code, ex.Code);
        Assert.Equal(path, ex.File);
        Assert.Contains("record 'evil'", ex.Detail, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "Benchmarks")));
    }

    [Fact]
    public void Skipped_records_reach_the_plan_as_a_counted_BA0424_notice()
    {
        for (int i = 0; i < 8; i++)
        {
            GoodImage($"img/{i}.png", 3 + i);
        }

        var lines = Enumerable.Range(0, 8).Select(i => Record($"ok{i}", "image", $"img/{i}.png", 3 + i))
            .Append(Record("gone", "image", "img/none.png", 1))
            .Append(Record("up", "image", "../x.png", 1))
            .Append(Record("up2", "image", "../../y.png", 1))
            .ToArray();
        string path = Jsonl("bars.jsonl", lines);
        var request = new BenchmarkRequest("bars", "How wide are the bars in these chart images?", 4) { Datasets = [path] };

        var plan = new BenchmarkAgent.Execution.SnapshotGenerator([new FakeImageFamily()]).Plan(request);

        var notice = Assert.Single(plan.Notices, n => n.Code == ErrorCodes.DatasetMediaRecordsSkipped);
        Assert.Contains("3 records", notice.Message, StringComparison.Ordinal);
        Assert.Contains("8 are used", notice.Message, StringComparison.Ordinal);
        Assert.Contains("2 x BA0420", notice.Message, StringComparison.Ordinal);
        Assert.Contains("1 x BA0421", notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_dataset_image_changes_the_fingerprint_and_the_record_hash()
    {
        GoodImage("img/a.png", 5);
        string path = Jsonl("fp.jsonl", Record("a", "image", "img/a.png", 5));
        string folder = GeneralBenchShapes(Path.Combine(_dir, "gb"), 2);
        var request = new BenchmarkRequest("fp", "chart images", 2) { Datasets = [path, folder] };
        string before = InputFingerprint.Compute(request);
        string recordBefore = Items.ItemProvenance.DatasetRecordHash(DatasetReader.Read(path, MediaBudget.Default).Records[0]);

        File.WriteAllBytes(Path.Combine(_dir, "img", "a.png"), TestMedia.Png(6, 3));
        string afterJsonlImage = InputFingerprint.Compute(request);
        string recordAfter = Items.ItemProvenance.DatasetRecordHash(DatasetReader.Read(path, MediaBudget.Default).Records[0]);
        File.WriteAllBytes(Path.Combine(folder, "images", "shape_001.png"), TestMedia.Png(30, 3));
        string afterFolderImage = InputFingerprint.Compute(request);

        Assert.NotEqual(before, afterJsonlImage);
        Assert.NotEqual(afterJsonlImage, afterFolderImage);
        Assert.NotEqual(recordBefore, recordAfter);
        Assert.Equal(afterFolderImage, InputFingerprint.Compute(request));
    }

    [Fact]
    public void A_text_dataset_keeps_its_fingerprint_and_records_unchanged()
    {
        string path = Jsonl("plain.jsonl", """{"question": "What is 2+2?", "answer": "4"}""", """{"question": "Name the file type of notes.txt", "answer": "text"}""");
        var plain = DatasetReader.Read(path);
        var withBudget = DatasetReader.Read(path, MediaBudget.Default);

        Assert.Equal(plain.Records.Select(r => r.Input), withBudget.Records.Select(r => r.Input));
        Assert.Empty(withBudget.Card.MediaKinds);
        Assert.Empty(withBudget.MediaProblems);
        Assert.All(withBudget.Records, r => Assert.Empty(r.Media));
    }
}
