using BenchmarkAgent.Grounding;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Core.Tests.Grounding;

public sealed class DatasetCardFileTests
{
    private const string Records =
        "{\"body\": \"Which gas do plants take in?\", \"opt_a\": \"oxygen\", \"opt_b\": \"carbon dioxide\", \"key\": \"B\"}\n" +
        "{\"body\": \"Which planet is red?\", \"opt_a\": \"Mars\", \"opt_b\": \"Venus\", \"key\": \"A\"}\n";

    [Fact]
    public void Without_a_card_unusual_field_names_are_not_read()
    {
        using var folder = new TempFolder();
        string path = folder.Write("quiz.jsonl", Records);

        var error = Assert.Throws<DatasetFormatException>(() => DatasetReader.Read(path));

        Assert.Contains("card whose roles name it", error.Detail);
    }

    [Fact]
    public void A_card_file_next_to_the_dataset_names_its_roles_and_overrides_the_card()
    {
        using var folder = new TempFolder();
        string path = folder.Write("quiz.jsonl", Records);
        folder.Write("quiz.jsonl.card.json", """
            { "name": "science-quiz", "tasks": ["science questions"], "keywords": ["science"],
              "roles": { "question": "body", "options": "opt_a, opt_b", "answer": "key" } }
            """);

        var dataset = DatasetReader.Read(path);

        Assert.Equal("science-quiz", dataset.Card.Name);
        Assert.Equal(DatasetCard.FileOrigin, dataset.Card.Origin);
        Assert.Equal(["science questions"], dataset.Card.Tasks);
        Assert.Equal(AnswerType.Choice, dataset.Card.AnswerType);
        Assert.Equal("opt_a, opt_b", dataset.Card.Roles[DatasetRole.Options]);
        Assert.Equal("B", dataset.Records[0].Output);
        Assert.Equal("oxygen\ncarbon dioxide", dataset.Records[0].Fields[DatasetRecord.ChoicesField]);
    }

    [Fact]
    public void The_card_file_is_part_of_the_fingerprint()
    {
        using var folder = new TempFolder();
        string path = folder.Write("quiz.jsonl", Records);
        var request = new BenchmarkRequest("q", "science", 2) { Datasets = [path] };
        string without = InputFingerprint.Compute(request);
        folder.Write("quiz.jsonl.card.json", "{ \"name\": \"a\" }");
        string with = InputFingerprint.Compute(request);
        folder.Write("quiz.jsonl.card.json", "{ \"name\": \"b\" }");

        Assert.NotEqual(without, with);
        Assert.NotEqual(with, InputFingerprint.Compute(request));
    }

    [Theory]
    [InlineData("[1, 2]", "JSON object")]
    [InlineData("{ \"roles\": { \"questionn\": \"body\" } }", "role 'questionn' is unknown")]
    [InlineData("{ \"answer_type\": \"Pattern\" }", "answer_type 'Pattern' is unknown")]
    [InlineData("{ \"name\": ", "not valid JSON")]
    public void A_malformed_card_is_BA0417(string card, string reason)
    {
        using var folder = new TempFolder();
        string path = folder.Write("quiz.jsonl", Records);
        folder.Write("quiz.jsonl.card.json", card);

        var error = Assert.Throws<DatasetFormatException>(() => DatasetReader.Read(path));

        Assert.Equal("BA0417", error.Code);
        Assert.Contains(reason, error.Detail);
        Assert.EndsWith(DatasetCardFile.Suffix, error.File);
    }

    [Fact]
    public void A_serialized_card_reads_back_as_an_override_with_the_same_roles()
    {
        using var folder = new TempFolder();
        string path = folder.Write("quiz.jsonl", Records);
        folder.Write("quiz.jsonl.card.json", "{ \"roles\": { \"question\": \"body\", \"options\": \"opt_a, opt_b\", \"answer\": \"key\" } }");
        var first = DatasetReader.Read(path);
        File.WriteAllBytes(DatasetCardFile.PathFor(path), DatasetCardFile.Serialize(first.Card));

        var second = DatasetReader.Read(path);

        Assert.Equal(first.Card.Roles, second.Card.Roles);
        Assert.Equal(first.Card.Name, second.Card.Name);
        Assert.Equal(first.Card.Keywords, second.Card.Keywords);
        Assert.Equal(first.Records, second.Records, (a, b) => a.Input == b.Input && a.Output == b.Output);
    }
}
