using BenchmarkAgent.Models;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Settings;

/// <summary>
/// Everything a test run reads from its environment, parsed once by <see cref="RunSettingsReader"/>, each setting with
/// one valid range. A value that is set but wrong is an entry of <see cref="Errors"/> (and the setting keeps its default);
/// the run fails every item test with the first one.
/// </summary>
internal sealed record RunSettings
{
    /// <summary>The default number of subject calls in flight.</summary>
    public const int DefaultConcurrency = 8;

    /// <summary>The most calls in flight a role may be given.</summary>
    public const int MaxConcurrency = 1024;

    /// <summary>The most repeats per item.</summary>
    public const int MaxRepeats = 100;

    /// <summary>The subject's configuration from the environment (used when no subject is supplied in code).</summary>
    public required ModelRoleSettingsResult Subject { get; init; }

    /// <summary>The judge's settings, or <see langword="null"/> when no judge is configured (the judge is opt-in).</summary>
    public ModelRoleSettings? Judge { get; init; }

    /// <summary>How many subject calls may be in flight at once, 1 to 1024 (<c>BENCHAGENT_SUBJECT_CONCURRENCY</c>).</summary>
    public int SubjectConcurrency { get; init; } = DefaultConcurrency;

    /// <summary>How many judge calls may be in flight at once (<c>BENCHAGENT_JUDGE_CONCURRENCY</c>; unset: <see cref="SubjectConcurrency"/>).</summary>
    public int? JudgeConcurrencySetting { get; init; }

    /// <summary>How many judge calls may be in flight at once.</summary>
    public int JudgeConcurrency => JudgeConcurrencySetting ?? SubjectConcurrency;

    /// <summary>How many times each item is asked, 1 to 100 (<c>BENCHAGENT_SUBJECT_REPEATS</c>).</summary>
    public int Repeats { get; init; } = 1;

    /// <summary>The most answer characters stored in reports and printed (<c>BENCHAGENT_MAX_ANSWER_CHARS</c>); longer answers are cut visibly.</summary>
    public int MaxAnswerChars { get; init; } = Results.AnswerCap.DefaultMaxChars;

    /// <summary>Whether subject responses are cached (<c>BENCHAGENT_SUBJECT_CACHE</c>; off by default: a regression run should ask the model).</summary>
    public bool SubjectCache { get; init; }

    /// <summary>Whether judge responses are cached (<c>BENCHAGENT_JUDGE_CACHE</c>; on by default: judging the same answer twice costs money and adds noise).</summary>
    public bool JudgeCache { get; init; } = true;

    /// <summary>The most subject requests that start per minute (<c>BENCHAGENT_SUBJECT_RATE_LIMIT</c>), or <see langword="null"/>.</summary>
    public double? SubjectRequestsPerMinute { get; init; }

    /// <summary>The most judge requests that start per minute (<c>BENCHAGENT_JUDGE_RATE_LIMIT</c>), or <see langword="null"/>.</summary>
    public double? JudgeRequestsPerMinute { get; init; }

    /// <summary>The subject's sampling temperature, 0 to 2 (<c>BENCHAGENT_SUBJECT_TEMPERATURE</c>), or <see langword="null"/> for the endpoint's default.</summary>
    public float? SubjectTemperature { get; init; }

    /// <summary>The most tokens the subject may answer with, 1 to 1000000 (<c>BENCHAGENT_SUBJECT_MAX_TOKENS</c>), or <see langword="null"/>.</summary>
    public int? SubjectMaxOutputTokens { get; init; }

    /// <summary>The seed of the random-guess baseline (<c>BENCHAGENT_SUBJECT_SEED</c>; 0 when unset or not a number).</summary>
    public ulong BaselineSeed { get; init; }

    /// <summary>The folder reports are written to (<c>BENCHAGENT_RESULTS_DIRECTORY</c>), or <see langword="null"/> for the project's default.</summary>
    public string? ResultsDirectory { get; init; }

    /// <summary>The response cache's folder (<c>BENCHAGENT_CACHE_DIRECTORY</c>), or <see langword="null"/> for <c>obj/benchagent-cache</c>.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>The shared response cache in Redis (<c>BENCHAGENT_CACHE_REDIS</c>), or <see langword="null"/> for the folder cache; used by the roles whose cache is on.</summary>
    public RedisCacheConnection? RedisCache { get; init; }

    /// <summary>Where subject and judge calls run as provider batches (<c>BENCHAGENT_BATCH</c>), or <see langword="null"/> for live calls.</summary>
    public BatchProvider? Batch { get; init; }

    /// <summary>The batch state's folder (<c>BENCHAGENT_BATCH_DIRECTORY</c>), or <see langword="null"/> for <c>obj/benchagent-batch</c>.</summary>
    public string? BatchDirectory { get; init; }

    /// <summary>The GitHub Actions job summary file (<c>GITHUB_STEP_SUMMARY</c>), or <see langword="null"/>.</summary>
    public string? GitHubStepSummary { get; init; }

    /// <summary>
    /// The inputs the subject accepts besides text (<c>BENCHAGENT_SUBJECT_MODALITIES</c>, e.g. <c>text,image</c>), or
    /// <see langword="null"/> when unset: then <see cref="BenchmarkSubjectAttribute.Modalities"/> for a subject in code,
    /// text only for an endpoint, everything for the random-guess baseline (it never looks at the input).
    /// </summary>
    public InputModalities? SubjectModalities { get; init; }

    /// <summary>The inputs the judge accepts besides text (<c>BENCHAGENT_JUDGE_MODALITIES</c>); text only when unset.</summary>
    public InputModalities JudgeModalities { get; init; }

    /// <summary>The part of the items this run takes (<c>BENCHAGENT_SHARD=k/n</c>), or <see langword="null"/> for every item.</summary>
    public Sharding.Shard? Shard { get; init; }

    /// <summary>The folder of shard files this run merges instead of calling the subject (<c>BENCHAGENT_MERGE</c>), or <see langword="null"/>.</summary>
    public string? MergeDirectory { get; init; }

    /// <summary>The settings that are set but wrong, in the order they are reported.</summary>
    public IReadOnlyList<SettingError> Errors { get; init; } = [];

    /// <summary>The subject's sampling options, or <see langword="null"/> when none is set.</summary>
    /// <returns>A new options instance each time.</returns>
    public ChatOptions? SubjectOptions() =>
        SubjectTemperature is null && SubjectMaxOutputTokens is null
            ? null
            : new ChatOptions { Temperature = SubjectTemperature, MaxOutputTokens = SubjectMaxOutputTokens };
}
