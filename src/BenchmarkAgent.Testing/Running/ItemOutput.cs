using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkAgent.Testing.Evaluation;
using Xunit;

namespace BenchmarkAgent.Testing.Running;

/// <summary>Writes an item's judge metrics to the current test: one output line each and a <c>judge-metrics.json</c> attachment.</summary>
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

    /// <summary>Writes the metrics, if any, to the current test context.</summary>
    /// <param name="metrics">The metrics.</param>
    public static void WriteMetrics(IReadOnlyList<MetricReport> metrics)
    {
        if (metrics.Count == 0)
        {
            return;
        }

        var context = TestContext.Current;
        foreach (var metric in metrics)
        {
            context.TestOutputHelper?.WriteLine($"metric:   [repeat {metric.Repeat}] {metric}");
        }

        context.AddAttachment(MetricsAttachmentName, JsonSerializer.Serialize(metrics, Json));
    }
}
