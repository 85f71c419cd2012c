using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkAgent.Grounding;
using BenchmarkAgent.Transformations;
using BenchmarkAgent.Verification;

namespace BenchmarkAgent.Core.Tests.Grounding.Pools;

/// <summary>
/// Property tests over many generated records of each shape (a seeded generator loop): the card maps the right fields
/// to roles, and every item realised from a record carries the record's answer (or the transformation's recomputed one).
/// </summary>
public sealed class RecordShapePropertyTests
{
    private const int DatasetsPerShape = 12;
    private const int RecordsPerDataset = 20;

    /// <summary>One generated record: its JSON, the correct option text (multiple choice) or the expected answer.</summary>
    private sealed record Generated(string Json, string? CorrectOption, string Answer);

    /// <summary>A record shape: the roles its card must have and a generator of records.</summary>
    private sealed record Shape(string Name, IReadOnlyDictionary<string, string> Roles, Func<DeterministicRandom, int, Generated> Make);

    /// <summary>Words as JSON string content (already escaped): quotes, escapes, accents, CJK, emoji, commas and numbers.</summary>
    private static readonly string[] Words = ["river", "Zoë", "ångström", "naïve", "stone", "\\\"quoted\\\"", "line\\nbreak", "tab\\tcell", "雪", "comma, here", "emoji 🙂", "7 apples"];

    private static string Text(DeterministicRandom rng, int words) =>
        string.Join(" ", Enumerable.Range(0, words).Select(_ => Words[rng.Next(Words.Length)]));

    private static string Json(string text) => JsonSerializer.Serialize(JsonDocument.Parse($"\"{text}\"").RootElement.GetString());

    private static string Unescaped(string text) => JsonDocument.Parse($"\"{text}\"").RootElement.GetString()!;

    private static List<string> DistinctOptions(DeterministicRandom rng, int count, int i) =>
        Enumerable.Range(0, count).Select(k => $"{Text(rng, 2)} {i}-{k}").ToList();

    private static readonly Shape[] Shapes =
    [
        new("options list -> letter", new Dictionary<string, string> { ["question"] = "question", ["options"] = "options", ["answer"] = "answer" }, (rng, i) =>
        {
            var options = DistinctOptions(rng, rng.Between(2, 6), i);
            int correct = rng.Next(options.Count);
            return new($"{{\"meta\": {i}, \"answer\": \"{(char)('A' + correct)}\", \"options\": [{string.Join(", ", options.Select(o => $"\"{o}\""))}], \"question\": \"{Text(rng, 6)} {i}?\"}}", Unescaped(options[correct]), string.Empty);
        }),
        new("labelled choices object -> answerKey", new Dictionary<string, string> { ["question"] = "question.stem", ["options"] = "question.choices", ["answer"] = "answerKey" }, (rng, i) =>
        {
            var options = DistinctOptions(rng, rng.Between(3, 5), i);
            bool digits = rng.Next(2) == 0;
            int correct = rng.Next(options.Count);
            string Label(int k) => digits ? (k + 1).ToString(CultureInfo.InvariantCulture) : ((char)('A' + k)).ToString();
            string choices = string.Join(",", options.Select((o, k) => $"{{\"text\":\"{o}\",\"label\":\"{Label(k)}\"}}"));
            return new($"{{\"id\":\"r{i}\",\"question\":{{\"stem\":\"{Text(rng, 5)} {i}?\",\"choices\":[{choices}]}},\"answerKey\":\"{Label(correct)}\"}}", Unescaped(options[correct]), string.Empty);
        }),
        new("numbered options -> 1-based string", new Dictionary<string, string> { ["question"] = "sentence", ["options"] = "option1, option2", ["answer"] = "answer" }, (rng, i) =>
        {
            var options = DistinctOptions(rng, 2, i);
            int correct = rng.Next(2);
            return new($"{{\"sentence\": \"{Text(rng, 5)} _ {i}.\", \"option1\": \"{options[0]}\", \"option2\": \"{options[1]}\", \"answer\": \"{correct + 1}\"}}", Unescaped(options[correct]), string.Empty);
        }),
        new("endings + integer label (0-based)", new Dictionary<string, string> { ["question"] = "ctx", ["options"] = "endings", ["answer"] = "label" }, (rng, i) =>
        {
            var options = DistinctOptions(rng, 4, i);
            int correct = rng.Next(4);
            return new($"{{\"ctx\": \"{Text(rng, 7)} {i}\", \"endings\": [{string.Join(", ", options.Select(o => $"\"{o}\""))}], \"label\": {correct}, \"split\": \"val\"}}", Unescaped(options[correct]), string.Empty);
        }),
        new("nested input/output with lettered options and text", new Dictionary<string, string> { ["question"] = "input.question", ["context"] = "input.text", ["options"] = "input.options", ["answer"] = "output.answer" }, (rng, i) =>
        {
            var options = DistinctOptions(rng, rng.Between(2, 5), i);
            int correct = rng.Next(options.Count);
            string lettered = string.Join(", ", options.Select((o, k) => $"\"{(char)('A' + k)}\": \"{o}\""));
            return new($"{{\"input\": {{\"text\": \"{Text(rng, 8)}\", \"question\": \"{Text(rng, 4)} {i}?\", \"options\": {{{lettered}}}}}, \"output\": {{\"answer\": \"{(char)('A' + correct)}\"}}}}", Unescaped(options[correct]), string.Empty);
        }),
        new("question + context -> short answer", new Dictionary<string, string> { ["question"] = "question", ["context"] = "context", ["answer"] = "answer" }, (rng, i) =>
        {
            string answer = $"{Text(rng, 2)} {i}";
            return new($"{{\"context\": \"{Text(rng, 9)}\", \"question\": \"{Text(rng, 5)} {i}?\", \"answer\": \"{answer}\"}}", null, Unescaped(answer));
        }),
        new("raw_text + prompt -> category", new Dictionary<string, string> { ["question"] = "prompt", ["context"] = "raw_text", ["answer"] = "category", ["category"] = "category" }, (rng, i) =>
        {
            string category = new[] { "sports", "politics", "science" }[rng.Next(3)];
            return new($"{{\"raw_text\": \"{Text(rng, 9)} {i}\", \"prompt\": \"Which section?\", \"category\": \"{category}\"}}", null, category);
        }),
        new("question -> number", new Dictionary<string, string> { ["question"] = "problem", ["answer"] = "target" }, (rng, i) =>
        {
            int value = rng.Between(1, 5000);
            return new($"{{\"problem\": \"{Text(rng, 6)}: how many in set {i}?\", \"target\": {value}}}", null, value.ToString(CultureInfo.InvariantCulture));
        }),
        new("question + passage -> boolean", new Dictionary<string, string> { ["question"] = "question", ["context"] = "passage", ["answer"] = "label" }, (rng, i) =>
        {
            bool value = rng.Next(2) == 0;
            string label = rng.Next(2) == 0 ? (value ? "true" : "false") : (value ? "\"true\"" : "\"false\"");
            return new($"{{\"question\": \"is {Text(rng, 4)} {i}\", \"passage\": \"{Text(rng, 9)}\", \"idx\": {i}, \"label\": {label}}}", null, value ? "yes" : "no");
        }),
        new("dialog -> response", new Dictionary<string, string> { ["dialog"] = "dialog", ["answer"] = "output.response" }, (rng, i) =>
        {
            string response = $"{Text(rng, 3)} {i}";
            return new($"{{\"dialog\": [{{\"speaker\": \"a\", \"text\": \"{Text(rng, 4)}\"}}, {{\"speaker\": \"b\", \"text\": \"{Text(rng, 4)} {i}\"}}], \"output\": {{\"response\": \"{response}\"}}}}", null, Unescaped(response));
        }),
    ];

    public static TheoryData<string> ShapeNames => new(Shapes.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void Cards_map_roles_and_realised_items_carry_the_records_answer(string shapeName)
    {
        var shape = Shapes.Single(s => s.Name == shapeName);
        using var folder = new TempFolder();
        int realisedItems = 0;
        for (int d = 0; d < DatasetsPerShape; d++)
        {
            var rng = new DeterministicRandom(StableHash.Seed("shape", shapeName, d));
            var generated = Enumerable.Range(0, RecordsPerDataset).Select(i => shape.Make(rng, i)).ToList();
            string path = folder.Write($"shape-{d}.jsonl", string.Join("\n", generated.Select(g => g.Json)) + "\n");

            var dataset = DatasetReader.Read(path);

            foreach (var (role, field) in shape.Roles)
            {
                Assert.True(dataset.Card.Roles.TryGetValue(role, out string? actual), $"{shapeName}: no {role} role in {string.Join(", ", dataset.Card.Roles)}");
                Assert.Equal(field, actual);
            }

            for (int i = 0; i < generated.Count; i++)
            {
                var record = dataset.Records[i];
                var expected = generated[i];
                if (expected.CorrectOption is { } option)
                {
                    var options = record.Fields[DatasetRecord.ChoicesField].Split('\n');
                    Assert.Equal(option.ReplaceLineEndings(" ").Trim(), options[ChoiceOptions.LetterIndex(record.Output)]);
                }
                else
                {
                    Assert.Equal(expected.Answer, AnswerInference.FinalAnswer(record.Output));
                }

                foreach (var chain in DatasetChains.All)
                {
                    var (candidate, sample, _, _) = RecordRealisation.Realise(
                        record, chain, dataset.Card.AnswerType, dataset.Records, new DeterministicRandom(StableHash.Seed(d, i, chain.Name)),
                        Difficulty.Medium, CompositeVerifier.Default, new VerificationContext());
                    if (candidate is null)
                    {
                        continue;
                    }

                    realisedItems++;
                    var answer = sample!.Answer;
                    if (expected.CorrectOption is { } correct)
                    {
                        Assert.Equal(AnswerType.Choice, answer.Type);
                        Assert.Equal(correct.ReplaceLineEndings(" ").Trim(), sample.Choices[answer.Value[0] - 'A']);
                    }
                    else if (chain.Name.Contains("open-to-multiple-choice", StringComparison.Ordinal))
                    {
                        Assert.Equal(AnswerType.Choice, answer.Type);
                        Assert.Contains(sample.Choices[answer.Value[0] - 'A'], new[] { expected.Answer, candidate.Solution ?? expected.Answer });
                    }
                    else if (chain.Name.Contains("numeric-retemplating", StringComparison.Ordinal))
                    {
                        // Recomputed: the checker verifier re-derived it from the re-templated solution.
                        Assert.Equal(AnswerType.Number, answer.Type);
                        Assert.False(string.IsNullOrEmpty(candidate.Solution));
                    }
                    else
                    {
                        Assert.Equal(expected.Answer, answer.Value);
                    }
                }
            }
        }

        Assert.True(realisedItems > 0, $"{shapeName}: no record realised under any chain");
    }
}
