using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Items;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Retrieval;

namespace BenchmarkAgent.Snapshots;

/// <summary>
/// Serialises snapshots to deterministic, review-friendly JSON: fixed property order, <c>\n</c> line
/// endings, readable Unicode, and multi-line text as an array of lines so a diff shows line changes.
/// </summary>
internal static class SnapshotWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Returns the bytes of the plan file.</summary>
    public static byte[] PlanBytes(BenchmarkSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var plan = snapshot.Plan;
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("schema", SnapshotLayout.PlanSchema);
            writer.WriteString("benchmark", plan.Request.Name);
            WriteText(writer, "query", plan.Request.Query);
            writer.WriteNumber("quota", plan.Request.Quota);
            writer.WriteNumber("seed", plan.Request.Seed);
            writer.WriteString("difficulty", SnapshotNames.Difficulty(plan.Request.Difficulty));
            writer.WriteString("engine", InputFingerprint.EngineVersion);
            writer.WriteString("backbone", plan.Backbone);
            writer.WriteString("fingerprint", snapshot.Fingerprint);
            writer.WriteNumber("generation", snapshot.Generation);
            WriteStrings(writer, "warnings", plan.Warnings);
            WriteStringsIfAny(writer, "decisions", plan.Decisions);

            if (plan.Notices.Count > 0)
            {
                // Only plans with notices carry the array, so plans without them keep their bytes.
                writer.WriteStartArray("notices");
                foreach (var notice in plan.Notices)
                {
                    writer.WriteStartObject();
                    writer.WriteString("code", notice.Code);
                    writer.WriteString("file", Path.GetFileName(Path.TrimEndingDirectorySeparator(notice.File)));
                    WriteText(writer, "message", notice.Message);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteStartArray("subtasks");
            for (int i = 0; i < plan.Subtasks.Count; i++)
            {
                var subtask = plan.Subtasks[i];
                var report = snapshot.Reports.FirstOrDefault(r => r.Subtask == subtask.Name);
                writer.WriteStartObject();
                writer.WriteString("name", subtask.Name);
                writer.WriteString("skill", subtask.Skill);
                writer.WriteString("answerType", SnapshotNames.AnswerType(subtask.AnswerType));
                writer.WriteString("difficulty", SnapshotNames.Difficulty(subtask.Difficulty));
                writer.WriteString("source", subtask.Source.ToString());
                writer.WriteNumber("relevance", Math.Round(subtask.Relevance, 4));
                writer.WriteNumber("quota", subtask.Quota);
                WriteText(writer, "description", subtask.Description);
                WriteText(writer, "rationale", subtask.Rationale);
                if (subtask.Capability is not null)
                {
                    WriteText(writer, "capability", subtask.Capability);
                }

                WriteStringsIfAny(writer, "inputs", subtask.Inputs);

                WriteStringsIfAny(writer, "transformations", subtask.Transformations);

                if (subtask.Grounding is { } grounding)
                {
                    writer.WriteStartObject("grounding");
                    writer.WriteNumber("alignment", Math.Round(grounding.Alignment, 4));
                    writer.WriteNumber("coverage", Math.Round(grounding.Coverage, 4));
                    writer.WriteNumber("simplicity", Math.Round(grounding.Simplicity, 4));
                    writer.WriteNumber("risk", Math.Round(grounding.Risk, 4));
                    writer.WriteNumber("total", Math.Round(grounding.Total, 4));
                    writer.WriteString("decision", grounding.Decision);
                    WriteText(writer, "rationale", grounding.Rationale);
                    writer.WriteEndObject();
                }

                if (subtask.Candidates.Count > 0)
                {
                    writer.WriteStartArray("candidates");
                    foreach (var candidate in subtask.Candidates)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("dataset", candidate.Dataset);
                        writer.WriteString("transformation", candidate.Transformation);
                        writer.WriteNumber("alignment", Math.Round(candidate.Alignment, 4));
                        writer.WriteNumber("total", Math.Round(candidate.Total, 4));
                        writer.WriteNumber("realisable", candidate.Realisable);
                        writer.WriteString("decision", candidate.Decision);
                        WriteText(writer, "reason", candidate.Reason);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                if (subtask.Retrieval is { } retrieval)
                {
                    writer.WriteStartObject("retrieval");
                    WriteLexical(writer, retrieval);
                    writer.WriteEndObject();
                }

                if (report is not null)
                {
                    writer.WriteStartObject("quality");
                    writer.WriteNumber("accepted", report.Accepted);
                    writer.WriteNumber("rejected", report.Rejected);
                    writer.WriteNumber("acceptanceRate", Math.Round(report.AcceptanceRate, 4));
                    writer.WriteStartObject("rejectionsByCheck");
                    foreach (var (check, count) in report.RejectionsByCheck.OrderBy(p => p.Key, StringComparer.Ordinal))
                    {
                        writer.WriteNumber(check, count);
                    }

                    writer.WriteEndObject();
                    WriteItemQuality(writer, snapshot.Items.Where(i => i.Subtask == subtask.Name && !i.Curation.Excluded).ToList());
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (plan.Retrieval is { } planRetrieval)
            {
                WritePlanRetrieval(writer, planRetrieval);
            }

            writer.WriteStartArray("history");
            foreach (var record in snapshot.History)
            {
                writer.WriteStartObject();
                writer.WriteNumber("generation", record.Generation);
                writer.WriteString("seed", record.Seed);
                writer.WriteNumber("fraction", Math.Round(record.Fraction, 4));
                writer.WriteNumber("rotated", record.Rotated);
                writer.WriteNumber("kept", record.Kept);
                writer.WriteNumber("edited", record.Edited);
                writer.WriteNumber("excluded", record.Excluded);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>The offline planner's evidence: coverage, unmatched terms, rejected close candidates and modifiers.</summary>
    private static void WritePlanRetrieval(Utf8JsonWriter writer, PlanRetrieval retrieval)
    {
        writer.WriteStartObject("retrieval");
        writer.WriteNumber("coverage", Math.Round(retrieval.Coverage, 4));
        writer.WriteBoolean("covered", retrieval.Covered);
        WriteStrings(writer, "unmatchedTerms", retrieval.UnmatchedTerms);
        writer.WriteStartArray("rejected");
        foreach (var rejected in retrieval.Rejected)
        {
            writer.WriteStartObject();
            writer.WriteString("name", rejected.Name);
            WriteLexical(writer, rejected.Lexical);
            writer.WriteString("reason", rejected.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("modifiers");
        foreach (var modifier in retrieval.Modifiers)
        {
            writer.WriteStartObject();
            writer.WriteString("subtask", modifier.Subtask);
            writer.WriteString("modifier", modifier.Modifier);
            writer.WriteString("transformation", modifier.Transformation);
            writer.WriteString("mode", modifier.Mode);
            writer.WriteString("reason", modifier.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteLexical(Utf8JsonWriter writer, LexicalHit hit)
    {
        writer.WriteNumber("bm25", Math.Round(hit.Bm25, 4));
        writer.WriteNumber("bm25Normalized", Math.Round(hit.Bm25Normalized, 4));
        writer.WriteNumber("tfidfCosine", Math.Round(hit.Cosine, 4));
        writer.WriteNumber("score", Math.Round(hit.Combined, 4));
        WriteStrings(writer, "matchedTerms", hit.MatchedTerms);
    }

    /// <summary>Returns the bytes of the items file.</summary>
    public static byte[] ItemsBytes(string benchmark, IReadOnlyList<BenchmarkItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("schema", SnapshotLayout.ItemsSchema);
            writer.WriteString("benchmark", benchmark);
            writer.WriteStartArray("items");
            foreach (var item in items)
            {
                WriteItem(writer, item);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>
    /// Writes <paramref name="snapshot"/> atomically under <paramref name="root"/>: the media files its items reference
    /// first (only those not already there with their bytes, within the request's <see cref="Media.MediaBudget"/>), then
    /// items, then the plan that marks them fresh, and last removes the media files no item references any more.
    /// </summary>
    /// <exception cref="SnapshotFormatException">The media are over budget (BA0264) or a referenced file's bytes are not at hand (BA0266); nothing is written.</exception>
    public static void Write(string root, BenchmarkSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        string name = snapshot.Plan.Request.Name;
        string directory = SnapshotLayout.BenchmarkDirectory(root, name);
        byte[] items = ItemsBytes(name, snapshot.Items);
        byte[] plan = PlanBytes(snapshot);
        Media.MediaFolder.WriteReferenced(directory, snapshot.Items, snapshot.MediaFiles, snapshot.Plan.Request.MediaBudget);
        Directory.CreateDirectory(directory);
        AtomicFile.WriteAllBytes(SnapshotLayout.ItemsPath(root, name), items);
        AtomicFile.WriteAllBytes(SnapshotLayout.PlanPath(root, name), plan);
        Media.MediaFolder.RemoveUnreferenced(directory, snapshot.Items);
    }

    /// <summary>Writes an item's <c>media</c> array (kind, type, path, sha256, bytes per file), only when it has media.</summary>
    private static void WriteMedia(Utf8JsonWriter writer, IReadOnlyList<Media.MediaReference> media)
    {
        if (media.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("media");
        foreach (var file in media)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", file.Kind == Media.MediaKind.Image ? "image" : "audio");
            writer.WriteString("type", file.MediaType);
            writer.WriteString("path", file.Path);
            writer.WriteString("sha256", file.Sha256);
            writer.WriteNumber("bytes", file.Length);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteItem(Utf8JsonWriter writer, BenchmarkItem item)
    {
        writer.WriteStartObject();
        writer.WriteString("id", item.Id);
        writer.WriteString("subtask", item.Subtask);
        writer.WriteString("difficulty", SnapshotNames.Difficulty(item.Difficulty));
        WriteText(writer, "prompt", item.Prompt);
        if (item.Context is not null)
        {
            WriteText(writer, "context", item.Context);
        }

        WriteStringsIfAny(writer, "choices", item.Choices);
        WriteMedia(writer, item.Media);

        writer.WriteStartObject("answer");
        writer.WriteString("type", SnapshotNames.AnswerType(item.Answer.Type));
        writer.WriteString("value", item.Answer.Value);
        if (item.Answer.Tolerance != 0)
        {
            writer.WriteNumber("tolerance", item.Answer.Tolerance);
        }

        writer.WriteEndObject();
        var curation = item.Curation;
        if (curation.Excluded)
        {
            writer.WriteBoolean("excluded", true);
            if (!string.IsNullOrWhiteSpace(curation.Reason))
            {
                writer.WriteString("reason", curation.Reason);
            }
        }

        if (curation.Edited)
        {
            writer.WriteBoolean("edited", true);
        }

        var p = item.Provenance;
        writer.WriteStartObject("provenance");
        writer.WriteString("source", p.Source.ToString());
        writer.WriteString("seed", p.Seed);
        writer.WriteNumber("index", p.Index);
        writer.WriteNumber("attempt", p.Attempt);
        writer.WriteNumber("generation", curation.Generation);
        WriteStringsIfAny(writer, "transformations", p.Transformations);

        if (p.RecordHash is not null)
        {
            writer.WriteString("recordHash", p.RecordHash);
        }

        writer.WriteString("checks", string.Join(",", p.Checks));
        writer.WriteString("contentHash", ItemContent.GeneratedHash(item));
        writer.WriteEndObject();
        if (item.Quality is { } quality)
        {
            writer.WriteStartObject("quality");
            foreach (var rating in quality.Ratings)
            {
                writer.WriteStartObject(rating.Criterion);
                writer.WriteNumber("score", rating.Score);
                writer.WriteString("reason", rating.Reason);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// The summary of the rated items of one subtask (<c>itemQuality</c>: how many are rated, and per criterion the mean
    /// and lowest score); nothing when no item of the subtask is rated, so snapshots without ratings keep their bytes.
    /// </summary>
    private static void WriteItemQuality(Utf8JsonWriter writer, IReadOnlyList<BenchmarkItem> items)
    {
        var rated = items.Where(i => i.Quality is not null).Select(i => i.Quality!).ToList();
        if (rated.Count == 0)
        {
            return;
        }

        writer.WriteStartObject("itemQuality");
        writer.WriteNumber("rated", rated.Count);
        foreach (string criterion in rated.SelectMany(q => q.Ratings).Select(r => r.Criterion).Distinct(StringComparer.Ordinal))
        {
            var scores = rated.SelectMany(q => q.Ratings).Where(r => r.Criterion == criterion).Select(r => r.Score).ToList();
            writer.WriteStartObject(criterion);
            writer.WriteNumber("mean", Math.Round(scores.Average(), 4));
            writer.WriteNumber("min", scores.Min());
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>Single-line text is a JSON string; multi-line text is an array of its lines.</summary>
    private static void WriteText(Utf8JsonWriter writer, string property, string text)
    {
        string normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!normalized.Contains('\n'))
        {
            writer.WriteString(property, normalized);
            return;
        }

        writer.WriteStartArray(property);
        foreach (string line in normalized.Split('\n'))
        {
            writer.WriteStringValue(line);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes <paramref name="values"/> as a string array named <paramref name="property"/>.</summary>
    private static void WriteStrings(Utf8JsonWriter writer, string property, IEnumerable<string> values)
    {
        writer.WriteStartArray(property);
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes <paramref name="values"/> as a string array only when there is one, so files without it keep their bytes.</summary>
    private static void WriteStringsIfAny(Utf8JsonWriter writer, string property, IReadOnlyCollection<string> values)
    {
        if (values.Count > 0)
        {
            WriteStrings(writer, property, values);
        }
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            body(writer);
        }

        stream.Write("\n"u8);
        return stream.ToArray();
    }
}
