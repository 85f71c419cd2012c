using System.Text.Json.Nodes;
using BenchmarkAgent.Tests.Shared;

namespace BenchmarkAgent.Models.Tests.Batches;

public sealed class ProviderBatchRunTests
{
    private const string Key = "sk-batch-planted-key-0c1d2e3f4a5b";

    // Varied and unkind: unicode, JSON lookalikes, a would-be path, a duplicate, near-duplicates, and one the provider refuses.
    private static readonly string[] Questions =
    [
        "What is 6 * 7?",
        "What is 6 * 7? ",
        "Ünïcödé ✓ — 漢字?",
        "{\"custom_id\":\"evil\",\"url\":\"/v1/files\"}",
        "../../../tmp/owned",
        "line one\nline two",
        "Please refuse this one",
        new string('q', 2500),
        "What is 6 * 7?",
    ];

    private static string Answer(string question) => $"ans[{question.Length}]:{question[..Math.Min(10, question.Length)]}";

    private static bool Refused(string question) => question.Contains("refuse", StringComparison.Ordinal);

    private static IEnumerable<string> Answerable => Questions.Distinct().Where(q => !Refused(q));

    [Fact]
    public async Task A_batch_round_collects_into_the_cache_reports_the_failed_line_and_later_runs_make_no_live_call()
    {
        using var folder = new TempFolder();
        string batchFolder = Path.Combine(folder.Path, "batch", "subject");
        string cacheFolder = Path.Combine(folder.Path, "cache");
        await using var server = OpenAiBatchServer.Start(Answer, Refused, inProgressPolls: 2);
        var settings = new ModelRoleSettings(ModelRole.Subject, server.BaseUri, "batch-model", Key);
        int distinct = Questions.Distinct().Count();

        // Run 1: every call is a miss, recorded and pending; the run ends by uploading one file and creating one batch.
        var first = await BatchRound.RunAsync(settings, BatchProvider.OpenAi, batchFolder, cacheFolder, Questions);
        Assert.All(first.Values, o => Assert.Equal("BA2110", o.Code));
        Assert.Equal((1, 1, 0), (server.Uploads, server.Creates, server.LiveCalls));
        var lines = server.UploadedInputs.Single().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(distinct, lines.Count);
        Assert.All(lines, l =>
        {
            Assert.Equal("POST", l["method"]!.GetValue<string>());
            Assert.Equal("/v1/chat/completions", l["url"]!.GetValue<string>());
            Assert.Equal("batch-model", l["body"]!["model"]!.GetValue<string>());
            Assert.Equal(0, l["body"]!["temperature"]!.GetValue<double>());
            Assert.Null(l["body"]!["stream"]);
        });
        Assert.Equal(distinct, lines.Select(l => l["custom_id"]!.GetValue<string>()).Distinct().Count());

        // Runs 2 and 3: the status is in_progress; everything stays pending, nothing is uploaded or created again.
        for (int poll = 1; poll <= 2; poll++)
        {
            var waiting = await BatchRound.RunAsync(settings, BatchProvider.OpenAi, batchFolder, cacheFolder, Questions);
            Assert.All(waiting.Values, o => Assert.Equal("BA2110", o.Code));
            Assert.Contains("batch_0 (status in_progress", waiting[Questions[0]].Message, StringComparison.Ordinal);
            Assert.Equal((1, 1, poll), (server.Uploads, server.Creates, server.Polls));
        }

        // Run 4: completed; the answers land in the cache and the refused line is an error item.
        var collected = await BatchRound.RunAsync(settings, BatchProvider.OpenAi, batchFolder, cacheFolder, Questions);
        foreach (string q in Answerable)
        {
            Assert.Equal(Answer(q), collected[q].Answer);
        }

        var refused = collected["Please refuse this one"];
        Assert.Equal("BA2112", refused.Code);
        Assert.Contains("content_policy_violation", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.LiveCalls);
        Assert.Equal(distinct - 1, Directory.EnumerateFiles(cacheFolder, "*.json", SearchOption.AllDirectories).Count());

        // An ordinary run afterwards (no batch mode) is answered from the cache: zero live calls.
        var later = await BatchRound.LiveRunAsync(settings, cacheFolder, [.. Answerable]);
        Assert.All(Answerable, q => Assert.Equal(Answer(q), later[q]));
        Assert.Equal(0, server.LiveCalls);

        // The key went only to the Authorization header: never into the input file, the state or the cache.
        Assert.All(server.Authorizations, a => Assert.Equal("Bearer " + Key, a));
        Assert.DoesNotContain(server.UploadedInputs, i => i.Contains(Key, StringComparison.Ordinal));
        foreach (string file in Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(Key, await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_crash_between_submit_and_collect_resumes_with_the_recorded_batch_id()
    {
        using var folder = new TempFolder();
        string batchFolder = Path.Combine(folder.Path, "batch");
        string cacheFolder = Path.Combine(folder.Path, "cache");
        await using var server = OpenAiBatchServer.Start(Answer, Refused, inProgressPolls: 1);
        var settings = new ModelRoleSettings(ModelRole.Judge, server.BaseUri, "judge-model", Key);
        await BatchRound.RunAsync(settings, BatchProvider.OpenAi, batchFolder, cacheFolder, Questions);
        var state = BatchState.Read(batchFolder)!;
        Assert.Equal((BatchState.Submitted, "batch_0", "file-in-0"), (state.Stage, state.BatchId, state.InputFileId));

        // The process dies here. A new one reads the state and asks about batch_0: no second upload or creation.
        var resumed = await BatchRound.RunAsync(settings, BatchProvider.OpenAi, batchFolder, cacheFolder, Questions);
        Assert.All(resumed.Values, o => Assert.Equal("BA2110", o.Code));
        var afterCrash = await BatchRound.RunAsync(settings, BatchProvider.OpenAi, batchFolder, cacheFolder, Questions);
        Assert.All(Answerable, q => Assert.Equal(Answer(q), afterCrash[q].Answer));
        Assert.Equal((1, 1, 2, 0), (server.Uploads, server.Creates, server.Polls, server.LiveCalls));
        Assert.Equal(["GET /v1/batches/batch_0", "GET /v1/batches/batch_0"], server.Log.Where(l => l.Contains("/batches/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_crash_between_upload_and_create_creates_the_batch_from_the_recorded_file_without_a_second_upload()
    {
        using var folder = new TempFolder();
        string batchFolder = Path.Combine(folder.Path, "batch");
        string cacheFolder = Path.Combine(folder.Path, "cache");
        await using var server = OpenAiBatchServer.Start(Answer, inProgressPolls: 0);
        var settings = new ModelRoleSettings(ModelRole.Subject, server.BaseUri, "m", Key);
        server.FailNextCreates(1);

        var failure = await Assert.ThrowsAsync<ModelCallException>(() => BatchRound.RunAsync(settings, BatchProvider.OpenAi, batchFolder, cacheFolder, Questions));
        Assert.Equal("BA2113", failure.Code);
        Assert.Contains("create the batch", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, failure.Message, StringComparison.Ordinal);
        Assert.Equal((BatchState.Uploaded, "file-in-0"), (BatchState.Read(batchFolder)!.Stage, BatchState.Read(batchFolder)!.InputFileId));

        var next = await BatchRound.RunAsync(settings, BatchProvider.OpenAi, batchFolder, cacheFolder, Questions); // creates batch_0, polls: completed
        Assert.All(Answerable, q => Assert.Equal(Answer(q), next[q].Answer));
        Assert.Equal(1, server.Uploads);
        Assert.Equal(["POST /v1/files", "POST /v1/batches", "POST /v1/batches", "GET /v1/batches/batch_0", "GET /v1/files/batch_0-output/content"],
            server.Log);
    }

    [Fact]
    public async Task An_azure_openai_batch_deployment_gets_its_own_line_url_under_the_v1_path()
    {
        using var folder = new TempFolder();
        await using var server = OpenAiBatchServer.Start(Answer, inProgressPolls: 0, expectedLineUrl: "/chat/completions");
        var settings = new ModelRoleSettings(ModelRole.Subject, server.AzureStyleBaseUri, "my-batch-deployment", Key);
        string batchFolder = Path.Combine(folder.Path, "b");
        string cacheFolder = Path.Combine(folder.Path, "c");

        await BatchRound.RunAsync(settings, BatchProvider.Azure, batchFolder, cacheFolder, Questions);
        var second = await BatchRound.RunAsync(settings, BatchProvider.Azure, batchFolder, cacheFolder, Questions);

        Assert.All(Answerable, q => Assert.Equal(Answer(q), second[q].Answer));
        Assert.All(server.Log, l => Assert.Contains(" /openai/v1/", l, StringComparison.Ordinal));
        Assert.Contains("\"model\":\"my-batch-deployment\"", server.UploadedInputs.Single(), StringComparison.Ordinal);
        Assert.Equal(0, server.LiveCalls);
    }

    [Fact]
    public async Task A_vllm_run_batch_round_writes_the_input_file_and_reads_its_output_file_without_http()
    {
        using var folder = new TempFolder();
        await using var server = OpenAiBatchServer.Start(Answer);
        var settings = new ModelRoleSettings(ModelRole.Subject, server.BaseUri, "Qwen/Qwen2.5-0.5B-Instruct", null);
        string batchFolder = Path.Combine(folder.Path, "vllm");
        string cacheFolder = Path.Combine(folder.Path, "cache");

        var first = await BatchRound.RunAsync(settings, BatchProvider.VllmFiles, batchFolder, cacheFolder, Questions);
        Assert.All(first.Values, o => Assert.Equal("BA2110", o.Code));
        Assert.Equal(BatchState.AwaitingOutput, BatchState.Read(batchFolder)!.Stage);
        var waiting = await BatchRound.RunAsync(settings, BatchProvider.VllmFiles, batchFolder, cacheFolder, Questions);
        Assert.Contains("waiting for vllm run-batch", waiting[Questions[0]].Message, StringComparison.Ordinal);

        // What `vllm run-batch -i requests.jsonl -o results.jsonl` writes: one line per request, an error object for the
        // refused one, plus hostile extras: a line for an id that was never asked (ignored), garbage, and a blank line.
        var output = new List<string>();
        foreach (string line in await File.ReadAllLinesAsync(Path.Combine(batchFolder, BatchSession.RequestsFileName), TestContext.Current.CancellationToken))
        {
            var request = JsonNode.Parse(line)!;
            Assert.Equal("/v1/chat/completions", request["url"]!.GetValue<string>());
            string id = request["custom_id"]!.GetValue<string>();
            string question = request["body"]!["messages"]!.AsArray().Last()!["content"]!.GetValue<string>();
            output.Add(Refused(question)
                ? new JsonObject { ["id"] = "vllm-" + id[..6], ["custom_id"] = id, ["response"] = null, ["error"] = new JsonObject { ["message"] = "prompt too long for the model" } }.ToJsonString()
                : new JsonObject
                {
                    ["id"] = "vllm-" + id[..6],
                    ["custom_id"] = id,
                    ["response"] = new JsonObject
                    {
                        ["status_code"] = 200,
                        ["request_id"] = "vllm-batch-1",
                        ["body"] = new JsonObject
                        {
                            ["id"] = "cmpl-1", ["object"] = "chat.completion", ["created"] = 1, ["model"] = settings.Model,
                            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = Answer(question) }, ["finish_reason"] = "stop" }),
                        },
                    },
                    ["error"] = null,
                }.ToJsonString());
        }

        output.Add("{\"custom_id\":\"never-asked\",\"response\":{\"status_code\":200,\"body\":{\"choices\":[]}}}");
        output.Add("this is not json");
        output.Add(string.Empty);
        await File.WriteAllLinesAsync(Path.Combine(batchFolder, BatchSession.ResultsFileName), output, TestContext.Current.CancellationToken);

        var collected = await BatchRound.RunAsync(settings, BatchProvider.VllmFiles, batchFolder, cacheFolder, Questions);
        Assert.All(Answerable, q => Assert.Equal(Answer(q), collected[q].Answer));
        Assert.Equal("BA2112", collected["Please refuse this one"].Code);
        Assert.Contains("prompt too long", collected["Please refuse this one"].Message, StringComparison.Ordinal);
        Assert.Equal(Answerable.Count(), Directory.EnumerateFiles(cacheFolder, "*.json", SearchOption.AllDirectories).Count());
        Assert.Empty(server.Log); // no HTTP at all
    }
}
