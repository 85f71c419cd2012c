using System.Diagnostics;
using System.Globalization;
using BenchmarkAgent.Tests.Shared;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Models.Tests.Caching;

/// <summary>The response cache in a real redis-server: shared across processes and folders, never holding the key, never failing a call.</summary>
public sealed class SharedRedisCacheTests
{
    private const string PlantedKey = "sk-planted-4f1c9e77d2a0b3c5e6f7a8b9";
    private const string RedisPassword = "r3dis-Pa55_w0rd!+secret";

    // Varied and unkind: unicode, quotes, braces, a would-be path, a JSON lookalike, long text and near-duplicates.
    private static readonly string[] Questions =
    [
        "What is 2+2?",
        "What is 2+2? ",
        "Ünïcödé ✓ — 漢字 question #7?",
        "\"quoted\" and 'single' and `back`",
        "{\"custom_id\":\"x\",\"body\":{}}",
        "../../etc/passwd as a question",
        "Tab\tseparated\tquestion",
        new string('z', 3000),
        "password=" + "not-the-real-one",
        "What is 3+3?",
        "what is 3+3?",
        "Emoji 🧪🔥 question",
    ];

    private static string Answer(string question) => "A:" + question.Length.ToString(CultureInfo.InvariantCulture) + ":" + question[..Math.Min(12, question.Length)];

    [Fact]
    public async Task A_second_process_in_another_folder_makes_zero_requests_and_no_entry_holds_the_key_or_password()
    {
        await using var redis = await RedisServer.StartAsync(RedisPassword);
        await using var server = OpenAiWireServer.Start(r => Answer(r.LastUserText));
        using var first = new TempFolder();
        using var second = new TempFolder();
        var environment = new Dictionary<string, string>
        {
            ["BENCHAGENT_SUBJECT_ENDPOINT"] = server.BaseUrl,
            ["BENCHAGENT_SUBJECT_MODEL"] = "shared-model",
            ["BENCHAGENT_SUBJECT_API_KEY"] = PlantedKey,
            ["BENCHAGENT_CACHE_REDIS"] = redis.ConnectionString,
        };

        var run1 = await ModelsTestHost.RunAsync(first.Path, environment, Questions);
        Assert.True(run1.ExitCode == 0, run1.StandardError);
        Assert.Empty(run1.Errors);
        Assert.Equal(Questions.Length, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("Bearer " + PlantedKey, r.Authorization));

        var run2 = await ModelsTestHost.RunAsync(second.Path, environment, Questions);
        Assert.Equal(0, run2.ExitCode);
        Assert.Equal(Questions.Length, server.Requests.Count); // the second process made zero requests
        Assert.Equal(Questions.Length, run2.Answers.Count);
        foreach (string question in Questions)
        {
            Assert.Equal(Answer(question), run2.Answers[question]);
        }

        Assert.DoesNotContain("BA2101", run1.StandardError + run2.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(second.Path), p => !p.EndsWith("questions.txt", StringComparison.Ordinal));

        var entries = await redis.DumpAsync();
        Assert.Equal(Questions.Length, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.StartsWith("benchagent:v1:subject:", e.Key, StringComparison.Ordinal);
            Assert.DoesNotContain(PlantedKey, e.Key + e.Value, StringComparison.Ordinal);
            Assert.DoesNotContain("sk-planted", e.Key + e.Value, StringComparison.Ordinal);
            Assert.DoesNotContain(RedisPassword, e.Key + e.Value, StringComparison.Ordinal);
        });
        Assert.Contains(entries, e => e.Value.Contains(Answer(Questions[2]), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_redis_key_is_the_file_cache_key_for_the_same_request()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var server = OpenAiWireServer.Start(r => Answer(r.LastUserText));
        using var folder = new TempFolder();
        var settings = new ModelRoleSettings(ModelRole.Judge, server.BaseUri, "key-model", PlantedKey);
        Assert.True(RedisCacheConnection.TryParse(redis.ConnectionString, out var connection, out _));
        var options = new ChatOptions { Temperature = 0.25f, AdditionalProperties = new() { ["benchagent.repeat"] = 2 } };
        using (var viaRedis = ModelClientFactory.Create(settings, new ModelPipelineOptions { Telemetry = false, RedisCache = connection }))
        {
            await viaRedis.GetResponseAsync(Questions[3], options, TestContext.Current.CancellationToken);
        }

        var file = new FileDistributedCache(folder.Path, "judge");
        using (var viaFile = ModelClientFactory.Create(settings, new ModelPipelineOptions { Telemetry = false, Cache = file }))
        {
            await viaFile.GetResponseAsync(Questions[3], options, TestContext.Current.CancellationToken);
        }

        var entry = Assert.Single(await redis.DumpAsync());
        string key = entry.Key["benchagent:v1:judge:".Length..];
        Assert.True(File.Exists(file.PathFor(key)), "the file cache stored the same request under the key Redis holds");
        Assert.Single(Directory.EnumerateFiles(folder.Path, "*.json", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Killing_redis_mid_run_falls_back_to_live_calls_with_one_warning_and_every_answer_right()
    {
        await using var redis = await RedisServer.StartAsync(RedisPassword);
        await using var server = OpenAiWireServer.Start(r => Answer(r.LastUserText), latency: TimeSpan.FromMilliseconds(20));
        Assert.True(RedisCacheConnection.TryParse(redis.ConnectionString, out var connection, out _));
        var warnings = new List<string>();
        var questions = Enumerable.Range(0, 40).Select(i => $"Question {i}: what is {i} * 7?").ToList();
        using var client = ModelClientFactory.Create(
            new ModelRoleSettings(ModelRole.Subject, server.BaseUri, "m", PlantedKey),
            new ModelPipelineOptions { Telemetry = false, RedisCache = connection, Warn = w => { lock (warnings) { warnings.Add(w); } } });

        // Warm: the first ten are cached in Redis, then asked again from the cache.
        foreach (string question in questions.Take(10))
        {
            Assert.Equal(Answer(question), (await client.GetResponseAsync(question, cancellationToken: TestContext.Current.CancellationToken)).Text);
        }

        Assert.Equal(Answer(questions[0]), (await client.GetResponseAsync(questions[0], cancellationToken: TestContext.Current.CancellationToken)).Text);
        Assert.Equal(10, server.Requests.Count);

        redis.Kill();
        var clock = Stopwatch.StartNew();
        var answers = await Task.WhenAll(questions.Select(async q => (q, (await client.GetResponseAsync(q, cancellationToken: TestContext.Current.CancellationToken)).Text)));
        clock.Stop();

        Assert.All(answers, a => Assert.Equal(Answer(a.q), a.Text)); // never a failed or wrong item
        Assert.Equal(50, server.Requests.Count); // every call after the kill went to the endpoint
        var warning = Assert.Single(warnings);
        Assert.StartsWith("BA2101:", warning, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{redis.Port}", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(RedisPassword, warning, StringComparison.Ordinal);
        Assert.DoesNotContain("password", warning, StringComparison.OrdinalIgnoreCase);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"a dead Redis stalled the run: {clock.Elapsed}");
    }

    [Fact]
    public async Task A_redis_that_is_down_from_the_start_costs_one_warning_and_no_stall()
    {
        await using var redis = await RedisServer.StartAsync();
        redis.Kill(); // the port is closed: connection refused
        await using var server = OpenAiWireServer.Start(r => Answer(r.LastUserText));
        Assert.True(RedisCacheConnection.TryParse(redis.ConnectionString, out var connection, out _));
        var warnings = new List<string>();
        using var client = ModelClientFactory.Create(
            new ModelRoleSettings(ModelRole.Subject, server.BaseUri, "m", PlantedKey),
            new ModelPipelineOptions { Telemetry = false, RedisCache = connection, Warn = w => { lock (warnings) { warnings.Add(w); } } });

        var clock = Stopwatch.StartNew();
        for (int i = 0; i < 20; i++)
        {
            string question = Questions[i % Questions.Length];
            Assert.Equal(Answer(question), (await client.GetResponseAsync(question, cancellationToken: TestContext.Current.CancellationToken)).Text);
        }

        Assert.Equal(20, server.Requests.Count);
        Assert.StartsWith("BA2101:", Assert.Single(warnings), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"a dead Redis stalled the calls: {clock.Elapsed}");
    }
}
