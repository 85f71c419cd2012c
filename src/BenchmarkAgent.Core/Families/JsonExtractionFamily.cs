using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// A JSON record embedded in prose and a question asking for the value at a field or path. Easy records are
/// flat; harder ones nest objects and arrays and repeat key names at several levels as decoys.
/// </summary>
internal sealed partial class JsonExtractionFamily : ITaskFamily
{
    private static readonly string[] CodeKeys = ["id", "code", "sku", "ref"];
    private static readonly string[] NameKeys = ["name", "contact", "owner"];
    private static readonly string[] ObjectKeys = ["customer", "shipping", "billing", "address", "warehouse", "details", "meta"];
    private static readonly string[] ArrayKeys = ["items", "lines", "contacts"];
    private static readonly string[] Statuses = ["open", "closed", "pending", "shipped", "returned", "on hold", "cancelled"];
    private static readonly string[] Colors = ["red", "teal", "amber", "violet", "olive", "navy", "coral", "ivory"];

    private static readonly string[] Lead =
    [
        "A warehouse system exported the following record while processing a return:",
        "The support team pasted this record into the ticket:",
        "While debugging the checkout service, an engineer found this payload in the logs:",
        "The nightly export contains the following entry:",
    ];

    private static readonly string[] Tail =
    [
        "Nobody has edited it since it was written.",
        "The record was copied verbatim.",
        "Other records in the export look similar.",
    ];

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "json-extraction",
        "JSON field extraction",
        "A JSON record embedded in prose, flat at Easy and nested with arrays and repeated key names at higher difficulty; the model reports the value at a named field or path.",
        "extraction",
        ["json", "extraction", "structured data", "field lookup", "nested objects", "arrays", "parsing", "information extraction", "key-value", "path"],
        AnswerType.ShortText);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        var used = new HashSet<string>(StringComparer.Ordinal);
        int depth = difficulty switch { Difficulty.Easy => 1, Difficulty.Medium => 2, _ => 3 };
        var root = BuildObject(rng, used, depth, difficulty == Difficulty.Easy ? rng.Between(4, 5) : rng.Between(3, 4), difficulty == Difficulty.Hard);

        var leaves = new List<(string Path, int Depth, bool HasIndex, string Key, string Value)>();
        CollectLeaves(root, string.Empty, 0, false, leaves);
        var keyCounts = leaves.GroupBy(l => l.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var candidates = leaves.Where(l => l.Depth == depth).ToList();
        if (difficulty == Difficulty.Hard && candidates.Exists(l => l.HasIndex) && rng.Chance(0.7))
        {
            candidates = candidates.FindAll(l => l.HasIndex);
        }

        if (difficulty != Difficulty.Easy && candidates.Exists(l => keyCounts[l.Key] > 1))
        {
            candidates = candidates.FindAll(l => keyCounts[l.Key] > 1);
        }

        var target = rng.Pick(candidates);
        var builder = new StringBuilder(rng.Pick(Lead)).Append('\n').Append('\n');
        Render(root, builder, difficulty == Difficulty.Easy ? null : 0);
        builder.Append("\n\n").Append(rng.Pick(Tail)).Append(' ');
        if (difficulty == Difficulty.Easy)
        {
            builder.Append(rng.Chance(0.5) ? $"What is the value of the \"{target.Key}\" field?" : $"Which value does the record store in its \"{target.Key}\" field?");
        }
        else
        {
            builder.Append(rng.Chance(0.5) ? $"What is the value at the path {target.Path}?" : $"Extract the value stored at the path {target.Path}.");
            if (target.Path.Contains('[', StringComparison.Ordinal))
            {
                builder.Append(" Array indices start at 0.");
            }
        }

        builder.Append(" Answer with the value only, without quotes.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Text(target.Value));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        int start = sample.Prompt.IndexOf('{', StringComparison.Ordinal);
        int end = sample.Prompt.LastIndexOf('}');
        if (start < 0 || end < start)
        {
            return CheckResult.Fail("no JSON record found");
        }

        string path;
        if (FieldQuestion().Match(sample.Prompt) is { Success: true } field)
        {
            path = field.Groups["key"].Value;
        }
        else if (PathQuestion().Match(sample.Prompt) is { Success: true } p)
        {
            path = p.Groups["path"].Value;
        }
        else
        {
            return CheckResult.Fail("question not recognised");
        }

        try
        {
            using var document = JsonDocument.Parse(sample.Prompt[start..(end + 1)]);
            var element = document.RootElement;
            foreach (string segment in path.Split('.'))
            {
                var m = Segment().Match(segment);
                if (!m.Success || element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(m.Groups["key"].Value, out element))
                {
                    return CheckResult.Fail($"path segment '{segment}' not found");
                }

                foreach (Capture index in m.Groups["i"].Captures)
                {
                    int i = PromptText.ParseInt(index.Value);
                    if (element.ValueKind != JsonValueKind.Array || i >= element.GetArrayLength())
                    {
                        return CheckResult.Fail($"index {i} out of range in '{segment}'");
                    }

                    element = element[i];
                }
            }

            string? value = element.ValueKind switch
            {
                JsonValueKind.String => element.GetString(),
                JsonValueKind.Number => element.GetRawText(),
                _ => null,
            };
            if (value is null)
            {
                return CheckResult.Fail("the path does not end at a scalar");
            }

            return PromptText.CheckText(sample, value);
        }
        catch (JsonException e)
        {
            return CheckResult.Fail($"invalid JSON: {e.Message}");
        }
    }

    private abstract record Node;

    private sealed record Leaf(string Json, string Value) : Node;

    private sealed record ObjectNode(List<(string Key, Node Value)> Members) : Node;

    private sealed record ArrayNode(List<Node> Items) : Node;

    private static ObjectNode BuildObject(DeterministicRandom rng, HashSet<string> used, int depth, int width, bool arrays)
    {
        var members = new List<(string Key, Node Value)>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        int containers = depth > 1 ? Math.Min(width - 1, 2) : 0;
        for (int i = 0; i < width; i++)
        {
            if (i >= width - containers)
            {
                if (arrays && i == width - 1 && depth == 3)
                {
                    string arrayKey = rng.Pick(ArrayKeys);
                    int count = rng.Between(2, 3);
                    var items = new List<Node>();
                    for (int k = 0; k < count; k++)
                    {
                        items.Add(BuildObject(rng, used, depth - 1, 2, arrays: false));
                    }

                    members.Add((arrayKey, new ArrayNode(items)));
                    continue;
                }

                string objectKey;
                do
                {
                    objectKey = rng.Pick(ObjectKeys);
                }
                while (!keys.Add(objectKey));
                members.Add((objectKey, BuildObject(rng, used, depth - 1, rng.Between(2, 3), arrays)));
                continue;
            }

            (string Key, Leaf Leaf) made;
            do
            {
                made = MakeLeaf(rng, used);
            }
            while (!keys.Add(made.Key));
            members.Add((made.Key, made.Leaf));
        }

        return new ObjectNode(members);
    }

    private static (string Key, Leaf Leaf) MakeLeaf(DeterministicRandom rng, HashSet<string> used)
    {
        while (true)
        {
            int kind = rng.Next(6);
            (string key, string value, bool number) = kind switch
            {
                0 => (rng.Pick(CodeKeys), $"{(char)('A' + rng.Next(26))}{(char)('A' + rng.Next(26))}-{rng.Between(1000, 9999)}", false),
                1 => (rng.Pick(NameKeys), rng.Pick(Lexicon.Names), false),
                2 => ("city", rng.Pick(Lexicon.Cities), false),
                3 => ("status", rng.Pick(Statuses), false),
                4 => ("color", rng.Pick(Colors), false),
                _ => (rng.Pick(new[] { "qty", "floor", "count" }), PromptText.Num(rng.Between(1, 400)), true),
            };
            if (used.Add(value))
            {
                return (key, new Leaf(number ? value : $"\"{value}\"", value));
            }
        }
    }

    private static void CollectLeaves(Node node, string path, int depth, bool hasIndex, List<(string, int, bool, string, string)> leaves)
    {
        switch (node)
        {
            case ObjectNode obj:
                foreach (var (key, value) in obj.Members)
                {
                    string child = path.Length == 0 ? key : $"{path}.{key}";
                    if (value is Leaf leaf)
                    {
                        leaves.Add((child, depth + 1, hasIndex, key, leaf.Value));
                    }
                    else if (value is ArrayNode array)
                    {
                        for (int i = 0; i < array.Items.Count; i++)
                        {
                            CollectLeaves(array.Items[i], $"{child}[{i}]", depth + 1, true, leaves);
                        }
                    }
                    else
                    {
                        CollectLeaves(value, child, depth + 1, hasIndex, leaves);
                    }
                }

                break;
        }
    }

    // indent == null renders on one line; otherwise pretty-prints with two spaces per level.
    private static void Render(Node node, StringBuilder builder, int? indent)
    {
        string Pad(int level) => indent is null ? string.Empty : "\n" + new string(' ', 2 * level);
        switch (node)
        {
            case Leaf leaf:
                builder.Append(leaf.Json);
                break;
            case ObjectNode obj:
                builder.Append('{');
                for (int i = 0; i < obj.Members.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ",").Append(indent is null && i > 0 ? " " : string.Empty).Append(Pad((indent ?? 0) + 1));
                    builder.Append('"').Append(obj.Members[i].Key).Append("\": ");
                    Render(obj.Members[i].Value, builder, indent + 1);
                }

                builder.Append(Pad(indent ?? 0)).Append('}');
                break;
            case ArrayNode array:
                builder.Append('[');
                for (int i = 0; i < array.Items.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ",").Append(indent is null && i > 0 ? " " : string.Empty).Append(Pad((indent ?? 0) + 1));
                    Render(array.Items[i], builder, indent + 1);
                }

                builder.Append(Pad(indent ?? 0)).Append(']');
                break;
        }
    }

    [GeneratedRegex(@"(?:What is the value of the|Which value does the record store in its) ""(?<key>\w+)"" field\? Answer with the value only, without quotes\.$")]
    private static partial Regex FieldQuestion();

    [GeneratedRegex(@"(?:What is the value at|Extract the value stored at) the path (?<path>[\w.\[\]]+?)[?.](?: Array indices start at 0\.)? Answer with the value only, without quotes\.$")]
    private static partial Regex PathQuestion();

    [GeneratedRegex(@"^(?<key>\w+)(?:\[(?<i>\d+)\])*$")]
    private static partial Regex Segment();
}
