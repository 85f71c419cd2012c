using BenchmarkAgent.Testing.Settings;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Models;
using BenchmarkAgent.Testing.Subjects;
using BenchmarkAgent.Tests.Shared;
using BenchmarkAgent.Testing.Results;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Testing.Tests.Running;

public sealed class SubjectSchedulerTests
{
    private static List<(string, BenchmarkItem)> Items(int count) =>
        Enumerable.Range(0, count)
            .Select(i => ("bench", TestItems.Item(ExpectedAnswer.Number(i), id: $"item{i:D6}", prompt: $"Question number {i}?")))
            .ToList();

    private static Microsoft.Extensions.AI.IChatClient Client(OpenAiWireServer server) =>
        EndpointChatClient.Create(new ModelRoleSettings(ModelRole.Subject, server.BaseUri, "sched-model", "sk-test"));

    [Fact]
    public async Task Calls_are_pipelined_up_to_the_concurrency_limit_and_each_item_is_asked_once()
    {
        await using var server = OpenAiWireServer.Start(r => "Answer: " + r.LastUserText.Split(' ')[2].TrimEnd('?'), latency: TimeSpan.FromMilliseconds(150));
        using var client = Client(server);
        var items = Items(24);
        await using var scheduler = new SubjectScheduler(client, items, concurrency: 6);

        // Like xUnit: the tests ask one after another, each awaiting its own answer.
        var answers = new List<SubjectAnswer>();
        foreach (var (benchmark, item) in items)
        {
            answers.Add(await scheduler.AskAsync(benchmark, item, TestContext.Current.CancellationToken));
        }

        Assert.All(answers, a => Assert.Null(a.Error));
        Assert.Equal(items.Select((_, i) => $"Answer: {i}"), answers.Select(a => a.Text));
        Assert.Equal(24, server.Requests.Count);
        Assert.Equal(24, server.Requests.Select(r => r.LastUserText).Distinct().Count());
        // Sequential awaiting still kept 6 calls in flight, and never more.
        Assert.Equal(6, server.MaxConcurrentRequests);
    }

    [Fact]
    public async Task An_item_asked_out_of_order_gets_its_own_answer()
    {
        await using var server = OpenAiWireServer.Start(r => "Answer: " + r.LastUserText.Split(' ')[2].TrimEnd('?'));
        using var client = Client(server);
        var items = Items(10);
        await using var scheduler = new SubjectScheduler(client, items, concurrency: 3);

        var last = await scheduler.AskAsync("bench", items[9].Item2, TestContext.Current.CancellationToken);
        var first = await scheduler.AskAsync("bench", items[0].Item2, TestContext.Current.CancellationToken);

        Assert.Equal("Answer: 9", last.Text);
        Assert.Equal("Answer: 0", first.Text);
    }

    [Fact]
    public async Task A_failing_call_returns_its_error_and_the_others_still_answer()
    {
        await using var server = OpenAiWireServer.Start(
            r => "Answer: 1",
            failWith: r => r.LastUserText.Contains("number 3?", StringComparison.Ordinal) ? 400 : null);
        using var client = Client(server);
        var items = Items(5);
        await using var scheduler = new SubjectScheduler(client, items, concurrency: 2);

        var answers = new List<SubjectAnswer>();
        foreach (var (benchmark, item) in items)
        {
            answers.Add(await scheduler.AskAsync(benchmark, item, TestContext.Current.CancellationToken));
        }

        Assert.NotNull(answers[3].Error);
        Assert.Equal(string.Empty, answers[3].Text);
        Assert.All(answers.Where((_, i) => i != 3), a => Assert.Equal("Answer: 1", a.Text));
    }

    [Fact]
    public async Task Each_repeat_is_its_own_call_carrying_its_repeat_index()
    {
        var seen = new System.Collections.Concurrent.ConcurrentBag<int>();
        using var client = new RecordingSubject(seen);
        var items = Items(2);
        await using var scheduler = new SubjectScheduler(client, items, concurrency: 2, repeats: 3);

        var first = await scheduler.AskRepeatsAsync("bench", items[0].Item2, TestContext.Current.CancellationToken);
        var second = await scheduler.AskRepeatsAsync("bench", items[1].Item2, TestContext.Current.CancellationToken);

        Assert.Equal(["repeat 0", "repeat 1", "repeat 2"], first.Select(a => a.Text));
        Assert.Equal(["repeat 0", "repeat 1", "repeat 2"], second.Select(a => a.Text));
        Assert.Equal([0, 0, 1, 1, 2, 2], seen.Order());
    }

    private sealed class RecordingSubject(System.Collections.Concurrent.ConcurrentBag<int> seen) : Microsoft.Extensions.AI.IChatClient
    {
        public Task<Microsoft.Extensions.AI.ChatResponse> GetResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, Microsoft.Extensions.AI.ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            int repeat = (int)options!.AdditionalProperties![SubjectScheduler.RepeatPropertyKey]!;
            seen.Add(repeat);
            return Task.FromResult(new Microsoft.Extensions.AI.ChatResponse(new Microsoft.Extensions.AI.ChatMessage(Microsoft.Extensions.AI.ChatRole.Assistant, $"repeat {repeat}")));
        }

        public IAsyncEnumerable<Microsoft.Extensions.AI.ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, Microsoft.Extensions.AI.ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("many")]
    public void An_invalid_concurrency_setting_fails_closed_with_BA2006(string value)
    {
        var env = new Dictionary<string, string?>
        {
            ["BENCHAGENT_SUBJECT_BASELINE"] = "random-guess",
            [RunSettingsReader.ConcurrencyVariable] = value,
        };
        var run = new BenchmarkRun(name => env.GetValueOrDefault(name));

        var subject = run.GetSubject(typeof(SubjectSchedulerTests).Assembly);

        Assert.Null(subject.Client);
        Assert.StartsWith("BA2006", subject.Error);
        Assert.Contains(value, subject.Error);
    }
}
