using System.Text.Json;

namespace BenchmarkAgent.Testing.Baselines;

/// <summary>
/// Reads baseline files. Every problem is a <see cref="BaselineFormatException"/> with the file, the line and the
/// code: <c>BA2050</c> for a malformed file, <c>BA2051</c> for a file recorded for another subject.
/// </summary>
internal static class BaselineReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads the baseline at <paramref name="path"/>, or returns <see langword="null"/> when there is no file.</summary>
    /// <param name="path">The baseline file.</param>
    /// <param name="benchmark">The benchmark the file must belong to.</param>
    /// <param name="subject">The subject label the file must have been recorded with.</param>
    /// <returns>The baseline, or <see langword="null"/>.</returns>
    /// <exception cref="BaselineFormatException">The file is malformed or belongs to another benchmark or subject.</exception>
    public static Baseline? TryRead(string path, string benchmark, string subject) =>
        File.Exists(path) ? Parse(path, File.ReadAllText(path), benchmark, subject) : null;

    /// <summary>Parses the text of a baseline file.</summary>
    /// <param name="path">The file, for messages.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="benchmark">The benchmark the file must belong to.</param>
    /// <param name="subject">The subject label the file must have been recorded with.</param>
    /// <returns>The baseline, items sorted by id.</returns>
    /// <exception cref="BaselineFormatException">The text is malformed or belongs to another benchmark or subject.</exception>
    public static Baseline Parse(string path, string text, string benchmark, string subject)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string Fix = "Fix the file, or delete it and record a new baseline with BENCHAGENT_RECORD_BASELINE=true dotnet test.";
        if (Snapshots.ConflictMarkers.FirstLine(text) is int markerLine)
        {
            throw Malformed(path, markerLine, "The file contains merge-conflict markers. " + Fix);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new BaselineFormatException(ErrorCodes.MalformedBaseline, path, (int)(ex.LineNumber ?? 0) + 1, "The file is not valid JSON: " + ex.Message + " " + Fix, ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(path, 1, "The file must hold a JSON object. " + Fix);
            }

            string schema = StringProperty(root, "schema") ?? string.Empty;
            if (schema != Baseline.Schema)
            {
                throw Malformed(path, LineOf(text, "\"schema\""), $"Unknown schema '{schema}'; this version reads '{Baseline.Schema}'. " + Fix);
            }

            string? fileBenchmark = StringProperty(root, "benchmark");
            if (fileBenchmark != benchmark)
            {
                throw Malformed(path, LineOf(text, "\"benchmark\""), $"The file belongs to benchmark '{fileBenchmark}', not '{benchmark}'. " + Fix);
            }

            string? fileSubject = StringProperty(root, "subject");
            if (fileSubject is null)
            {
                throw Malformed(path, 1, "The file has no 'subject'. " + Fix);
            }

            if (fileSubject != subject)
            {
                throw new BaselineFormatException(ErrorCodes.SubjectMismatch, path, LineOf(text, "\"subject\""),
                    $"The baseline was recorded for subject '{fileSubject}', but the subject now is '{subject}' (both labels map to the same file name). Record a baseline for this subject with BENCHAGENT_RECORD_BASELINE=true dotnet test, or run the subject the file was recorded for.");
            }

            if (!root.TryGetProperty("items", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                throw Malformed(path, 1, "The file has no 'items' array. " + Fix);
            }

            var items = new List<BaselineItem>(array.GetArrayLength());
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var idLines = Snapshots.JsonIdLines.Index(text);
            int ordinal = 0;
            foreach (var element in array.EnumerateArray())
            {
                ordinal++;
                string? id = element.ValueKind == JsonValueKind.Object ? StringProperty(element, "id") : null;
                if (string.IsNullOrEmpty(id))
                {
                    throw Malformed(path, LineOf(text, "\"items\""), $"Item #{ordinal} has no 'id'. " + Fix);
                }

                string written = JsonSerializer.Serialize(id)[1..^1]; // the id as the file spells it, escapes kept
                if (!seen.Add(id))
                {
                    throw Malformed(path, idLines.LineOf(written, occurrence: 2), $"Duplicate item id '{id}'. " + Fix);
                }

                int line = idLines.LineOf(written);
                if (!element.TryGetProperty("passed", out var passed) || passed.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw Malformed(path, line, $"Item '{id}' has no boolean 'passed'. " + Fix);
                }

                if (!element.TryGetProperty("score", out var scoreElement) || scoreElement.ValueKind != JsonValueKind.Number
                    || !scoreElement.TryGetDouble(out double score) || !double.IsFinite(score) || score is < 0 or > 1)
                {
                    throw Malformed(path, line, $"Item '{id}' has no 'score' from 0 to 1. " + Fix);
                }

                items.Add(new BaselineItem(id, passed.GetBoolean(), score));
            }

            return new Baseline(benchmark, fileSubject, items.OrderBy(i => i.Id, StringComparer.Ordinal).ToList());
        }
    }

    private static BaselineFormatException Malformed(string path, int line, string detail) =>
        new(ErrorCodes.MalformedBaseline, path, line, detail);

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int LineAt(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    private static int LineOf(string text, string needle, int occurrence = 1)
    {
        int index = -1;
        for (int i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(needle, index + 1, StringComparison.Ordinal);
            if (index < 0)
            {
                return 0;
            }
        }

        return LineAt(text, index);
    }
}
