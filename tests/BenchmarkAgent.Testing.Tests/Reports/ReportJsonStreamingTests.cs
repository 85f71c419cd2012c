using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkAgent.Testing.Reports;
using Xunit;

namespace BenchmarkAgent.Testing.Tests.Reports;

/// <summary>report.json is streamed to the file (issue 16, memory) and stays byte for byte what the one-string writer wrote.</summary>
public sealed class ReportJsonStreamingTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ba-report-json-" + Guid.NewGuid().ToString("N"));

    /// <summary>The options the earlier writer serialised the report with into one string.</summary>
    private static readonly JsonSerializerOptions StringWriterOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task The_streamed_report_json_has_the_same_bytes_as_the_serialised_string_without_a_bom()
    {
        // Unkind text: a script injection, quotes, control characters, non-ASCII and a surrogate pair, and a long answer
        // (larger than the file stream's buffer, so the writer flushes more than once).
        var results = ReportSamples.Run().Results.ToList();
        results.Add(ReportSamples.Result("unicode", "text", "u1", "hard", passed: false, answer: "naïve \"quoted\" \t\u0001 東京 😀 " + ReportSamples.Injection, expected: "ß"));
        results.Add(ReportSamples.Result("unicode", "text", "u2", "easy", passed: true, answer: string.Concat(Enumerable.Repeat("line ✓ ünïcødé\n", 20_000)), expected: "x"));
        var report = RunReport.Create(results);

        await ReportWriter.WriteAsync(report, _directory, stepSummaryPath: null, TestContext.Current.CancellationToken);

        byte[] written = await File.ReadAllBytesAsync(Path.Combine(_directory, "report.json"), TestContext.Current.CancellationToken);
        byte[] expected = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(JsonSerializer.Serialize(report, StringWriterOptions));
        Assert.True(written.Length > 300_000, $"the sample is large enough to flush several times ({written.Length} bytes)");
        Assert.Equal((byte)'{', written[0]);
        Assert.Equal(expected, written);
    }

    [Fact]
    public async Task Writing_again_to_the_same_folder_replaces_report_json_instead_of_leaving_a_longer_tail()
    {
        var large = RunReport.Create([.. ReportSamples.Run().Results, ReportSamples.Result("big", "s", "b1", "easy", passed: true, answer: new string('x', 50_000))]);
        var small = ReportSamples.Run();

        await ReportWriter.WriteAsync(large, _directory, stepSummaryPath: null, TestContext.Current.CancellationToken);
        await ReportWriter.WriteAsync(small, _directory, stepSummaryPath: null, TestContext.Current.CancellationToken);

        string json = await File.ReadAllTextAsync(Path.Combine(_directory, "report.json"), TestContext.Current.CancellationToken);
        Assert.Equal(JsonSerializer.Serialize(small, StringWriterOptions), json);
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal(small.Results.Count, parsed.RootElement.GetProperty("results").GetArrayLength());
    }
}
