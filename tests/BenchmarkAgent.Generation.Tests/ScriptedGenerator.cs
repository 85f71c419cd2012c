using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkAgent.Items;
using BenchmarkAgent.Tests.Shared;

namespace BenchmarkAgent.Generation.Tests;

/// <summary>One generator call as the script sees it: the stage, the stage input, the attempt, the arrival order.</summary>
internal sealed record ScriptedCall(string Stage, JsonElement Input, int Attempt, int Sequence);

/// <summary>
/// A generator model scripted stage by stage, for the <see cref="OpenAiWireServer"/>. It answers every stage generically
/// from the stage input (never from the query's meaning), so any query builds; <see cref="Override"/> injects faults
/// (refusals, malformed or fenced JSON, rejecting inspections, low ratings) for one call.
/// </summary>
internal sealed class ScriptedGenerator
{
    private static readonly string[] AnswerTypes = ["text", "choice", "number", "freetext"];

    /// <summary>Returns another reply for a call, or null for the generic one.</summary>
    public Func<ScriptedCall, string?>? Override { get; init; }

    /// <summary>Whether the grounding agent accepts a candidate card (default: none, so the model writes every sample).</summary>
    public Func<string, bool> AcceptCard { get; init; } = _ => false;

    /// <summary>Wrap every generic reply in a fenced block with prose around it, as endpoints that ignore the schema do.</summary>
    public bool Fenced { get; init; }

    /// <summary>Calls seen, by stage (the script's view; the server's <c>Requests</c> counts HTTP attempts).</summary>
    public IReadOnlyList<ScriptedCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    private readonly List<ScriptedCall> _calls = [];

    /// <summary>The stage of a request (the first line of its system prompt is <c>Stage: name</c>).</summary>
    public static string StageOf(ChatRequestInfo request) =>
        request.SystemText?.Split('\n')[0].Replace("Stage:", string.Empty, StringComparison.Ordinal).Trim() ?? string.Empty;

    /// <summary>Reads the call out of a request.</summary>
    public static ScriptedCall CallOf(ChatRequestInfo request)
    {
        using var document = JsonDocument.Parse(request.LastUserText);
        var root = document.RootElement;
        int attempt = root.TryGetProperty("attempt", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetInt32() : 1;
        return new ScriptedCall(StageOf(request), root.GetProperty("input").Clone(), attempt, request.Sequence);
    }

    /// <summary>The responder for <see cref="OpenAiWireServer.Start"/>.</summary>
    public string Respond(ChatRequestInfo request)
    {
        var call = CallOf(request);
        lock (_calls)
        {
            _calls.Add(call);
        }

        if (Override?.Invoke(call) is { } custom)
        {
            return custom;
        }

        string json = Generic(call).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        return Fenced ? $"Sure! Here is the {call.Stage} result:\n\n```json\n{json}\n```\n\nLet me know if you need more." : json;
    }

    private JsonNode Generic(ScriptedCall call)
    {
        var input = call.Input;
        switch (call.Stage)
        {
            case "scope":
            {
                string query = input.GetProperty("query").GetString()!;
                var words = Words(query);
                return new JsonObject
                {
                    ["topic"] = string.Join(' ', words.Take(4)),
                    ["modalities"] = new JsonArray("text"),
                    ["keywords"] = new JsonArray([.. words.Take(6).Select(w => (JsonNode)w)]),
                };
            }

            case "design":
            {
                string query = input.GetProperty("query").GetString()!;
                var words = Words(query);
                int h = Math.Abs(query.Length * 31 + words.Count);
                bool revising = input.TryGetProperty("feedback", out _);
                return new JsonObject
                {
                    ["subtasks"] = new JsonArray(
                        Subtask($"core {words[0]}", "question and context", ["question", "context"], AnswerTypes[h % 4], 0.7, revising),
                        Subtask($"{(words.Count > 1 ? words[1] : "extra")} variation", "question only", ["question"], AnswerTypes[(h + 1) % 4], 0.3, revising)),
                };
            }

            case "grounding":
            {
                var assessments = new JsonArray();
                foreach (var candidate in input.GetProperty("candidates").EnumerateArray())
                {
                    string id = candidate.GetProperty("id").GetString()!;
                    bool accept = AcceptCard(id);
                    var operations = new JsonArray([.. candidate.GetProperty("operations").EnumerateArray().Select(o => (JsonNode)o.GetString()!)]);
                    assessments.Add(new JsonObject
                    {
                        ["card"] = id,
                        ["operations"] = operations,
                        ["alignment"] = accept ? 0.9 : 0.2,
                        ["coverage"] = 0.8,
                        ["simplicity"] = 0.8,
                        ["risk"] = 0.1,
                        ["rationale"] = accept ? "the card tests the capability directly" : "the card only shares words with the subtask",
                    });
                }

                return new JsonObject { ["assessments"] = assessments };
            }

            case "allocation":
                return new JsonObject
                {
                    ["subtasks"] = new JsonArray([.. input.GetProperty("subtasks").EnumerateArray().Select((s, i) => (JsonNode)new JsonObject
                    {
                        ["name"] = s.GetProperty("name").GetString(),
                        ["importance"] = i == 0 ? 0.6 : 0.4,
                        ["rationale"] = "the first subtask is the core of the query",
                    })]),
                };
            case "brief":
            {
                string seed = input.GetProperty("seed").GetString()!;
                return new JsonObject
                {
                    ["facts"] = new JsonArray($"case {seed} has its own code"),
                    ["hops"] = new JsonArray("find the case in the inputs", "read its code"),
                    ["guards"] = new JsonArray("do not put the code in the question"),
                };
            }

            case "draft":
                return Draft(input.GetProperty("sample"));
            case "inspect":
                return new JsonObject
                {
                    ["verdicts"] = new JsonArray([.. new[] { "subtask-alignment", "answerability", "semantic-correctness", "answer-type", "ambiguity", "leakage", "missing-media", "schema-recoverability", "redundant-fields" }
                        .Select(c => (JsonNode)new JsonObject { ["category"] = c, ["passed"] = true, ["issue"] = string.Empty, ["fix"] = string.Empty })]),
                };
            case "rate":
                return Ratings(4);
            default:
                throw new InvalidOperationException($"Unknown stage '{call.Stage}'.");
        }
    }

    /// <summary>A rating reply with every criterion at <paramref name="score"/>.</summary>
    public static JsonObject Ratings(int score) => new()
    {
        ["ratings"] = new JsonArray([.. ItemQuality.Criteria.Select(c => (JsonNode)new JsonObject { ["criterion"] = c, ["score"] = score, ["reason"] = $"scripted {score}" })]),
    };

    /// <summary>An inspection reply that fails <paramref name="category"/> with <paramref name="fix"/> (empty: not a packaging problem).</summary>
    public static string FailingInspection(string category, string fix = "") =>
        new JsonObject
        {
            ["verdicts"] = new JsonArray(new JsonObject { ["category"] = category, ["passed"] = false, ["issue"] = "scripted problem", ["fix"] = fix }),
        }.ToJsonString();

    private static JsonObject Draft(JsonElement sample)
    {
        string seed = sample.GetProperty("seed").GetString()!;
        var subtask = sample.GetProperty("subtask");
        string type = subtask.GetProperty("answerType").GetString()!;
        bool context = subtask.GetProperty("inputs").EnumerateArray().Any(i => i.GetString() == "context");
        string code = "K" + seed[..8].ToUpperInvariant();
        string answer = type switch
        {
            "number" => (Convert.ToUInt64(seed[..6], 16) % 997).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "choice" => "B",
            "freetext" => $"Case {seed} carries the code {code}, as the registry note states.",
            "pattern" => $"(?i)\\b{code}\\b",
            _ => code,
        };
        return new JsonObject
        {
            ["question"] = $"For case {seed} of the {subtask.GetProperty("name").GetString()} scenario, which code does the registry assign?",
            ["context"] = context ? $"Registry note: case {seed} carries the code {code}; case 0 carries an unrelated code." : string.Empty,
            ["choices"] = type == "choice" ? new JsonArray("Q" + seed[2..9], code, "Z" + seed[4..11]) : new JsonArray(),
            ["answer"] = answer,
            ["rationale"] = "the registry note names the code",
        };
    }

    private static JsonObject Subtask(string name, string shape, string[] inputs, string type, double importance, bool revising) => new()
    {
        ["name"] = name,
        ["description"] = $"Items with a {shape} that need the targeted skill ({name}).",
        ["skill"] = name.Split(' ')[^1],
        ["capability"] = $"the core capability behind {name}",
        ["inputs"] = new JsonArray([.. inputs.Select(i => (JsonNode)i)]),
        ["answerType"] = type,
        ["importance"] = importance,
        ["action"] = revising ? "revise" : "keep",
        ["rationale"] = revising ? "revised after the grounding feedback" : "it isolates the capability the query names",
    };

    private static List<string> Words(string query)
    {
        var words = query.ToLowerInvariant()
            .Split([' ', ',', '.', ';', ':', '(', ')', '"', '\'', '-', '/', '?', '!'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 3 && w.All(char.IsLetter))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return words.Count == 0 ? ["general"] : words;
    }
}
