using System.Reflection;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Models;
using BenchmarkAgent.Testing.Evaluation;
using BenchmarkAgent.Testing.Scoring;
using BenchmarkAgent.Testing.Subjects;
using Microsoft.Extensions.AI;
using BenchmarkAgent.Testing.TestCases;
using BenchmarkAgent.Testing.Results;
using BenchmarkAgent.Items;
using BenchmarkAgent.Testing.Media;

namespace BenchmarkAgent.Testing.Running;

/// <summary>Repeats, retries, response caching and the LLM judge of a run.</summary>
public sealed partial class BenchmarkRun
{
    private IChatClient? _judge;
    private EvaluationScheduler? _evaluationScheduler;
    private (bool Skipped, int Items)? _everyItemSkipped;

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
    internal async Task<ItemOutcome> EvaluateAsync(Assembly testAssembly, string benchmark, BenchmarkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var scheduler = Scheduler(testAssembly);
        var subject = GetSubject(testAssembly);
        if (ModalitySkip.Reason(item, subject.Label, subject.Modalities) is { } skip)
        {
            // Not asked at all: an image the subject cannot take is neither sent without the image nor scored.
            return new ItemOutcome([], null, null, [], null, TimeSpan.Zero) { SkipReason = skip };
        }

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
                // Items the subject cannot take (a modality it does not declare) are skipped, so no call starts for them;
                // a shard calls the subject for its own items only.
                var items = catalog.Benchmarks
                    .SelectMany(b => catalog.Items(b).Where(i => ItemModalities.Missing(i, subject.Modalities) == InputModalities.TextOnly).Select(i => (b, i)))
                    .Where(x => _settings.Shard?.Contains(x.b, x.i.Id) ?? true)
                    .ToList();
                IReadOnlyList<AIContent> Media(string benchmark, BenchmarkItem item) => MediaParts.Read(catalog.Location(benchmark)?.SnapshotDirectory, item);
                var custom = Evaluators().Evaluators;
                if (_judge is not null || custom.Count > 0)
                {
                    _evaluationScheduler = new EvaluationScheduler(_judge, custom, _settings.JudgeConcurrency)
                    {
                        Media = Media,
                        JudgeModalities = _settings.JudgeModalities,
                    };
                }

                _scheduler = new SubjectScheduler(subject.Client, items, _settings.SubjectConcurrency, _settings.Repeats, OnAnswered, _settings.SubjectOptions(), Media);
            }

            return _scheduler;
        }
    }

    /// <summary>
    /// Whether every item of the test assembly needs a modality the subject does not declare (and there is at least one
    /// item): such a run evaluates nothing, which fails under <c>CI=true</c> (<see cref="ErrorCodes.EveryItemNeedsUndeclaredModality"/>).
    /// </summary>
    /// <param name="testAssembly">The test assembly.</param>
    /// <param name="items">How many items the run has.</param>
    internal bool EveryItemSkippedForModality(Assembly testAssembly, out int items)
    {
        // Computed once per run: every skipped item test asks, and a run can have 50,000 of them.
        var subject = GetSubject(testAssembly);
        lock (_gate)
        {
            _everyItemSkipped ??= Count(BenchmarkCatalog.ForAssembly(testAssembly), subject.Modalities);
            items = _everyItemSkipped.Value.Items;
            return _everyItemSkipped.Value.Skipped;
        }

        static (bool Skipped, int Items) Count(BenchmarkCatalog catalog, InputModalities declared)
        {
            var all = catalog.Benchmarks.SelectMany(catalog.Items).ToList();
            return (all.Count > 0 && all.All(i => ItemModalities.Missing(i, declared) != InputModalities.TextOnly), all.Count);
        }
    }

    private void OnAnswered(string benchmark, BenchmarkItem item, int repeat, SubjectAnswer answer)
    {
        if (_evaluationScheduler is { } evaluations && answer.Error is null && evaluations.Evaluates(item))
        {
            _ = evaluations.EvaluateAsync(benchmark, item, repeat, answer.Text); // start evaluating now; the item's test awaits it
        }
    }

    /// <summary>What the model layer composes around a role's client: its rate limit, the response cache (folder or Redis) when switched on, and in batch mode the role's provider batch (which turns the cache on).</summary>
    /// <param name="role">The role.</param>
    /// <param name="settings">The role's endpoint settings when it is configured from the environment (a provider batch needs them), else <see langword="null"/>.</param>
    private ModelPipelineOptions PipelineOptions(ModelRole role, ModelRoleSettings? settings = null)
    {
        var batch = settings is null ? null : BatchSessionFor(settings);
        bool cached = batch is not null || (role == ModelRole.Judge ? _settings.JudgeCache : _settings.SubjectCache); // batch answers land in the cache
        return new ModelPipelineOptions
        {
            RequestsPerMinute = role == ModelRole.Judge ? _settings.JudgeRequestsPerMinute : _settings.SubjectRequestsPerMinute,
            CacheDirectory = cached ? CacheDirectory() : null,
            RedisCache = cached ? _settings.RedisCache : null,
            Warn = ModelLayerWarnings.Report,
            Batch = batch,
        };
    }

    private string CacheDirectory() => ProjectObjFolder("benchagent-cache", _settings.CacheDirectory);

    private string ProjectObjFolder(string name, string? fromEnvironment)
    {
        if (fromEnvironment is not null)
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
            return Path.Combine(project, "obj", name);
        }

        return Path.Combine(AppContext.BaseDirectory, name);
    }

    private async ValueTask DisposeEvaluationAsync()
    {
        if (_evaluationScheduler is not null)
        {
            await _evaluationScheduler.DisposeAsync().ConfigureAwait(false);
        }

        await DisposeEvaluatorsAsync().ConfigureAwait(false);

        _judge?.Dispose();
    }
}
