using BenchmarkAgent.Grounding;

namespace BenchmarkAgent.Core.Tests.Grounding;

public sealed class DatasetReaderTests
{
    [Fact]
    public void Jsonl_maps_question_and_answer_fields_and_skips_blank_lines()
    {
        using var folder = new TempFolder();
        string path = folder.Write("arith.jsonl", """
            {"question": "What is 2+2?", "answer": "4", "id": "a"}

            {"problem": "What is 3*3?", "target": 9}
            {"prompt": "Half of 10?", "label": "#### 5"}
            """);

        var dataset = DatasetReader.Read(path);

        Assert.Equal(3, dataset.Records.Count);
        Assert.Equal(("a", "What is 2+2?", "4"), (dataset.Records[0].Id, dataset.Records[0].Input, dataset.Records[0].Output));
        Assert.Equal("9", dataset.Records[1].Output);
        Assert.Equal("What is 3*3?", dataset.Records[1].Fields["problem"]);
        Assert.Equal(AnswerType.Number, dataset.Card.AnswerType);
        Assert.Equal("arith", dataset.Card.Name);
        Assert.Equal(path, dataset.SourcePath);
        Assert.Matches("^[0-9a-f]{64}$", dataset.ContentHash);
    }

    [Fact]
    public void Malformed_jsonl_line_reports_BA0401_with_its_line()
    {
        using var folder = new TempFolder();
        string path = folder.Write("bad.jsonl", "{\"question\": \"q1\", \"answer\": \"1\"}\n{\"question\": \"q2\", \"answer\": \"2\"}\n{\"question\": \"q3\", \"answer\": \n");

        var error = Assert.Throws<DatasetFormatException>(() => DatasetReader.Read(path));

        Assert.Equal("BA0401", error.Code);
        Assert.Equal(3, error.Line);
        Assert.Equal(path, error.File);
        Assert.Contains("one complete JSON object", error.Detail);
        Assert.Contains("BA0401", error.Message);
    }

    [Fact]
    public void Jsonl_record_without_an_input_field_names_the_accepted_fields()
    {
        using var folder = new TempFolder();
        string path = folder.Write("x.jsonl", "{\"question\": \"q\", \"answer\": \"1\"}\n{\"body\": \"q\", \"answer\": \"1\"}\n");

        var error = Assert.Throws<DatasetFormatException>(() => DatasetReader.Read(path));

        Assert.Equal(2, error.Line);
        Assert.Contains("question, input, prompt, problem", error.Detail);
    }

    [Fact]
    public void Json_array_is_read_and_choice_answers_are_inferred()
    {
        using var folder = new TempFolder();
        string path = folder.Write("mc.json", """
            [
              {"question": "Pick the vowel.", "choices": ["b", "a", "c"], "answer": "B"},
              {"question": "Pick the even number.", "choices": ["3", "4"], "answer": "B"},
              {"question": "Pick red.", "choices": ["red", "blue"], "answer": "A"}
            ]
            """);

        var dataset = DatasetReader.Read(path);

        Assert.Equal(3, dataset.Records.Count);
        Assert.Equal(AnswerType.Choice, dataset.Card.AnswerType);
        Assert.Equal("b\na\nc", dataset.Records[0].Fields[DatasetRecord.ChoicesField]);
    }

    [Fact]
    public void Json_array_element_error_reports_the_element_line()
    {
        using var folder = new TempFolder();
        string path = folder.Write("bad.json", "[\n  {\"question\": \"q\", \"answer\": \"1\"},\n  {\"question\": \"q\"}\n]\n");

        var error = Assert.Throws<DatasetFormatException>(() => DatasetReader.Read(path));

        Assert.Equal(3, error.Line);
        Assert.Contains("output field", error.Detail);
    }

    [Fact]
    public void Json_that_is_not_an_array_is_rejected()
    {
        using var folder = new TempFolder();
        string path = folder.Write("obj.json", "{\"question\": \"q\", \"answer\": \"1\"}");

        var error = Assert.Throws<DatasetFormatException>(() => DatasetReader.Read(path));

        Assert.Equal("BA0401", error.Code);
        Assert.Contains("JSON array", error.Detail);
    }

    [Fact]
    public void Csv_handles_quoted_commas_embedded_newlines_and_escaped_quotes()
    {
        using var folder = new TempFolder();
        string path = folder.Write("qa.csv",
            "id,question,answer\r\n" +
            "1,\"Apples, pears and plums: how many kinds?\",3\r\n" +
            "2,\"Line one\nline two: how many lines?\",2\r\n" +
            "3,\"She said \"\"hi\"\" twice. How many words did she say?\",2\n" +
            "4,plain question,7");

        var dataset = DatasetReader.Read(path);

        Assert.Equal(4, dataset.Records.Count);
        Assert.Equal("Apples, pears and plums: how many kinds?", dataset.Records[0].Input);
        Assert.Equal("Line one\nline two: how many lines?", dataset.Records[1].Input);
        Assert.Equal("She said \"hi\" twice. How many words did she say?", dataset.Records[2].Input);
        Assert.Equal(("4", "plain question", "7"), (dataset.Records[3].Id, dataset.Records[3].Input, dataset.Records[3].Output));
        Assert.Equal(AnswerType.Number, dataset.Card.AnswerType);
    }

    [Fact]
    public void Csv_unclosed_quote_and_ragged_rows_report_their_lines()
    {
        using var folder = new TempFolder();
        string unclosed = folder.Write("unclosed.csv", "question,answer\nok,1\n\"never closed,2\n");
        string ragged = folder.Write("ragged.csv", "question,answer\nok,1\nextra,2,3\n");
        string noHeader = folder.Write("nohead.csv", "text,value\nok,1\n");

        Assert.Equal(3, Assert.Throws<DatasetFormatException>(() => DatasetReader.Read(unclosed)).Line);
        var raggedError = Assert.Throws<DatasetFormatException>(() => DatasetReader.Read(ragged));
        Assert.Equal(3, raggedError.Line);
        Assert.Contains("quote cells", raggedError.Detail);
        Assert.Contains("input column", Assert.Throws<DatasetFormatException>(() => DatasetReader.Read(noHeader)).Detail);
    }

    [Fact]
    public void Unknown_extension_and_missing_path_are_BA0401()
    {
        using var folder = new TempFolder();
        string path = folder.Write("data.parquet", "PAR1");

        var unknown = Assert.Throws<DatasetFormatException>(() => DatasetReader.Read(path));
        var missing = Assert.Throws<DatasetFormatException>(() => DatasetReader.Read(Path.Combine(folder.Path, "nope.jsonl")));

        Assert.Equal("BA0401", unknown.Code);
        Assert.Contains(".jsonl, .json, .csv", unknown.Detail);
        Assert.Equal("BA0401", missing.Code);
    }

    [Fact]
    public void General_bench_folder_reads_annotation_objects_and_the_card()
    {
        using var folder = new TempFolder();
        GroundingTestData.WriteGeneralBench(folder);

        var dataset = DatasetReader.Read(Path.Combine(folder.Path, "math"));

        Assert.Equal("grade-school-math", dataset.Card.Name);
        Assert.Equal(["math word problem solving", "arithmetic reasoning"], dataset.Card.Tasks);
        Assert.Equal(AnswerType.Number, dataset.Card.AnswerType);
        Assert.Equal(3, dataset.Records.Count);
        Assert.Equal("Tom has 3 apples and buys 4 more. How many apples does he have?", dataset.Records[0].Input);
        Assert.Equal("7", dataset.Records[0].Output);
        Assert.Equal("100", dataset.Records[2].Output);
        Assert.Equal("m2", dataset.Records[1].Id);
    }

    [Fact]
    public void General_bench_folder_without_card_builds_one_from_the_annotation()
    {
        using var folder = new TempFolder();
        folder.Write("reviews/annotation.json", """
            { "task": "sentiment classification", "type": "comprehension", "modality": "text",
              "data": [ { "id": 1, "input": "Great film.", "output": "positive" }, { "id": 2, "input": "Dull.", "output": "negative" } ] }
            """);

        var dataset = DatasetReader.Read(Path.Combine(folder.Path, "reviews"));

        Assert.Equal("reviews", dataset.Card.Name);
        Assert.Equal(["sentiment classification"], dataset.Card.Tasks);
        Assert.Equal(AnswerType.ShortText, dataset.Card.AnswerType);
        Assert.Equal("1", dataset.Records[0].Id);
    }

    [Fact]
    public void General_bench_folder_errors_point_at_the_bad_entry()
    {
        using var folder = new TempFolder();
        folder.Write("empty/readme.txt", "no annotation");
        folder.Write("bad/annotation.json", "{\n \"data\": [\n  {\"id\": \"1\", \"input\": \"q\", \"output\": \"1\"},\n  {\"id\": \"2\", \"output\": \"1\"}\n ]\n}");

        Assert.Contains("annotation.json", Assert.Throws<DatasetFormatException>(() => DatasetReader.Read(Path.Combine(folder.Path, "empty"))).Detail);
        Assert.Equal(4, Assert.Throws<DatasetFormatException>(() => DatasetReader.Read(Path.Combine(folder.Path, "bad"))).Line);
    }

    [Fact]
    public void Record_ids_are_data_never_paths()
    {
        using var folder = new TempFolder();
        string path = folder.Write("sub/evil.jsonl", "{\"id\": \"../../x\", \"question\": \"../../etc/passwd\", \"answer\": \"1\"}\n");
        var before = Directory.GetFileSystemEntries(folder.Path, "*", SearchOption.AllDirectories).Order().ToList();

        var dataset = DatasetReader.Read(path);

        Assert.Equal("../../x", dataset.Records[0].Id);
        Assert.Equal("../../etc/passwd", dataset.Records[0].Input);
        Assert.Equal(before, Directory.GetFileSystemEntries(folder.Path, "*", SearchOption.AllDirectories).Order().ToList());
        Assert.False(File.Exists(Path.Combine(folder.Path, "x")));
    }

    [Fact]
    public void Content_hash_is_stable_and_changes_with_content()
    {
        using var folder = new TempFolder();
        string a = folder.Write("a.jsonl", "{\"question\": \"q\", \"answer\": \"1\"}\n");
        string b = folder.Write("b.jsonl", "{\"question\": \"q\", \"answer\": \"2\"}\n");

        Assert.Equal(DatasetReader.Read(a).ContentHash, DatasetReader.Read(a).ContentHash);
        Assert.NotEqual(DatasetReader.Read(a).ContentHash, DatasetReader.Read(b).ContentHash);
    }

    [Fact]
    public void Answer_inference_reads_gsm8k_markers_numbers_and_letters()
    {
        Assert.Equal("18", AnswerInference.FinalAnswer("so 9 * 2 = 18\n#### 18"));
        Assert.True(AnswerInference.TryParseNumber("1,200", out decimal n) && n == 1200);
        Assert.True(AnswerInference.TryParseNumber("$5", out n) && n == 5);
        Assert.False(AnswerInference.TryParseNumber("12 apples", out _));
        Assert.Equal(1, AnswerInference.ParseChoice("(B)"));
        Assert.Equal(-1, AnswerInference.ParseChoice("F"));
        Assert.Equal(AnswerType.ShortText, AnswerInference.InferType(["positive", "negative"]));
    }

    [Fact]
    public void Bom_crlf_and_structured_values_are_read_as_text()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "s.jsonl");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(
            "{\"id\": 7, \"input\": {\"image\": \"x.png\", \"size\": 3}, \"output\": {\"text\": \"cat\"}}\r\n{\"input\": \"q\", \"output\": [1, 2]}\r\n")]);
        // Issue 15: a record's image path must name a real image beside the dataset (else BA0421).
        File.WriteAllBytes(Path.Combine(folder.Path, "x.png"), Media.TestMedia.Png(2, 2));

        var dataset = DatasetReader.Read(path);

        Assert.Equal("7", dataset.Records[0].Id);
        Assert.Equal("{\"image\": \"x.png\", \"size\": 3}", dataset.Records[0].Input);
        Assert.Equal("cat", dataset.Records[0].Output);
        Assert.Equal("[1, 2]", dataset.Records[1].Output);
        Assert.Equal("2", dataset.Records[1].Id);
    }
}
