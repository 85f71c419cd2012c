using BenchmarkAgent.Models;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Subjects;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Tests.Running;

/// <summary>How a run turns its settings into a subject: a composed model client, the baseline, a skip or an error.</summary>
public sealed class SubjectResolutionTests
{
    private static async Task<SubjectResolution> Resolve(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => (string?)v.Value);
        await using var run = new BenchmarkRun(name => map.GetValueOrDefault(name));
        return run.GetSubject(typeof(string).Assembly); // an assembly without [assembly: BenchmarkSubject]
    }

    [Fact]
    public async Task A_configured_endpoint_becomes_the_composed_model_pipeline_labelled_by_its_model()
    {
        var subject = await Resolve(("BENCHAGENT_SUBJECT_ENDPOINT", "http://127.0.0.1:9/v1"), ("BENCHAGENT_SUBJECT_MODEL", "model-x"), ("BENCHAGENT_SUBJECT_API_KEY", "sk-k"));

        Assert.Equal("model-x", subject.Label);
        Assert.Null(subject.Error);
        var client = Assert.IsAssignableFrom<IChatClient>(subject.Client);
        Assert.NotNull(client.GetService<UsageAccountingChatClient>());
        Assert.Equal("model-x", client.GetService<ChatClientMetadata>()!.DefaultModelId);
    }

    [Fact]
    public async Task The_baseline_gets_its_seed()
    {
        var subject = await Resolve(("BENCHAGENT_SUBJECT_BASELINE", "random-guess"), ("BENCHAGENT_SUBJECT_SEED", "7"));

        Assert.Equal(7UL, Assert.IsType<RandomGuessSubject>(subject.Client).Seed);
        Assert.Equal(RandomGuessSubject.ModelId, subject.Label);
    }

    [Fact]
    public async Task Nothing_configured_skips_with_the_exact_message_and_a_wrong_setting_is_an_error()
    {
        var none = await Resolve();
        var wrong = await Resolve(("BENCHAGENT_SUBJECT_ENDPOINT", "not a url"), ("BENCHAGENT_SUBJECT_MODEL", "m"));

        Assert.Null(none.Client);
        Assert.Equal(ModelRoleSettingsReader.NotConfiguredMessage(ModelRole.Subject), none.SkipReason);
        Assert.Null(wrong.Client);
        Assert.StartsWith("BA2001: BENCHAGENT_SUBJECT_ENDPOINT", wrong.Error, StringComparison.Ordinal);
    }
}
