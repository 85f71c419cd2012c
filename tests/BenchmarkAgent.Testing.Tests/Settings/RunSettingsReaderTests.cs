using BenchmarkAgent.Models;
using BenchmarkAgent.Testing.Settings;

namespace BenchmarkAgent.Testing.Tests.Settings;

public sealed class RunSettingsReaderTests
{
    private static RunSettings Read(params (string Name, string? Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return RunSettingsReader.Read(name => map.GetValueOrDefault(name));
    }

    [Fact]
    public void Nothing_set_gives_the_defaults_and_no_errors()
    {
        var settings = Read();

        Assert.Empty(settings.Errors);
        Assert.Equal(8, settings.SubjectConcurrency);
        Assert.Equal(8, settings.JudgeConcurrency);
        Assert.Equal(1, settings.Repeats);
        Assert.False(settings.SubjectCache);
        Assert.True(settings.JudgeCache);
        Assert.Null(settings.SubjectRequestsPerMinute);
        Assert.Null(settings.JudgeRequestsPerMinute);
        Assert.Null(settings.SubjectOptions());
        Assert.Null(settings.Judge);
        Assert.Equal(0UL, settings.BaselineSeed);
        Assert.Equal(ModelRoleSettingsStatus.NotConfigured, settings.Subject.Status);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("16", 16)]
    [InlineData("1024", 1024)]
    public void Subject_concurrency_from_1_to_1024_is_accepted_and_is_the_judge_default(string value, int expected)
    {
        var settings = Read((RunSettingsReader.ConcurrencyVariable, value));

        Assert.Empty(settings.Errors);
        Assert.Equal(expected, settings.SubjectConcurrency);
        Assert.Equal(expected, settings.JudgeConcurrency);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1025")]
    [InlineData("-3")]
    [InlineData("many")]
    public void Subject_concurrency_outside_1_to_1024_is_one_BA2006_and_the_default_stays(string value)
    {
        var settings = Read((RunSettingsReader.ConcurrencyVariable, value));

        var error = Assert.Single(settings.Errors);
        Assert.Equal(new SettingError("BA2006", "BENCHAGENT_SUBJECT_CONCURRENCY",
            $"BENCHAGENT_SUBJECT_CONCURRENCY must be an integer from 1 to 1024 (calls in flight at once); it is '{value}'."), error);
        Assert.StartsWith("BA2006: BENCHAGENT_SUBJECT_CONCURRENCY must be", error.Text, StringComparison.Ordinal);
        Assert.Equal(RunSettings.DefaultConcurrency, settings.SubjectConcurrency);
    }

    [Fact]
    public void Every_setting_is_read_once_into_the_record()
    {
        var settings = Read(
            (RunSettingsReader.ConcurrencyVariable, "4"),
            (RunSettingsReader.JudgeConcurrencyVariable, "2"),
            (RunSettingsReader.RepeatsVariable, "5"),
            (RunSettingsReader.SubjectCacheVariable, "true"),
            (RunSettingsReader.JudgeCacheVariable, "false"),
            (RunSettingsReader.SubjectRateLimitVariable, "600"),
            (RunSettingsReader.JudgeRateLimitVariable, "30.5"),
            (RunSettingsReader.SubjectTemperatureVariable, "0"),
            (RunSettingsReader.SubjectMaxTokensVariable, "512"),
            (RunSettingsReader.BaselineSeedVariable, "42"),
            (RunSettingsReader.ResultsDirectoryVariable, "/tmp/results"),
            (RunSettingsReader.CacheDirectoryVariable, "/tmp/cache"),
            (RunSettingsReader.GitHubStepSummaryVariable, "/tmp/summary.md"),
            ("BENCHAGENT_SUBJECT_BASELINE", "random-guess"));

        Assert.Empty(settings.Errors);
        Assert.Equal((4, 2, 5), (settings.SubjectConcurrency, settings.JudgeConcurrency, settings.Repeats));
        Assert.True(settings.SubjectCache);
        Assert.False(settings.JudgeCache);
        Assert.Equal(600, settings.SubjectRequestsPerMinute);
        Assert.Equal(30.5, settings.JudgeRequestsPerMinute);
        var options = settings.SubjectOptions()!;
        Assert.Equal(0f, options.Temperature);
        Assert.Equal(512, options.MaxOutputTokens);
        Assert.Equal(42UL, settings.BaselineSeed);
        Assert.Equal(("/tmp/results", "/tmp/cache", "/tmp/summary.md"), (settings.ResultsDirectory, settings.CacheDirectory, settings.GitHubStepSummary));
        Assert.Equal(ModelRoleSettingsStatus.Baseline, settings.Subject.Status);
    }

    [Fact]
    public void The_judge_is_opt_in_and_a_wrong_one_is_BA2013_carrying_the_reason()
    {
        Assert.Null(Read(("OPENAI_BASE_URL", "https://api.openai.com/v1"), ("OPENAI_API_KEY", "k")).Judge);

        var configured = Read(("BENCHAGENT_JUDGE_ENDPOINT", "http://127.0.0.1:1/v1"), ("BENCHAGENT_JUDGE_MODEL", "judge"));
        Assert.Equal("judge", configured.Judge!.Model);

        var wrong = Read(("BENCHAGENT_JUDGE_MODEL", "judge"));
        var error = Assert.Single(wrong.Errors);
        Assert.Equal("BA2013", error.Code);
        Assert.StartsWith("BA2013: the judge is configured wrongly: BA2003: ", error.Text, StringComparison.Ordinal);
        Assert.Null(wrong.Judge);
    }

    [Fact]
    public void Errors_are_all_reported_in_a_fixed_order()
    {
        var settings = Read(
            (RunSettingsReader.JudgeCacheVariable, "maybe"),
            (RunSettingsReader.RepeatsVariable, "0"),
            (RunSettingsReader.ConcurrencyVariable, "0"),
            (RunSettingsReader.SubjectRateLimitVariable, "fast"));

        Assert.Equal(["BA2006", "BA2010", "BA2015", "BA2012"], settings.Errors.Select(e => e.Code));
    }
}
