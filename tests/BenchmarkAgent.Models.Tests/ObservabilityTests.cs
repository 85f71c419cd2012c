using System.Collections.Concurrent;
using System.Diagnostics;
using BenchmarkAgent.Tests.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace BenchmarkAgent.Models.Tests;

/// <summary>Logging and telemetry of the pipeline: they see the calls, and never the API key.</summary>
public sealed class ObservabilityTests
{
    private const string Key = "sk-observed-secret-0123456789";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Calls_are_logged_at_every_level_without_the_key_even_when_the_endpoint_echoes_it()
    {
        var logs = new RecordingLoggerFactory();
        await using var server = OpenAiWireServer.Start(_ => "fine", failWith: r => r.LastUserText == "fail" ? 401 : null,
            errorMessage: r => $"Incorrect API key provided: {r.Authorization}");
        using var client = ModelClientFactory.Create(new ModelRoleSettings(ModelRole.Subject, server.BaseUri, "m", Key), new ModelPipelineOptions { LoggerFactory = logs });

        await client.GetResponseAsync("hello", cancellationToken: Token);
        var error = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync("fail", cancellationToken: Token));

        Assert.Contains(logs.Lines, line => line.Contains("hello", StringComparison.Ordinal)); // trace level carries the messages
        Assert.Contains(logs.Lines, line => line.Contains("fine", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(Key, StringComparison.Ordinal));
        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("***", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_call_is_traced_with_the_model_and_no_key()
    {
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ModelPipelineOptions.TelemetrySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var server = OpenAiWireServer.Start(_ => "traced");
        using var client = ModelClientFactory.Create(new ModelRoleSettings(ModelRole.Judge, server.BaseUri, "traced-model", Key));

        await client.GetResponseAsync("hi", cancellationToken: Token);

        var activity = Assert.Single(activities, a => Equals(a.GetTagItem("gen_ai.request.model"), "traced-model"));
        Assert.DoesNotContain(activity.TagObjects, tag => tag.Value?.ToString()?.Contains(Key, StringComparison.Ordinal) == true);
    }

    private sealed class RecordingLoggerFactory : ILoggerFactory
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => new Logger(_lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}
