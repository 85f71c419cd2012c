using System.Globalization;
using BenchmarkAgent.Models;

namespace BenchmarkAgent.Testing.Settings;

/// <summary>
/// Reads <see cref="RunSettings"/> from environment variables, once, through a lookup function so tests never touch
/// the process environment. Each variable has one parser and one valid range; a value that is set but out of range
/// becomes a <see cref="SettingError"/>. Empty values count as unset.
/// </summary>
internal static class RunSettingsReader
{
    /// <summary>Overrides the folder reports are written to.</summary>
    public const string ResultsDirectoryVariable = "BENCHAGENT_RESULTS_DIRECTORY";

    /// <summary>The seed of the random-guess baseline subject.</summary>
    public const string BaselineSeedVariable = "BENCHAGENT_SUBJECT_SEED";

    /// <summary>How many subject calls may be in flight at once, 1 to 1024.</summary>
    public const string ConcurrencyVariable = "BENCHAGENT_SUBJECT_CONCURRENCY";

    /// <summary>How many times each item is asked, 1 to 100.</summary>
    public const string RepeatsVariable = "BENCHAGENT_SUBJECT_REPEATS";

    /// <summary><c>true</c> caches subject responses.</summary>
    public const string SubjectCacheVariable = "BENCHAGENT_SUBJECT_CACHE";

    /// <summary><c>false</c> turns off the judge's response cache.</summary>
    public const string JudgeCacheVariable = "BENCHAGENT_JUDGE_CACHE";

    /// <summary>How many judge calls may be in flight at once, 1 to 1024.</summary>
    public const string JudgeConcurrencyVariable = "BENCHAGENT_JUDGE_CONCURRENCY";

    /// <summary>The most subject requests that may start per minute.</summary>
    public const string SubjectRateLimitVariable = "BENCHAGENT_SUBJECT_RATE_LIMIT";

    /// <summary>The most judge requests that may start per minute.</summary>
    public const string JudgeRateLimitVariable = "BENCHAGENT_JUDGE_RATE_LIMIT";

    /// <summary>The subject's sampling temperature, 0 to 2.</summary>
    public const string SubjectTemperatureVariable = "BENCHAGENT_SUBJECT_TEMPERATURE";

    /// <summary>The most tokens the subject may answer with, 1 to 1000000.</summary>
    public const string SubjectMaxTokensVariable = "BENCHAGENT_SUBJECT_MAX_TOKENS";

    /// <summary>Overrides the folder the response cache is stored in.</summary>
    public const string CacheDirectoryVariable = "BENCHAGENT_CACHE_DIRECTORY";

    /// <summary>Puts the response cache in Redis: a StackExchange.Redis connection string (<c>host:port[,options]</c>); it may hold a password.</summary>
    public const string CacheRedisVariable = "BENCHAGENT_CACHE_REDIS";

    /// <summary>Provider batch runs: <c>openai</c>, <c>azure</c> or <c>vllm</c> (<c>vllm run-batch</c> files); <c>off</c> or unset for live calls.</summary>
    public const string BatchVariable = "BENCHAGENT_BATCH";

    /// <summary>Overrides the folder of the batch state (<c>obj/benchagent-batch</c> by default), one subfolder per role.</summary>
    public const string BatchDirectoryVariable = "BENCHAGENT_BATCH_DIRECTORY";

    /// <summary>The most answer characters stored in reports and printed, 1 to 100000000.</summary>
    public const string MaxAnswerCharsVariable = "BENCHAGENT_MAX_ANSWER_CHARS";

    /// <summary>The GitHub Actions job summary file the Markdown report is appended to.</summary>
    public const string GitHubStepSummaryVariable = "GITHUB_STEP_SUMMARY";

    /// <summary>The inputs the subject accepts besides text, e.g. <c>text,image,audio</c>.</summary>
    public const string SubjectModalitiesVariable = "BENCHAGENT_SUBJECT_MODALITIES";

    /// <summary>The inputs the judge accepts besides text, e.g. <c>text,image</c>.</summary>
    public const string JudgeModalitiesVariable = "BENCHAGENT_JUDGE_MODALITIES";

    /// <summary>Runs one shard of the items, <c>k/n</c> (e.g. <c>3/8</c>); the gate is left to the merge.</summary>
    public const string ShardVariable = "BENCHAGENT_SHARD";

    /// <summary>A folder of shard files: the run merges them (reports and gates) instead of calling the subject.</summary>
    public const string MergeVariable = "BENCHAGENT_MERGE";

    /// <summary>Reads the settings of a run.</summary>
    /// <param name="lookup">Returns a variable's value or <see langword="null"/>, e.g. <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    /// <returns>The settings, with every wrong value in <see cref="RunSettings.Errors"/>.</returns>
    public static RunSettings Read(Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        string? Get(string name) => lookup(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        var errors = new List<SettingError>();

        int? IntegerSetting(string variable, int max, string code, string meaning)
        {
            string? text = Get(variable);
            int? value = Integer(text, 1, max);
            if (text is not null && value is null)
            {
                errors.Add(new(code, variable, $"{variable} must be an integer from 1 to {max}{meaning}; it is '{text}'."));
            }

            return value;
        }

        int? concurrency = IntegerSetting(ConcurrencyVariable, RunSettings.MaxConcurrency, ErrorCodes.InvalidSubjectConcurrency, " (calls in flight at once)");
        int? repeats = IntegerSetting(RepeatsVariable, RunSettings.MaxRepeats, ErrorCodes.InvalidRepeats, " (how many times each item is asked)");
        int? maxAnswerChars = IntegerSetting(MaxAnswerCharsVariable, Results.AnswerCap.MaxMaxChars, ErrorCodes.InvalidMaxAnswerChars, " (answer characters kept in reports and output)");
        int? judgeConcurrency = IntegerSetting(JudgeConcurrencyVariable, RunSettings.MaxConcurrency, ErrorCodes.InvalidJudgeConcurrency, " (judge calls in flight at once)");

        float? temperature = float.TryParse(Get(SubjectTemperatureVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out float t) && t is >= 0 and <= 2 ? t : null;
        if (Get(SubjectTemperatureVariable) is { } temperatureText && temperature is null)
        {
            errors.Add(new(ErrorCodes.InvalidSampling, SubjectTemperatureVariable,
                $"{SubjectTemperatureVariable} must be a number from 0 to 2 (e.g. 0 for steadier regression runs); it is '{temperatureText}'."));
        }

        int? maxTokens = IntegerSetting(SubjectMaxTokensVariable, 1_000_000, ErrorCodes.InvalidSampling, string.Empty);

        double? RateLimit(string variable)
        {
            string? text = Get(variable);
            double? perMinute = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
                && double.IsFinite(value) && value is > 0 and <= 1_000_000 ? value : null;
            if (text is not null && perMinute is null)
            {
                errors.Add(new(ErrorCodes.InvalidRateLimit, variable,
                    $"{variable} must be a positive number of requests per minute, at most 1000000 (e.g. 500); it is '{text}'."));
            }

            return perMinute;
        }

        double? subjectRate = RateLimit(SubjectRateLimitVariable);
        double? judgeRate = RateLimit(JudgeRateLimitVariable);

        bool Switch(string variable, bool defaultValue)
        {
            string? text = Get(variable);
            if (text is null)
            {
                return defaultValue;
            }

            if (bool.TryParse(text, out bool value))
            {
                return value;
            }

            errors.Add(new(ErrorCodes.InvalidCacheSwitch, variable, $"{variable} must be true or false; it is '{text}'."));
            return defaultValue;
        }

        InputModalities? Modalities(string variable)
        {
            string? text = Get(variable);
            if (text is null)
            {
                return null;
            }

            if (Media.ItemModalities.TryParse(text, out var modalities))
            {
                return modalities;
            }

            errors.Add(new(ErrorCodes.InvalidModalities, variable,
                $"{variable} must list the inputs the model accepts from text, image and audio, separated by commas (e.g. text,image,audio); it is '{text}'."));
            return null;
        }

        var subjectModalities = Modalities(SubjectModalitiesVariable);
        var judgeModalities = Modalities(JudgeModalitiesVariable);

        bool subjectCache = Switch(SubjectCacheVariable, false);
        bool judgeCache = Switch(JudgeCacheVariable, true);

        RedisCacheConnection? redis = null;
        if (Get(CacheRedisVariable) is { } redisText && !RedisCacheConnection.TryParse(redisText, out redis, out string? redisError))
        {
            // The value is not echoed: it may hold the Redis password.
            errors.Add(new(ErrorCodes.InvalidSharedCache, CacheRedisVariable,
                $"{CacheRedisVariable} is not a Redis connection string: {redisError}. Use host:port[,password=...][,ssl=true], e.g. 127.0.0.1:6379, or unset it for the file cache."));
        }

        BatchProvider? batch = Get(BatchVariable)?.ToLowerInvariant() switch
        {
            null or "off" => null,
            "openai" => BatchProvider.OpenAi,
            "azure" => BatchProvider.Azure,
            "vllm" => BatchProvider.VllmFiles,
            _ => null,
        };
        if (Get(BatchVariable) is { } batchText && batch is null && !string.Equals(batchText, "off", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new(ErrorCodes.InvalidBatchSetting, BatchVariable,
                $"{BatchVariable} must be openai (the OpenAI Batch API), azure (an Azure OpenAI batch deployment), vllm (vllm run-batch files) or off; it is '{batchText}'."));
        }

        string? shardText = Get(ShardVariable);
        var shard = shardText is null ? null : Sharding.Shard.Parse(shardText);
        if (shardText is not null && shard is null)
        {
            errors.Add(new(ErrorCodes.InvalidShard, ShardVariable,
                $"{ShardVariable} must be k/n with whole numbers 1 <= k <= n <= {Sharding.Shard.MaxCount} (e.g. 3/8 runs the third of eight shards); it is '{shardText}'."));
        }

        string? merge = Get(MergeVariable);
        if (merge is not null && shardText is not null)
        {
            errors.Add(new(ErrorCodes.InvalidMergeFolder, MergeVariable,
                $"{MergeVariable} and {ShardVariable} are both set: a merge run combines the shard files of earlier shard runs and is not a shard itself. Unset {ShardVariable} in the merge job."));
        }

        var roles = new ModelRoleSettingsReader(lookup);
        ModelRoleSettings? judge = null;

        // The judge is opt-in: OPENAI_BASE_URL alone (shared with the subject) does not turn it on.
        if (Get(RoleVariables.Judge.Endpoint) is not null ||
            Get(RoleVariables.Judge.Model) is not null)
        {
            var judgeResult = roles.Read(ModelRole.Judge);
            if (judgeResult.Status == ModelRoleSettingsStatus.Configured)
            {
                judge = judgeResult.GetRequiredSettings();
            }
            else
            {
                errors.Add(new(ErrorCodes.InvalidJudge, RoleVariables.Judge.Endpoint,
                    $"the judge is configured wrongly: {judgeResult.Message}"));
            }
        }

        return new RunSettings
        {
            Subject = roles.Read(ModelRole.Subject),
            Judge = judge,
            SubjectConcurrency = concurrency ?? RunSettings.DefaultConcurrency,
            JudgeConcurrencySetting = judgeConcurrency,
            Repeats = repeats ?? 1,
            MaxAnswerChars = maxAnswerChars ?? Results.AnswerCap.DefaultMaxChars,
            SubjectCache = subjectCache,
            JudgeCache = judgeCache,
            SubjectRequestsPerMinute = subjectRate,
            JudgeRequestsPerMinute = judgeRate,
            SubjectTemperature = temperature,
            SubjectMaxOutputTokens = maxTokens,
            BaselineSeed = ulong.TryParse(Get(BaselineSeedVariable), NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed) ? seed : 0,
            ResultsDirectory = Get(ResultsDirectoryVariable),
            CacheDirectory = Get(CacheDirectoryVariable),
            RedisCache = redis,
            Batch = batch,
            BatchDirectory = Get(BatchDirectoryVariable),
            GitHubStepSummary = Get(GitHubStepSummaryVariable),
            SubjectModalities = subjectModalities,
            JudgeModalities = judgeModalities ?? InputModalities.TextOnly,
            Shard = shard,
            MergeDirectory = merge,
            Errors = errors,
        };
    }

    private static int? Integer(string? text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max ? value : null;
}
