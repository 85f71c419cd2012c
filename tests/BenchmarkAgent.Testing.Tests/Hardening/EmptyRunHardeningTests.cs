using BenchmarkAgent.Items;
using BenchmarkAgent.Models;
using BenchmarkAgent.Testing.Results;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Settings;
using BenchmarkAgent.Tests.Shared;

namespace BenchmarkAgent.Testing.Tests.Hardening;

/// <summary>
/// Issue 16, findings 7 and 9: a CI run that evaluated nothing exited 0, and an empty <c>choices</c> array or null
/// content was scored as a wrong answer. Over the real OpenAI wire (the fault-injecting server).
/// </summary>
public sealed class EmptyRunHardeningTests
{
    [Theory]
    [InlineData(null, null, false)]
    [InlineData("true", null, true)]
    [InlineData("TRUE", "false", true)]
    [InlineData("true", "true", false)]
    [InlineData("false", null, false)]
    public void Finding7_under_CI_a_run_that_evaluates_nothing_fails_unless_opted_out(string? ci, string? allow, bool fails)
    {
        var policy = EmptyRunPolicy.Read(name => name switch { "CI" => ci, EmptyRunPolicy.AllowEmptyRunVariable => allow, _ => null });

        Assert.Equal(fails, policy.FailsEmptyRuns);
        Assert.Null(policy.Error);
    }

    [Fact]
    public void Finding7_an_invalid_opt_out_is_BA2060()
    {
        var policy = EmptyRunPolicy.Read(name => name == EmptyRunPolicy.AllowEmptyRunVariable ? "sometimes" : "true");

        Assert.True(policy.FailsEmptyRuns);
        Assert.Equal("BA2060", policy.Error?.Code);
        Assert.Contains("'sometimes'", policy.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WireFault.EmptyChoices)]
    [InlineData(WireFault.NullContent)]
    public async Task Finding9_an_empty_or_null_answer_is_an_error_item_not_a_wrong_answer(WireFault fault)
    {
        await using var server = FaultyOpenAiServer.Start(_ => "7", (text, _) => text.Contains("second", StringComparison.Ordinal) ? fault : WireFault.None);
        using var client = ModelClientFactory.Create(new ModelRoleSettings(ModelRole.Subject, server.BaseUri, "faulty", "sk-test"), new ModelPipelineOptions { Telemetry = false });
        var items = new List<(string, BenchmarkItem)>
        {
            ("bench", TestItems.Item(ExpectedAnswer.Number(7), id: "first", prompt: "The first question?")),
            ("bench", TestItems.Item(ExpectedAnswer.Number(7), id: "second", prompt: "The second question?")),
        };
        await using var scheduler = new SubjectScheduler(client, items, concurrency: 2);

        var good = await scheduler.AskAsync("bench", items[0].Item2, TestContext.Current.CancellationToken);
        var empty = await scheduler.AskAsync("bench", items[1].Item2, TestContext.Current.CancellationToken);

        Assert.Null(good.Error);
        Assert.Equal("7", good.Text);
        var error = Assert.IsType<EmptyResponseException>(empty.Error);
        Assert.StartsWith("BA2063", error.Message, StringComparison.Ordinal);
    }
}
