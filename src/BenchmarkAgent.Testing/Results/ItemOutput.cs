using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkAgent.Testing.Evaluation;
using Xunit;

namespace BenchmarkAgent.Testing.Results;

/// <summary>Writes an item's metrics (the judge's and the project evaluators') to the current test: one output line each and a <c>judge-metrics.json</c> attachment.</summary>
internal static class ItemOutput
{
    /// <summary>The name of the JSON attachment holding the metrics.</summary>
    public const string MetricsAttachmentName = "judge-metrics.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Adds the metrics, if any, to the test's output text and attaches them to the current test context.</summary>
    /// <param name="metrics">The metrics.</param>
    /// <param name="output">The test's output text, written once when the test ends.</param>
    public static void WriteMetrics(IReadOnlyList<MetricReport> metrics, StringBuilder output)
    {
        if (metrics.Count == 0)
        {
            return;
        }

        foreach (var metric in metrics)
        {
            output.AppendLine($"metric:   [repeat {metric.Repeat}] {metric}");
        }

        TestContext.Current.AddAttachment(MetricsAttachmentName, JsonSerializer.Serialize(metrics, Json));
    }
}
