using BenchmarkAgent.Testing.Settings;
using System.Globalization;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Tests.Shared;

namespace BenchmarkAgent.Testing.Tests.Running;

/// <summary>
/// <see cref="BenchmarkRun.StartCalls"/>, which xUnit's row enumeration calls so the subject calls start before the first
/// row runs: it asks every item of the fixture benchmark once, in the background, and the item tests then get those answers.
/// </summary>
public sealed class StartCallsTests : IAsyncDisposable
{
    private readonly string _results = Path.Combine(Path.GetTempPath(), "benchagent-startcalls-" + Guid.NewGuid().ToString("N"));
    private readonly OpenAiWireServer _server = OpenAiWireServer.Start(r =>
        "Answer: " + int.Parse(r.LastUserText.Split(' ')[2].TrimEnd('?'), CultureInfo.InvariantCulture));

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        if (Directory.Exists(_results))
        {
            Directory.Delete(_results, recursive: true);
        }
    }

    [Fact]
    public async Task Every_item_is_asked_once_before_any_item_test_runs_and_the_tests_reuse_the_answers()
    {
        await using var run = Run(configured: true);

        run.StartCalls(typeof(GateFixture).Assembly);
        await WaitForRequestsAsync(GateFixture.Items().Count);
        var tests = new FixtureBenchmarks(run);
        await tests.Item(GateFixture.Benchmark, "item03");
        await tests.Item(GateFixture.Benchmark, "item39");
        await tests.Benchmark(GateFixture.Benchmark);

        var asked = _server.Requests.Select(r => r.LastUserText).ToList();
        Assert.Equal(40, asked.Count);
        Assert.Equal(40, asked.Distinct().Count());
        Assert.Equal(["item03", "item39"], run.Results.Select(r => r.ItemId).Take(2));
        Assert.All(run.Results.Take(2), r => Assert.True(r.Score!.Passed));
    }

    [Fact]
    public async Task Starting_twice_asks_no_item_twice()
    {
        await using var run = Run(configured: true);
        var testAssembly = typeof(GateFixture).Assembly;

        run.StartCalls(testAssembly);
        run.StartCalls(testAssembly);
        await run.BackgroundStarts.WaitAsync(TestContext.Current.CancellationToken);
        await AnswerEveryItemAsync(run);

        // Both starts have finished and every call they began has been answered, so no request can still be on its way.
        Assert.Equal(40, _server.Requests.Count);
        Assert.Equal(40, _server.Requests.Select(r => r.LastUserText).Distinct().Count());
    }

    [Fact]
    public async Task Without_a_subject_nothing_is_called_and_the_run_keeps_the_skip_reason()
    {
        await using var run = Run(configured: false);

        run.StartCalls(typeof(GateFixture).Assembly);
        await run.BackgroundStarts.WaitAsync(TestContext.Current.CancellationToken);
        var subject = run.GetSubject(typeof(GateFixture).Assembly);

        // The start has finished: with no subject it had no client to call and created no scheduler.
        Assert.Empty(_server.Requests);
        Assert.Null(subject.Client);
        Assert.Null(subject.Error);
        Assert.Contains("BENCHAGENT_SUBJECT_ENDPOINT", subject.SkipReason);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            run.AskAsync(typeof(GateFixture).Assembly, GateFixture.Benchmark, GateFixture.Items()[0], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Once_the_run_has_ended_a_late_start_calls_nothing()
    {
        var run = Run(configured: true);
        await run.DisposeAsync();

        run.StartCalls(typeof(GateFixture).Assembly);
        await run.BackgroundStarts.WaitAsync(TestContext.Current.CancellationToken);

        // The late start has finished without creating a scheduler: asking now fails, and nothing reached the server.
        Assert.Empty(_server.Requests);
        await Assert.ThrowsAsync<ObjectDisposedException>(() =>
            run.AskAsync(typeof(GateFixture).Assembly, GateFixture.Benchmark, GateFixture.Items()[0], TestContext.Current.CancellationToken));
        Assert.Empty(_server.Requests);
    }

    private BenchmarkRun Run(bool configured)
    {
        var environment = new Dictionary<string, string?> { [RunSettingsReader.ResultsDirectoryVariable] = _results };
        if (configured)
        {
            environment["BENCHAGENT_SUBJECT_ENDPOINT"] = _server.BaseUrl;
            environment["BENCHAGENT_SUBJECT_MODEL"] = "startcalls-model";
        }

        return new BenchmarkRun(name => environment.GetValueOrDefault(name));
    }

    /// <summary>Awaits the answer to every fixture item through the run's one scheduler.</summary>
    private static async Task AnswerEveryItemAsync(BenchmarkRun run)
    {
        foreach (var item in GateFixture.Items())
        {
            var answer = await run.AskAsync(typeof(GateFixture).Assembly, GateFixture.Benchmark, item, TestContext.Current.CancellationToken);
            Assert.Null(answer.Error);
        }
    }

    private async Task WaitForRequestsAsync(int count)
    {
        for (int i = 0; i < 200 && _server.Requests.Count < count; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Equal(count, _server.Requests.Count);
    }

#pragma warning disable xUnit1000 // Not public on purpose: xUnit must not discover it; the tests above call it.
    private sealed class FixtureBenchmarks(BenchmarkRun run) : BenchmarkTestsBase(run);
#pragma warning restore xUnit1000
}
