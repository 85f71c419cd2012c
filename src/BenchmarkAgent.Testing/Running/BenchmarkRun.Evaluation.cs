using System.Reflection;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Testing.Evaluation;
using BenchmarkAgent.Testing.Scoring;
using BenchmarkAgent.Testing.Subjects;
using Microsoft.Extensions.AI;
using BenchmarkAgent.Testing.TestCases;
using BenchmarkAgent.Testing.Results;

namespace BenchmarkAgent.Testing.Running;

/// <summary>Repeats, retries, response caching and the LLM judge of a run.</summary>
public sealed partial class BenchmarkRun
{
    /// <summary>How many times each item is asked (default 1, at most <see cref="MaxRepeats"/>).</summary>
    public const string RepeatsVariable = "BENCHAGENT_SUBJECT_REPEATS";

    /// <summary>The most repeats per item.</summary>
    public const int MaxRepeats = 100;

    /// <summary><c>true</c> caches subject responses (off by default: a regression run should ask the model).</summary>
    public const string SubjectCacheVariable = "BENCHAGENT_SUBJECT_CACHE";

    /// <summary><c>false</c> turns off the judge's response cache (on by default: judging the same answer twice costs money and adds noise).</summary>
    public const string JudgeCacheVariable = "BENCHAGENT_JUDGE_CACHE";

    /// <summary>How many judge calls may be in flight at once (default: the subject's <see cref="ConcurrencyVariable"/>).</summary>
    public const string JudgeConcurrencyVariable = "BENCHAGENT_JUDGE_CONCURRENCY";

    /// <summary>The most subject requests that may start per minute (unset: no limit beyond the concurrency).</summary>
    public const string SubjectRateLimitVariable = "BENCHAGENT_SUBJECT_RATE_LIMIT";

    /// <summary>The most judge requests that may start per minute (unset: no limit beyond the concurrency).</summary>
    public const string JudgeRateLimitVariable = "BENCHAGENT_JUDGE_RATE_LIMIT";

    /// <summary>The subject's sampling temperature, 0 to 2 (unset: the endpoint's default; 0 makes regression runs steadier).</summary>
    public const string SubjectTemperatureVariable = "BENCHAGENT_SUBJECT_TEMPERATURE";

    /// <summary>The most tokens the subject may answer with, 1 to 1000000 (unset: the endpoint's default).</summary>
    public const string SubjectMaxTokensVariable = "BENCHAGENT_SUBJECT_MAX_TOKENS";

    /// <summary>Overrides the folder the response cache is stored in (default <c>obj/benchagent-cache</c> next to <c>TestResults</c>).</summary>
    public const string CacheDirectoryVariable = "BENCHAGENT_CACHE_DIRECTORY";

    private JudgeResolution? _judge;
    private EvaluationScheduler? _evaluationScheduler;

    /// <summary>
    /// Runs one item end to end through the run's schedulers: every repeat's subject answer, its score, and its metrics:
    /// for free-text items with a judge configured the rubric judge's (combined into the score by <see cref="RubricScore"/>),
    /// and for every item the project's own evaluators' (<see cref="BenchmarkEvaluatorAttribute"/>). An error of the
    /// subject or the judge that survived the retries is returned in <see cref="ItemOutcome.Error"/> (fail closed).
    /// </summary>
    /// <param name="testAssembly">The test assembly.</param>
    /// <param name="benchmark">The benchmark.</param>
    /// <param name="item">The item.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The outcome.</returns>
    public async Task<ItemOutcome> EvaluateAsync(Assembly testAssembly, string benchmark, BenchmarkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var scheduler = Scheduler(testAssembly);
        var answers = await scheduler.AskRepeatsAsync(benchmark, item, cancellationToken).ConfigureAwait(false);
        var latency = answers.Aggregate(TimeSpan.Zero, (sum, a) => sum + a.Latency);
        var tokens = TokenCounts.Sum(answers.Select(a => a.Tokens));
        var responses = answers.Select(a => a.Text).ToList();
        if (answers.FirstOrDefault(a => a.Error is not null)?.Error is { } error)
        {
            return new ItemOutcome(responses, null, null, [], error, latency) { Tokens = tokens };
        }

        var scorer = Scorers.For(item.Answer.Type);
        var scores = new List<ItemScore>(answers.Count);
        var metrics = new List<MetricReport>();
        var judgeTokens = new List<TokenCounts?>();
        for (int repeat = 0; repeat < answers.Count; repeat++)
        {
            var score = scorer.Score(item, answers[repeat].Text);
            if (_evaluationScheduler is { } evaluations && evaluations.Evaluates(item))
            {
                try
                {
                    var evaluation = await evaluations.EvaluateAsync(benchmark, item, repeat, answers[repeat].Text, cancellationToken).ConfigureAwait(false);
                    metrics.AddRange(MetricReport.From(repeat, evaluation.Result));
                    judgeTokens.Add(evaluation.JudgeTokens);
                    score = RubricScore.Combine(score, evaluation.Result);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // Fail closed for judge errors too: the item fails with the error and the report counts it apart.
                    var judgeError = ex as ModelCallException ?? new InvalidOperationException($"The judge call failed: {ex.GetType().Name}: {ex.Message}", ex) as Exception;
                    return new ItemOutcome(responses, null, null, metrics, judgeError, latency) { Tokens = tokens, JudgeTokens = TokenCounts.Sum(judgeTokens) };
                }
            }

            scores.Add(score);
        }

        return new ItemOutcome(responses, RepeatSummary.Combine(scores), RepeatSummary.From(scores), metrics, null, latency) { Tokens = tokens, JudgeTokens = TokenCounts.Sum(judgeTokens) };
    }

    private SubjectScheduler Scheduler(Assembly testAssembly)
    {
        lock (_gate)
        {
            var subject = GetSubject(testAssembly);
            if (subject.Client is null)
            {
                throw new InvalidOperationException(subject.Error ?? subject.SkipReason ?? "No subject is configured.");
            }

            if (_scheduler is null)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                var catalog = BenchmarkCatalog.ForAssembly(testAssembly);
                var items = catalog.Benchmarks.SelectMany(b => catalog.Items(b).Select(i => (b, i))).ToList();
                var custom = Evaluators().Evaluators;
                if (_judge?.Client is not null || custom.Count > 0)
                {
                    _evaluationScheduler = new EvaluationScheduler(_judge?.Client, custom, JudgeConcurrency());
                }

                _scheduler = new SubjectScheduler(subject.Client, items, Concurrency(), Repeats(), OnAnswered, SubjectOptions());
            }

            return _scheduler;
        }
    }

    private void OnAnswered(string benchmark, BenchmarkItem item, int repeat, SubjectAnswer answer)
    {
        if (_evaluationScheduler is { } evaluations && answer.Error is null && evaluations.Evaluates(item))
        {
            _ = evaluations.EvaluateAsync(benchmark, item, repeat, answer.Text); // start evaluating now; the item's test awaits it
        }
    }

    // Each setting has one parser returning null when the value is missing or out of range; EvaluationSettingsError
    // reports a value that is set but parses to null, so the accepted range is written once.
    private int JudgeConcurrency() => JudgeConcurrencySetting() ?? Concurrency();

    private int? JudgeConcurrencySetting() =>
        int.TryParse(_environment(JudgeConcurrencyVariable), out int value) && value is >= 1 and <= 1024 ? value : null;

    /// <summary>The subject's sampling options from the environment, or <see langword="null"/> when none is set.</summary>
    private ChatOptions? SubjectOptions()
    {
        var (temperature, maxTokens) = (Temperature(), MaxTokens());
        return temperature is null && maxTokens is null ? null : new ChatOptions { Temperature = temperature, MaxOutputTokens = maxTokens };
    }

    private float? Temperature() =>
        float.TryParse(_environment(SubjectTemperatureVariable), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out float value)
            && value is >= 0 and <= 2 ? value : null;

    private int? MaxTokens() =>
        int.TryParse(_environment(SubjectMaxTokensVariable), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value)
            && value is >= 1 and <= 1_000_000 ? value : null;

    private double? RateLimit(string variable) =>
        double.TryParse(_environment(variable), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double perMinute)
            && double.IsFinite(perMinute) && perMinute is > 0 and <= 1_000_000 ? perMinute : null;

    private int Repeats() => RepeatsSetting() ?? 1;

    private int? RepeatsSetting() =>
        int.TryParse(_environment(RepeatsVariable), out int value) && value is >= 1 and <= MaxRepeats ? value : null;

    /// <summary>Checks the repeat and cache settings; returns the BA message of the first bad one, or null.</summary>
    private string? EvaluationSettingsError()
    {
        if (Evaluators().Error is { } evaluatorError)
        {
            return evaluatorError;
        }

        if (_environment(RepeatsVariable) is { Length: > 0 } repeats && RepeatsSetting() is null)
        {
            return $"{ErrorCodes.InvalidRepeats}: {RepeatsVariable} must be an integer from 1 to {MaxRepeats} (how many times each item is asked); it is '{repeats}'.";
        }

        if (_environment(JudgeConcurrencyVariable) is { Length: > 0 } judgeConcurrency && JudgeConcurrencySetting() is null)
        {
            return $"{ErrorCodes.InvalidJudgeConcurrency}: {JudgeConcurrencyVariable} must be an integer from 1 to 1024 (judge calls in flight at once); it is '{judgeConcurrency}'.";
        }

        if (_environment(SubjectTemperatureVariable) is { Length: > 0 } temperature && Temperature() is null)
        {
            return $"{ErrorCodes.InvalidSampling}: {SubjectTemperatureVariable} must be a number from 0 to 2 (e.g. 0 for steadier regression runs); it is '{temperature}'.";
        }

        if (_environment(SubjectMaxTokensVariable) is { Length: > 0 } maxTokens && MaxTokens() is null)
        {
            return $"{ErrorCodes.InvalidSampling}: {SubjectMaxTokensVariable} must be an integer from 1 to 1000000; it is '{maxTokens}'.";
        }

        foreach (string variable in new[] { SubjectRateLimitVariable, JudgeRateLimitVariable })
        {
            if (_environment(variable) is { Length: > 0 } value && RateLimit(variable) is null)
            {
                return $"{ErrorCodes.InvalidRateLimit}: {variable} must be a positive number of requests per minute, at most 1000000 (e.g. 500); it is '{value}'.";
            }
        }

        foreach (string variable in new[] { SubjectCacheVariable, JudgeCacheVariable })
        {
            if (_environment(variable) is { Length: > 0 } value && !bool.TryParse(value, out _))
            {
                return $"{ErrorCodes.InvalidCacheSwitch}: {variable} must be true or false; it is '{value}'.";
            }
        }

        return null;
    }

    private bool Switch(string variable, bool defaultValue) =>
        bool.TryParse(_environment(variable), out bool value) ? value : defaultValue;

    /// <summary>Wraps a model client with retries and, when switched on, the response cache (cache outermost, so a hit costs no retry).</summary>
    private IChatClient Wrap(IChatClient client, string role, string endpoint, string model, bool cache)
    {
        // Pacing inside the retries (every attempt counts against the limit), the cache outside them.
        if (RateLimit(role == "judge" ? JudgeRateLimitVariable : SubjectRateLimitVariable) is { } perMinute)
        {
            client = new RateLimitingChatClient(client, perMinute);
        }

        IChatClient wrapped = new RetryingChatClient(client, role);
        return cache ? new ResponseCacheChatClient(wrapped, Path.Combine(CacheDirectory(), role), endpoint, model) : wrapped;
    }

    private string CacheDirectory()
    {
        if (_environment(CacheDirectoryVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        // Next to the project's TestResults: <project>/TestResults/benchagent -> <project>/obj/benchagent-cache. The
        // project's folder comes from the build (assembly metadata), not from BENCHAGENT_RESULTS_DIRECTORY, so moving the
        // reports never moves the cache out of the project.
        string? projectResults = _assembly?.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BenchmarkAgent.ResultsDirectory")?.Value;
        if (projectResults is { Length: > 0 } && Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(projectResults))) is { Length: > 0 } project)
        {
            return Path.Combine(project, "obj", "benchagent-cache");
        }

        return Path.Combine(AppContext.BaseDirectory, "benchagent-cache");
    }

    private JudgeResolution ResolveJudge()
    {
        // The judge is opt-in: OPENAI_BASE_URL alone (shared with the subject) does not turn it on.
        if (_environment(ChatClientSettingsReader.VariableName(ModelRole.Judge, "ENDPOINT")) is not { Length: > 0 } &&
            _environment(ChatClientSettingsReader.VariableName(ModelRole.Judge, "MODEL")) is not { Length: > 0 })
        {
            return new JudgeResolution(null, null);
        }

        var settings = new ChatClientSettingsReader(_environment).Read(ModelRole.Judge);
        if (settings.Status != ChatClientSettingsStatus.Configured)
        {
            return new JudgeResolution(null, $"{ErrorCodes.InvalidJudge}: the judge is configured wrongly: {settings.Message}");
        }

        var configured = settings.GetRequiredSettings();
        var client = Wrap(ChatClientFactory.Create(configured), "judge", configured.Endpoint.ToString(), configured.Model, Switch(JudgeCacheVariable, true));
        return new JudgeResolution(client, null);
    }

    private async ValueTask DisposeEvaluationAsync()
    {
        if (_evaluationScheduler is not null)
        {
            await _evaluationScheduler.DisposeAsync().ConfigureAwait(false);
        }

        await DisposeEvaluatorsAsync().ConfigureAwait(false);

        if (_judge?.Client is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    private sealed record JudgeResolution(IChatClient? Client, string? Error);
}
