using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkAgent.Testing.Results;

namespace BenchmarkAgent.Testing.Reports;

/// <summary>Writes a <see cref="RunReport"/> as <c>report.json</c>, <c>report.md</c> and <c>report.html</c>.</summary>
internal static class ReportWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the files to <paramref name="directory"/>, and appends the Markdown to <paramref name="stepSummaryPath"/> when given.</summary>
    public static async Task WriteAsync(RunReport report, string directory, string? stepSummaryPath, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        // Streamed to the file (UTF-8, no BOM: the same bytes as before) instead of built as one string: a 50,000-item
        // report is ~40 MB of JSON, which as a buffer plus a UTF-16 string cost the test host ~3x that at its peak.
        var file = new FileStream(Path.Combine(directory, "report.json"), FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(file, report, JsonOptions, cancellationToken).ConfigureAwait(false);
        }

        string markdown = Markdown(report);
        await File.WriteAllTextAsync(Path.Combine(directory, "report.md"), markdown, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, "report.html"), HtmlReportWriter.Render(report), cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(stepSummaryPath))
        {
            await File.AppendAllTextAsync(stepSummaryPath, markdown, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Renders the Markdown summary: one table per benchmark with a row per subtask.</summary>
    public static string Markdown(RunReport report)
    {
        var md = new StringBuilder();
        md.Append("# BenchmarkAgent results\n\n");
        md.Append("Subject: `").Append(report.Subject).Append("`\n\n");
        // With repeats, a pass@k column: items that passed in at least one of their k repeats ("passed" is the majority).
        int? k = report.Benchmarks.Max(b => b.Repeats);
        // A "skipped" column only when some item was skipped for a modality, so text-only reports read as before.
        bool skipped = report.Benchmarks.Any(b => b.Skipped > 0);
        string skippedHeader = skipped ? " skipped |" : string.Empty;
        string skippedRule = skipped ? "---:|" : string.Empty;
        md.Append(k is { } repeats
            ? string.Create(CultureInfo.InvariantCulture, $"| benchmark / subtask | items | passed (majority of {repeats}) | pass@{repeats} | errors |{skippedHeader} score |\n|---|---:|---:|---:|---:|{skippedRule}---:|\n")
            : $"| benchmark / subtask | items | passed | errors |{skippedHeader} score |\n|---|---:|---:|---:|{skippedRule}---:|\n");
        foreach (var benchmark in report.Benchmarks)
        {
            Row(md, $"**{benchmark.Name}**", benchmark, k is not null, skipped);
            foreach (var subtask in report.Subtasks.Where(s => s.Name.StartsWith(benchmark.Name + "/", StringComparison.Ordinal)))
            {
                Row(md, "&nbsp;&nbsp;" + subtask.Name[(benchmark.Name.Length + 1)..], subtask, k is not null, skipped);
            }
        }

        if (skipped)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n{report.Benchmarks.Sum(b => b.Skipped)} items were skipped ({ErrorCodes.ModalityNotDeclared}): they carry an image or audio clip the subject does not declare it accepts. They are not in items, errors or score; declare the subject's modalities with `BENCHAGENT_SUBJECT_MODALITIES` (e.g. `text,image,audio`) to run them.\n");
        }

        MetricTable(md, report);
        TokenLine(md, "subject", report.Benchmarks, b => b.Tokens);
        TokenLine(md, "judge", report.Benchmarks, b => b.JudgeTokens);

        BaselineMarkdown.Append(md, report);
        return md.Append('\n').ToString();
    }

    /// <summary>"Tokens used by the role (input / output): benchmark in / out; ..." when any benchmark reported tokens for the role.</summary>
    private static void TokenLine(StringBuilder md, string role, IReadOnlyList<ScoreSummary> benchmarks, Func<ScoreSummary, Results.TokenCounts?> tokens)
    {
        if (benchmarks.All(b => tokens(b) is null))
        {
            return;
        }

        md.Append("\nTokens used by the ").Append(role).Append(" (input / output): ")
            .Append(string.Join("; ", benchmarks.Select(b => tokens(b) is { } t
                ? $"{b.Name} {t.InputOutputText()}"
                : $"{b.Name} not reported")))
            .Append('\n');
    }

    /// <summary>With numeric metrics: one row per benchmark or subtask and metric (mean, range, count, failed).</summary>
    private static void MetricTable(StringBuilder md, RunReport report)
    {
        if (report.Benchmarks.All(b => b.Metrics.Count == 0))
        {
            return;
        }

        md.Append("\n| benchmark / subtask | metric | mean | min | max | n | failed |\n|---|---|---:|---:|---:|---:|---:|\n");
        foreach (var benchmark in report.Benchmarks)
        {
            MetricRows(md, $"**{benchmark.Name}**", benchmark);
            foreach (var subtask in report.Subtasks.Where(s => s.Name.StartsWith(benchmark.Name + "/", StringComparison.Ordinal)))
            {
                MetricRows(md, "&nbsp;&nbsp;" + subtask.Name[(benchmark.Name.Length + 1)..], subtask);
            }
        }
    }

    private static void MetricRows(StringBuilder md, string label, ScoreSummary summary)
    {
        foreach (var metric in summary.Metrics)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {label} | {MarkdownCell(metric.Name)} | {metric.Mean:0.##} | {metric.Min:0.##} | {metric.Max:0.##} | {metric.Count} | {metric.Failed} |\n");
        }
    }

    /// <summary>A metric name as a table cell: pipes and line breaks would break the table.</summary>
    private static string MarkdownCell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');

    private static void Row(StringBuilder md, string label, ScoreSummary summary, bool passAtK, bool skipped)
    {
        string skippedCell = skipped ? string.Create(CultureInfo.InvariantCulture, $" {summary.Skipped} |") : string.Empty;
        if (passAtK)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {label} | {summary.Items} | {summary.Passed} | {summary.PassAtK ?? summary.Passed} | {summary.Errors} |{skippedCell} {summary.MeanScore:P1} |\n");
        }
        else
        {
            md.Append(CultureInfo.InvariantCulture, $"| {label} | {summary.Items} | {summary.Passed} | {summary.Errors} |{skippedCell} {summary.MeanScore:P1} |\n");
        }
    }
}
