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

    [Fact]
    public async Task Calls_start_only_a_bounded_look_ahead_in_front_of_the_tests_not_every_item_at_once()
    {
        using var client = new PromptLog();
        var items = Items(1000);
        await using var scheduler = new SubjectScheduler(client, items, concurrency: 2);
        Assert.Equal(SubjectScheduler.MinLookAhead, scheduler.LookAhead);

        scheduler.StartLookAhead();
        for (int i = 0; i < 10; i++)
        {
            var answer = await scheduler.AskAsync("bench", items[i].Item2, TestContext.Current.CancellationToken);
            Assert.Equal($"Question number {i}?", answer.Text);
        }

        // 64 items started ahead, and one more for each of the 10 asked: items 0..73 and none after, although 926 wait.
        await client.WaitForAsync(74);
        Assert.Equal(Enumerable.Range(0, 74).Select(i => $"Question number {i}?").ToHashSet(), client.Prompts.ToHashSet());
        await scheduler.DisposeAsync();
        Assert.Equal(74, client.Prompts.Count);
    }

    [Fact]
    public async Task A_run_that_asks_a_few_items_out_of_order_calls_them_plus_a_bounded_look_ahead_and_asks_none_twice()
    {
        using var client = new PromptLog();
        var items = Items(2000);
        await using var scheduler = new SubjectScheduler(client, items, concurrency: 4, repeats: 2);
        int[] asked = [1500, 700, 3, 1999, 701];

        foreach (int i in asked)
        {
            var answers = await scheduler.AskRepeatsAsync("bench", items[i].Item2, TestContext.Current.CancellationToken);
            Assert.Equal([$"Question number {i}?", $"Question number {i}?"], answers.Select(a => a.Text));
            scheduler.Forget("bench", items[i].Item2.Id);
        }

        // Like a filtered run: every asked item answered (both repeats), the calls bounded by the asked items plus the
        // look-ahead (not 2,000 items), and no item called more often than its repeats even after Forget.
        await scheduler.DisposeAsync();
        int calledItems = client.Prompts.Distinct().Count();
        Assert.InRange(calledItems, asked.Length, asked.Length + scheduler.LookAhead);
        Assert.All(client.Prompts.GroupBy(p => p), g => Assert.True(g.Count() <= 2, $"{g.Key} was asked {g.Count()} times"));
        Assert.All(asked, i => Assert.Equal(2, client.Prompts.Count(p => p == $"Question number {i}?")));
    }

    /// <summary>Answers each call at once with its prompt and logs the prompts it was asked.</summary>
    private sealed class PromptLog : Microsoft.Extensions.AI.IChatClient
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _prompts = new();

        public IReadOnlyList<string> Prompts => [.. _prompts];

        public async Task WaitForAsync(int count)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (_prompts.Count < count)
            {
                await Task.Delay(10, timeout.Token);
            }
        }

        public Task<Microsoft.Extensions.AI.ChatResponse> GetResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, Microsoft.Extensions.AI.ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            string prompt = messages.Last().Text;
            _prompts.Enqueue(prompt);
            return Task.FromResult(new Microsoft.Extensions.AI.ChatResponse(new Microsoft.Extensions.AI.ChatMessage(Microsoft.Extensions.AI.ChatRole.Assistant, prompt)));
        }

        public IAsyncEnumerable<Microsoft.Extensions.AI.ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, Microsoft.Extensions.AI.ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
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
