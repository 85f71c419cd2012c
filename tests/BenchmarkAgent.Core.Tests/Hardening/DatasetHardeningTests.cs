using System.Diagnostics;
using System.Text;
using BenchmarkAgent.Core.Tests.Grounding;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Grounding;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Core.Tests.Hardening;

/// <summary>Issue 16, findings 2 and 3 and the weaker dataset findings: hostile or careless dataset files.</summary>
public sealed class DatasetHardeningTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    private static string MakeFifo(TempFolder folder)
    {
        string path = Path.Combine(folder.Path, "pipe.jsonl");
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", path) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    [Fact]
    public void A_fifo_registered_as_a_dataset_is_a_BA_error_in_under_five_seconds_for_the_reader_and_the_fingerprint()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "FIFOs are a Unix file type.");
        using var folder = new TempFolder();
        string fifo = MakeFifo(folder);
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<DatasetFormatException>(() => DatasetReader.Read(fifo));
        string fingerprint = InputFingerprint.Compute(new BenchmarkRequest("b", "q", 1) { Datasets = [fifo] });

        Assert.True(clock.Elapsed < Limit, $"took {clock.Elapsed}");
        Assert.StartsWith("BA04", error.Code);
        Assert.Contains("not a regular file", error.Detail);
        Assert.StartsWith("sha256:", fingerprint);
    }

    [Fact]
    public void Dev_zero_registered_as_a_dataset_is_a_BA_error_in_under_five_seconds_for_the_reader_and_the_fingerprint()
    {
        Assert.SkipUnless(File.Exists("/dev/zero"), "needs /dev/zero");
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<DatasetFormatException>(() => DatasetReader.Read("/dev/zero"));
        string fingerprint = InputFingerprint.Compute(new BenchmarkRequest("b", "q", 1) { Datasets = ["/dev/zero"] });

        Assert.True(clock.Elapsed < Limit, $"took {clock.Elapsed}");
        Assert.StartsWith("BA04", error.Code);
        Assert.StartsWith("sha256:", fingerprint);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_any_byte_is_read_also_by_the_fingerprint()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "huge.jsonl");
        using (var stream = File.Create(path))
        {
            stream.SetLength(DatasetFile.MaxBytes + 1); // sparse: 256 MiB + 1 reported, nothing written
        }

        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<DatasetFormatException>(() => DatasetReader.Read(path));
        string hash = InputFingerprint.ContentHash(path);

        Assert.True(clock.Elapsed < Limit, $"took {clock.Elapsed}");
        Assert.Equal("BA0412", error.Code);
        Assert.Contains("limit", error.Detail);
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void The_size_limit_is_counted_while_streaming_not_trusted_from_the_reported_length()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.jsonl", new string('x', 5000));

        var error = Assert.Throws<DatasetFormatException>(() => DatasetFile.ReadAllBytes(path, maxBytes: 4096));

        Assert.Equal("BA0412", error.Code);
        Assert.Equal(5000, DatasetFile.ReadAllBytes(path).Length);
    }

    [Theory]
    [InlineData("utf-16", "UTF-16 (little-endian)")]
    [InlineData("utf-16BE", "UTF-16 (big-endian)")]
    [InlineData("utf-32", "UTF-32 (little-endian)")]
    public void A_dataset_in_another_unicode_encoding_is_BA0413_naming_the_encoding(string encoding, string named)
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "wide.jsonl");
        var enc = Encoding.GetEncoding(encoding);
        File.WriteAllBytes(path, [.. enc.GetPreamble(), .. enc.GetBytes("{\"question\": \"q\", \"answer\": \"1\"}\n")]);

        var error = Assert.Throws<DatasetFormatException>(() => DatasetReader.Read(path));

        Assert.Equal("BA0413", error.Code);
        Assert.Contains(named, error.Detail);
        Assert.Contains("UTF-8", error.Detail);
    }

    [Fact]
    public void Utf16_without_a_byte_order_mark_and_invalid_utf8_are_named_too()
    {
        using var folder = new TempFolder();
        string noBom = Path.Combine(folder.Path, "nobom.jsonl");
        File.WriteAllBytes(noBom, Encoding.Unicode.GetBytes("{\"question\": \"q\", \"answer\": \"1\"}\n"));
        string latin1 = Path.Combine(folder.Path, "latin1.csv");
        File.WriteAllBytes(latin1, [.. Encoding.ASCII.GetBytes("question,answer\nCaf"), 0xE9, .. Encoding.ASCII.GetBytes(" au lait?,yes\n")]);

        Assert.Contains("UTF-16 (little-endian, no byte order mark)", Assert.Throws<DatasetFormatException>(() => DatasetReader.Read(noBom)).Detail);
        var invalid = Assert.Throws<DatasetFormatException>(() => DatasetReader.Read(latin1));
        Assert.Equal("BA0413", invalid.Code);
        Assert.Contains("not valid UTF-8", invalid.Detail);
        Assert.Equal(2, invalid.Line);
    }

    [Fact]
    public void An_empty_dataset_is_an_error_alone_and_a_left_out_warning_beside_another_dataset()
    {
        using var folder = new TempFolder();
        string empty = folder.Write("empty.jsonl", string.Empty);
        string blank = folder.Write("blank.jsonl", "\n\n  \n");
        string good = folder.Write("compass.jsonl", string.Concat(Enumerable.Range(0, 20).Select(i =>
            $"{{\"question\": \"Which way does needle {i} point?\", \"choices\": [\"north {i}\", \"south {i}\"], \"answer\": \"A\"}}\n")));

        Assert.Equal("BA0414", Assert.Throws<DatasetFormatException>(() => DatasetReader.Read(empty)).Code);
        Assert.Equal("BA0414", Assert.Throws<DatasetFormatException>(() => DatasetReader.Read(blank)).Code);
        var alone = Assert.Throws<DatasetFormatException>(() => new SnapshotGenerator().Plan(new BenchmarkRequest("e", "Multiple-choice compass questions", 5) { Datasets = [empty] }));
        Assert.Equal("BA0414", alone.Code);

        var plan = new SnapshotGenerator().Plan(new BenchmarkRequest("e", "Multiple-choice compass questions", 5) { Datasets = [empty, blank, good] });

        Assert.Equal(2, plan.Notices.Count);
        Assert.All(plan.Notices, n => Assert.Equal("BA0410", n.Code));
        Assert.All(plan.Notices, n => Assert.Contains("BA0414", n.Message));
        Assert.Equal(5, plan.Subtasks.Sum(s => s.Quota));
    }

    [Fact]
    public void A_record_over_the_wall_time_budget_is_BA0416_with_its_line()
    {
        using var folder = new TempFolder();
        string path = folder.Write("slow.jsonl", "{\"question\": \"q\", \"answer\": \"1\"}\n");

        var error = Assert.Throws<DatasetFormatException>(() => DatasetReader.Read(path, TimeSpan.Zero));

        Assert.Equal("BA0416", error.Code);
        Assert.Equal(1, error.Line);
        Assert.True(DatasetReader.RecordBudget > TimeSpan.Zero);
    }

    [Fact]
    public void A_five_megabyte_run_of_one_letter_reads_in_under_five_seconds()
    {
        using var folder = new TempFolder();
        string run = new('a', 5 * 1024 * 1024);
        string path = folder.Write("run.jsonl", $"{{\"question\": \"{run}\", \"answer\": \"1\"}}\n");
        var clock = Stopwatch.StartNew();

        var dataset = DatasetReader.Read(path);

        Assert.True(clock.Elapsed < Limit, $"took {clock.Elapsed}");
        Assert.Equal(run.Length, dataset.Records[0].Input.Length);
    }

    public static TheoryData<string, string> AdversarialRecords => new()
    {
        { "deep nesting", new string('[', 100_000) + new string(']', 100_000) },
        { "deep objects", string.Concat(Enumerable.Repeat("{\"a\":", 50_000)) + "1" + new string('}', 50_000) },
        { "one huge token", $"{{\"question\": \"{new string('x', 4 * 1024 * 1024)}\", \"answer\": \"1\"}}" },
        { "mixed scripts and controls", $"{{\"question\": \"{string.Concat(Enumerable.Repeat("\\u202eabc\\u0000\u96ea\u0645\u0631\\t", 200_000))}\", \"answer\": \"1\"}}" },
        { "many options", $"{{\"question\": \"q\", \"options\": [{string.Join(",", Enumerable.Range(0, 200_000).Select(i => $"\"o{i}\""))}], \"answer\": \"A\"}}" },
        { "many fields", "{" + string.Join(",", Enumerable.Range(0, 100_000).Select(i => $"\"f{i}\": \"v\"")) + ", \"question\": \"q\", \"answer\": \"1\"}" },
    };

    [Theory]
    [MemberData(nameof(AdversarialRecords))]
    public void Adversarial_records_are_read_or_rejected_with_a_BA_code_in_under_five_seconds(string shape, string line)
    {
        using var folder = new TempFolder();
        string path = folder.Write("adversarial.jsonl", line + "\n");
        var clock = Stopwatch.StartNew();

        try
        {
            var dataset = DatasetReader.Read(path);
            Assert.Single(dataset.Records);
        }
        catch (DatasetFormatException ex)
        {
            Assert.StartsWith("BA04", ex.Code);
        }

        Assert.True(clock.Elapsed < Limit, $"{shape}: took {clock.Elapsed}");
    }
}
