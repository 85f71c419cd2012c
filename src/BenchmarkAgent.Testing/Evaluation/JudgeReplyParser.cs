using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI.Evaluation;

namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>
/// Reads the judge's reply into metrics. The reply is untrusted: anything unreadable (no JSON object, a missing
/// metric, a score that is not a number from 1 to 5) becomes a metric with a failed, inconclusive interpretation and
/// an error diagnostic, never an exception.
/// </summary>
internal static class JudgeReplyParser
{
    /// <summary>The lowest score that does not fail a metric (4, <see cref="EvaluationRating.Good"/>).</summary>
    public const int PassingScore = 4;

    private const int MaxReasonLength = 500;

    /// <summary>Parses a reply.</summary>
    /// <param name="reply">The judge's reply text.</param>
    /// <param name="metrics">The metrics that were requested.</param>
    /// <returns>One metric per requested metric, in the same order.</returns>
    public static IReadOnlyList<NumericMetric> Parse(string reply, IReadOnlyList<RubricMetric> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        reply ??= string.Empty;
        JsonElement root;
        try
        {
            root = ExtractObject(reply);
        }
        catch (JsonException ex)
        {
            string problem = $"The judge's reply is not a JSON object ({ex.Message.Split('.')[0]}): '{Excerpt(reply)}'.";
            return metrics.Select(m => Failed(m, problem)).ToList();
        }

        return metrics.Select(m => Read(root, m, metrics.Count == 1)).ToList();
    }

    /// <summary>Interprets a 1-5 score: 5 Exceptional, 4 Good, 3 Average, 2 Poor, 1 Unacceptable; below <see cref="PassingScore"/> fails.</summary>
    /// <param name="score">The score.</param>
    /// <returns>The interpretation.</returns>
    public static EvaluationMetricInterpretation Interpret(double score)
    {
        var rating = score switch
        {
            >= 5 => EvaluationRating.Exceptional,
            >= 4 => EvaluationRating.Good,
            >= 3 => EvaluationRating.Average,
            >= 2 => EvaluationRating.Poor,
            _ => EvaluationRating.Unacceptable,
        };
        bool failed = score < PassingScore;
        return new EvaluationMetricInterpretation(rating, failed,
            failed ? $"{score.ToString("0.#", CultureInfo.InvariantCulture)} is below the passing score {PassingScore}." : null);
    }

    private static NumericMetric Read(JsonElement root, RubricMetric metric, bool single)
    {
        JsonElement entry;
        if (TryProperty(root, metric.Key, out var found))
        {
            entry = found;
        }
        else if (single && TryProperty(root, "score", out _))
        {
            entry = root; // one metric answered flat: {"score": 4, "reason": "..."}
        }
        else
        {
            return Failed(metric, $"The judge's reply has no entry for '{metric.Key}'.");
        }

        JsonElement scoreElement = entry;
        string? reason = null;
        if (entry.ValueKind == JsonValueKind.Object)
        {
            if (!TryProperty(entry, "score", out scoreElement))
            {
                return Failed(metric, $"The judge's entry for '{metric.Key}' has no score.");
            }

            if (TryProperty(entry, "reason", out var reasonElement) && reasonElement.ValueKind == JsonValueKind.String)
            {
                reason = Truncate(reasonElement.GetString());
            }
        }

        double? score = scoreElement.ValueKind switch
        {
            JsonValueKind.Number when scoreElement.TryGetDouble(out double d) => d,
            JsonValueKind.String when double.TryParse(scoreElement.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double s) => s,
            _ => null,
        };
        if (score is not { } value || double.IsNaN(value) || value < 1 || value > 5)
        {
            var unreadable = Failed(metric, $"The judge's score for '{metric.Key}' is not a number from 1 to 5: '{Excerpt(scoreElement.GetRawText())}'.");
            unreadable.Reason = reason;
            return unreadable;
        }

        return new NumericMetric(metric.Name, value, reason) { Interpretation = Interpret(value) };
    }

    private static NumericMetric Failed(RubricMetric metric, string problem) =>
        new(metric.Name, null, null)
        {
            Interpretation = new EvaluationMetricInterpretation(EvaluationRating.Inconclusive, failed: true, problem),
            Diagnostics = [EvaluationDiagnostic.Error(problem)],
        };

    private static JsonElement ExtractObject(string reply)
    {
        // Judges often wrap JSON in prose or a ```json fence: take the outermost braces.
        int start = reply.IndexOf('{', StringComparison.Ordinal);
        int end = reply.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            throw new JsonException("no braces found.");
        }

        using var document = JsonDocument.Parse(reply.AsMemory(start, end - start + 1), new JsonDocumentOptions { MaxDepth = 16 });
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("the top level is not an object.");
        }

        return document.RootElement.Clone();
    }

    private static bool TryProperty(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }

    private static string? Truncate(string? text) =>
        text is null ? null : text.Length <= MaxReasonLength ? text : text[..MaxReasonLength] + "...";

    private static string Excerpt(string text)
    {
        string flat = text.Replace('\n', ' ').Replace('\r', ' ').Trim();
        return flat.Length <= 80 ? flat : flat[..80] + "...";
    }
}
