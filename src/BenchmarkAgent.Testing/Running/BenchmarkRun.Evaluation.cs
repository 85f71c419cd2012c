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

namespace BenchmarkAgent.Testing.Running;

/// <summary>Repeats, retries, response caching and the LLM judge of a run.</summary>
public sealed partial class BenchmarkRun
{
    private IChatClient? _judge;
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
    internal async Task<ItemOutcome> EvaluateAsync(Assembly testAssembly, string benchmark, BenchmarkItem item, CancellationToken cancellationToken = default)
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
                var items = catalog.Benchmarks.SelectMany(b => catalog.Items(b).Select(i => (b, i)))
                    .Where(x => _settings.Shard?.Contains(x.b, x.i.Id) ?? true) // a shard calls the subject for its own items only
                    .ToList();
                var custom = Evaluators().Evaluators;
                if (_judge is not null || custom.Count > 0)
                {
                    _evaluationScheduler = new EvaluationScheduler(_judge, custom, _settings.JudgeConcurrency);
                }

                _scheduler = new SubjectScheduler(subject.Client, items, _settings.SubjectConcurrency, _settings.Repeats, OnAnswered, _settings.SubjectOptions());
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

    /// <summary>What the model layer composes around a role's client: its rate limit and, when switched on, the response cache.</summary>
    private ModelPipelineOptions PipelineOptions(ModelRole role) => role == ModelRole.Judge
        ? new ModelPipelineOptions { RequestsPerMinute = _settings.JudgeRequestsPerMinute, CacheDirectory = _settings.JudgeCache ? CacheDirectory() : null }
        : new ModelPipelineOptions { RequestsPerMinute = _settings.SubjectRequestsPerMinute, CacheDirectory = _settings.SubjectCache ? CacheDirectory() : null };

    private string CacheDirectory()
    {
        if (_settings.CacheDirectory is { } fromEnvironment)
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
