using BenchmarkAgent.Grounding;

namespace BenchmarkAgent.Core.Tests.Grounding.Pools;

public sealed class PoolReadingTests
{
    public static TheoryData<string> PoolFiles => new(PoolData.Files.Select(f => f.File));

    [Theory]
    [MemberData(nameof(PoolFiles))]
    public void Every_pool_file_reads_with_a_card_whose_roles_are_right(string file)
    {
        var expected = PoolData.Files.Single(f => f.File == file);
        var dataset = DatasetReader.Read(Path.Combine(PoolData.Folder(), file));

        Assert.True(dataset.Records.Count >= 150, $"{file}: {dataset.Records.Count} records");
        Assert.Equal(dataset.Records.Count, dataset.Card.Size);
        Assert.Equal(expected.Question, dataset.Card.Roles[DatasetRole.Question]);
        Assert.Equal(expected.Answer, dataset.Card.Roles[DatasetRole.Answer]);
        Assert.Equal(expected.MultipleChoice, dataset.Card.Roles.ContainsKey(DatasetRole.Options));
        Assert.Equal(expected.MultipleChoice ? AnswerType.Choice : AnswerType.ShortText, dataset.Card.AnswerType);
        Assert.DoesNotContain(dataset.Card.Name, new[] { "val", "test", "dev" });
        if (expected.MultipleChoice)
        {
            Assert.Equal("option", dataset.Card.AnswerForm);
            foreach (var record in dataset.Records)
            {
                var options = record.Fields[DatasetRecord.ChoicesField].Split('\n');
                int index = BenchmarkAgent.Transformations.ChoiceOptions.LetterIndex(record.Output);
                Assert.InRange(index, 0, options.Length - 1);
            }
        }
    }

    [Fact]
    public void Arc_maps_its_labelled_choices_and_answer_key()
    {
        var dataset = DatasetReader.Read(Path.Combine(PoolData.Folder(), "arc-challenge/ARC-Challenge-Dev.jsonl"));
        var first = dataset.Records[0];

        Assert.Equal("Mercury_SC_407695", first.Id);
        Assert.StartsWith("Juan and LaKeisha roll a few objects down a ramp.", first.Input);
        Assert.Equal("Put the objects in groups.\nChange the height of the ramp.\nChoose different objects to roll.\nRecord the details of the investigation.", first.Fields[DatasetRecord.ChoicesField]);
        Assert.Equal("D", first.Output);
        Assert.Equal("question.choices", dataset.Card.Roles[DatasetRole.Options]);
        Assert.Contains(dataset.Records, r => r.Fields[DatasetRecord.ChoicesField].Split('\n').Length == 3);
    }

    [Fact]
    public void Hellaswag_integer_labels_index_the_endings_from_zero()
    {
        var dataset = DatasetReader.Read(Path.Combine(PoolData.Folder(), "hellaswag/hellaswag.jsonl"));
        var first = dataset.Records[0];

        Assert.Equal("D", first.Output);
        Assert.EndsWith("trying to do their best.", first.Fields[DatasetRecord.ChoicesField]);
        Assert.StartsWith("Pole vault is a sport", first.Input);
    }

    [Fact]
    public void Winogrande_string_answers_index_the_numbered_options_from_one()
    {
        var dataset = DatasetReader.Read(Path.Combine(PoolData.Folder(), "winogrande/winogrande_dev.jsonl"));
        var first = dataset.Records[0];

        Assert.Equal("Sarah\nMaria", first.Fields[DatasetRecord.ChoicesField]);
        Assert.Equal("B", first.Output);
        Assert.Equal("option1, option2", dataset.Card.Roles[DatasetRole.Options]);
        Assert.Equal("3FCO4VKOZ4BJQ6IFC0VAIBK4KTWE7U-2", first.Id);
        Assert.Equal("Sarah was a much better surgeon than Maria so _ always got the easier cases.", first.Input);
    }

    [Fact]
    public void Headerless_mmlu_csv_with_crlf_and_quoted_line_breaks_reads_every_row()
    {
        var dataset = DatasetReader.Read(Path.Combine(PoolData.Folder(), "mmlu/high_school_physics_test.csv"));

        Assert.Equal(151, dataset.Records.Count);
        Assert.Equal("B", dataset.Records[0].Output);
        Assert.Equal("0.005 C\n0.01 C\n0.02 C\n0.5 C", dataset.Records[0].Fields[DatasetRecord.ChoicesField]);
        Assert.Contains(dataset.Records, r => r.Input.Contains("II.", StringComparison.Ordinal) && r.Input.Contains('\n', StringComparison.Ordinal));
        Assert.Equal("high_school_physics_test", dataset.Card.Name);
    }

    [Fact]
    public void Squad_nested_document_gives_one_record_per_question_with_its_context_and_first_span()
    {
        var dataset = DatasetReader.Read(Path.Combine(PoolData.Folder(), "squad-v1/dev-v1.1.json"));

        Assert.Equal(155, dataset.Records.Count);
        Assert.Equal("span", dataset.Card.AnswerForm);
        Assert.Equal("context", dataset.Card.Roles[DatasetRole.Context]);
        var first = dataset.Records[0];
        Assert.StartsWith("Super Bowl 50 was an American football game", first.Input);
        Assert.Contains(first.Output, first.Input);
    }

    [Fact]
    public void Boolq_string_booleans_become_yes_or_no_and_the_card_is_named_after_the_dataset()
    {
        var dataset = DatasetReader.Read(Path.Combine(PoolData.Folder(), "boolq/val.jsonl"));

        Assert.Equal("boolq-val", dataset.Card.Name);
        Assert.Equal("yes/no", dataset.Card.AnswerForm);
        Assert.Equal(97, dataset.Records.Count(r => r.Output == "yes"));
        Assert.Equal(53, dataset.Records.Count(r => r.Output == "no"));
        Assert.Equal("passage", dataset.Card.Roles[DatasetRole.Context]);
    }

    [Fact]
    public void Piqa_gold_indexes_the_choices_list()
    {
        var dataset = DatasetReader.Read(Path.Combine(PoolData.Folder(), "piqa-llm-foundry/piqa.jsonl"));

        Assert.Equal("A", dataset.Records[0].Output);
        Assert.Equal("B", dataset.Records[1].Output);
        Assert.StartsWith("Question: How do I ready a guinea pig cage", dataset.Records[0].Input);
    }
}
