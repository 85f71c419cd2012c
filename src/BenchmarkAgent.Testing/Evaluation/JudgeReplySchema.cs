using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>
/// The JSON schema of the judge's reply for a set of rubric metrics: one required property per metric key, each an
/// object with an integer <c>score</c> and a string <c>reason</c>, nothing else. Sent as the judge's
/// <c>response_format</c> so an endpoint that supports structured outputs returns exactly that shape; the reply is still
/// parsed and checked as untrusted text (<see cref="JudgeReplyParser"/>), since not every endpoint honours a schema.
/// </summary>
internal static class JudgeReplySchema
{
    /// <summary>The schema's name on the wire.</summary>
    public const string Name = "benchagent_rubric";

    /// <summary>Builds the response format for <paramref name="metrics"/>.</summary>
    /// <param name="metrics">The metrics the judge is asked for, in order.</param>
    /// <returns>A JSON-schema response format.</returns>
    public static ChatResponseFormat For(IReadOnlyList<RubricMetric> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var properties = new JsonObject();
        foreach (var metric in metrics)
        {
            properties[metric.Key] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["score"] = new JsonObject { ["type"] = "integer", ["description"] = "1 (worst) to 5 (best)" },
                    ["reason"] = new JsonObject { ["type"] = "string", ["description"] = "one sentence" },
                },
                ["required"] = new JsonArray("score", "reason"),
                ["additionalProperties"] = false,
            };
        }

        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray(metrics.Select(m => (JsonNode?)JsonValue.Create(m.Key)).ToArray()),
            ["additionalProperties"] = false,
        };
        using var document = JsonDocument.Parse(schema.ToJsonString());
        return ChatResponseFormat.ForJsonSchema(document.RootElement.Clone(), Name, "Scores from 1 to 5 with a one-sentence reason, one entry per rubric metric.");
    }
}
