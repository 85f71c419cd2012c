using System.Collections.Concurrent;
using System.Reflection;
using BenchmarkAgent.Models;
using BenchmarkAgent.Testing.Baselines;
using BenchmarkAgent.Testing.Reports;
using BenchmarkAgent.Testing.Results;
using BenchmarkAgent.Testing.Settings;
using BenchmarkAgent.Testing.Subjects;
using BenchmarkAgent.Testing.TestCases;
using Microsoft.Extensions.AI;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Testing.Running;

/// <summary>
/// One test run over the benchmarks of a test assembly, registered as an xUnit assembly fixture. It only orchestrates:
/// settings (<see cref="RunSettings"/>, read once) -> model pipelines (<see cref="ModelClientFactory"/>) -> schedulers ->
/// reports when the run ends.
/// </summary>
/// <remarks>
/// Subject calls are made only once a benchmark test is about to run, never because the fixture exists: the fixture
/// resolves the subject (no network) in the background when the run starts, the calls start when xUnit enumerates a
/// benchmark theory's rows to run them (<see cref="StartCalls"/>), or at the latest when the first item asks.
/// </remarks>
public sealed partial class BenchmarkRun : Xunit.IAsyncLifetime
{
    private readonly ConcurrentQueue<ItemResult> _results = new();
    private readonly ConcurrentDictionary<string, GateResult> _gates = new(StringComparer.Ordinal);
    private readonly RunSettings _settings;
    private readonly object _gate = new();
    private volatile bool _disposed;
    private SubjectResolution? _subject;
    private SubjectScheduler? _scheduler;
    private Assembly? _assembly;
    private Task _background = Task.CompletedTask;

    /// <summary>The most answer characters stored in reports and printed (<c>BENCHAGENT_MAX_ANSWER_CHARS</c>).</summary>
    internal int MaxAnswerChars => _settings.MaxAnswerChars;

    /// <summary>Creates a run that reads the process environment.</summary>
    public BenchmarkRun()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>Creates a run over an environment lookup (for tests).</summary>
    internal BenchmarkRun(Func<string, string?> environment)
    {
        _settings = RunSettingsReader.Read(environment);
        Baselines = new BaselineStore(environment);
        EmptyRuns = EmptyRunPolicy.Read(environment);
    }

    /// <summary>Whether a run that evaluates nothing fails (under <c>CI=true</c>, unless opted out), read once.</summary>
    internal EmptyRunPolicy EmptyRuns { get; }

    /// <summary>The run's regression baselines (item verdicts, benchmark gates, record mode).</summary>
    internal BaselineStore Baselines { get; }

    /// <summary>The results recorded so far.</summary>
    internal IReadOnlyCollection<ItemResult> Results => _results;

    /// <summary>Returns the subject for the test assembly, resolving it on first use.</summary>
    internal SubjectResolution GetSubject(Assembly testAssembly)
    {
        lock (_gate)
        {
            _assembly ??= testAssembly;
            return _subject ??= ResolveSubject(testAssembly);
        }
    }

    /// <summary>
    /// Asks the subject about one item through the run's scheduler, which pipelines the calls of every
    /// item of <paramref name="testAssembly"/> with bounded concurrency.
    /// </summary>
    internal Task<SubjectAnswer> AskAsync(Assembly testAssembly, string benchmark, BenchmarkAgent.Items.BenchmarkItem item, CancellationToken cancellationToken = default) =>
        Scheduler(testAssembly).AskAsync(benchmark, item, cancellationToken);

    /// <summary>
    /// Resolves the subject and prepares the scheduler in the background when xUnit starts the run, so the client's
    /// creation overlaps with xUnit's own start-up. Makes no call to the subject. A failure is left for the first item
    /// test to report.
    /// </summary>
    /// <returns>A completed task: the work continues in the background.</returns>
    public ValueTask InitializeAsync()
    {
        if (Xunit.TestContext.Current.TestAssembly is Xunit.v3.IXunitTestAssembly { Assembly: { } testAssembly })
        {
            InBackground(testAssembly, static _ => { });
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Starts every subject call of the run in the background, before the first item asks, when a subject is
    /// configured; does nothing otherwise. Called when xUnit enumerates a benchmark theory's rows to run them, so
    /// the client's start-up and the first calls overlap with xUnit's own work before the first row.
    /// </summary>
    /// <param name="testAssembly">The test assembly that declares the benchmarks.</param>
    internal void StartCalls(Assembly testAssembly)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        InBackground(testAssembly, static scheduler => scheduler.StartLookAhead());
    }

    /// <summary>
    /// Completes when every background start begun so far has finished: the subject is resolved and, when there is
    /// one, the scheduler has started its calls. A signal for tests, which must not sleep and hope.
    /// </summary>
    internal Task BackgroundStarts
    {
        get
        {
            lock (_gate)
            {
                return _background;
            }
        }
    }

    /// <summary>Resolves the subject and, when there is one, hands the run's scheduler to <paramref name="then"/>, on the thread pool.</summary>
    private void InBackground(Assembly testAssembly, Action<SubjectScheduler> then)
    {
        if (Merging)
        {
            return; // a merge run reads shard files: it never calls the subject, even when one is configured
        }

        var started = Task.Run(() =>
        {
            try
            {
                if (!_disposed && GetSubject(testAssembly).Client is not null)
                {
                    then(Scheduler(testAssembly));
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Nothing is lost: the first item test resolves the subject again and fails with this error (or the run ended).
            }
        });
        lock (_gate)
        {
            _background = Task.WhenAll(_background, started);
        }
    }

    /// <summary>Records the result of one item (for the report and the gate); the schedulers then drop its answers.</summary>
    internal void Record(ItemResult result)
    {
        _results.Enqueue(result);
        Remember(result);
    }

    /// <summary>Records the gate of one benchmark, for the report.</summary>
    internal void RecordGate(GateResult gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        _gates[gate.Benchmark] = gate;
    }

    /// <summary>Writes the reports (JSON and Markdown; Markdown also to <c>GITHUB_STEP_SUMMARY</c> when set).</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _disposed = true; // no scheduler is created after this (a background start that lost the race does nothing)
        }

        // A shard always leaves its shard file (even with no item of its own), so the merge can tell it ran.
        var shard = _assembly is null ? null : _settings.Shard;
        if ((!_results.IsEmpty || !_gates.IsEmpty || shard is not null) && ResultsDirectory() is { } directory)
        {
            var results = _results.ToList();
            // report.html embeds the items' media from the snapshot folders next to the test assembly (read when written).
            var catalog = _assembly is { } assembly && results.Any(r => r.Media is not null) ? BenchmarkCatalog.ForAssembly(assembly) : null;
            var report = RunReport.Create(results) with
            {
                Baselines = BaselineSummary.Create(results, _gates.Values),
                MediaFiles = catalog is null ? null : new ReportMediaFiles(benchmark => catalog.Location(benchmark)?.SnapshotDirectory),
            };
            // Each run its own folder (runs/<time>-<pid>-<random>/), then the top-level copies and the 'latest' pointer.
            string runDirectory = await RunFolders.WriteAsync(report, directory, _settings.GitHubStepSummary, DateTimeOffset.UtcNow).ConfigureAwait(false);
            if (shard is not null)
            {
                WriteShardFile(runDirectory, shard, results);
            }
        }

        if (_scheduler is not null)
        {
            await _scheduler.DisposeAsync().ConfigureAwait(false);
        }

        await DisposeEvaluationAsync().ConfigureAwait(false);
        await SubmitBatchesAsync().ConfigureAwait(false);

        if (_subject?.Client is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    private string? ResultsDirectory()
    {
        if (_settings.ResultsDirectory is { } fromEnvironment)
        {
            return fromEnvironment;
        }

        return _assembly?.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BenchmarkAgent.ResultsDirectory")?.Value
            ?? Path.Combine(AppContext.BaseDirectory, "TestResults", "benchagent");
    }

    private SubjectResolution ResolveSubject(Assembly testAssembly)
    {
        if (_settings.Errors.Count > 0)
        {
            return new SubjectResolution(null, "(invalid)", null, _settings.Errors[0].Text);
        }

        if (Evaluators().Error is { } evaluatorError)
        {
            return new SubjectResolution(null, "(invalid)", null, evaluatorError);
        }

        _judge = _settings.Judge is { } judge ? ModelClientFactory.Create(judge, PipelineOptions(ModelRole.Judge, judge)) : null;

        if (testAssembly.GetCustomAttribute<BenchmarkSubjectAttribute>() is { } attribute)
        {
            if (Activator.CreateInstance(attribute.FactoryType) is not IBenchmarkSubjectFactory factory)
            {
                return new SubjectResolution(null, "(invalid)", null,
                    $"{ErrorCodes.InvalidSubjectFactory}: {attribute.FactoryType.FullName} named by [assembly: BenchmarkSubject] must implement IBenchmarkSubjectFactory and have a public parameterless constructor.");
            }

            var client = factory.CreateSubject();
            string label = "code:" + attribute.FactoryType.Name;
            string identity = client.GetService(typeof(ChatClientMetadata)) is ChatClientMetadata metadata ? $"{metadata.ProviderUri}|{metadata.DefaultModelId}" : string.Empty;
            return new SubjectResolution(ModelClientFactory.Compose(client, ModelRole.Subject, label, identity, PipelineOptions(ModelRole.Subject)), label, null, null)
            {
                Modalities = _settings.SubjectModalities ?? attribute.Modalities,
            };
        }

        var subject = _settings.Subject;
        return subject.Status switch
        {
            ModelRoleSettingsStatus.Configured => new SubjectResolution(
                ModelClientFactory.Create(subject.GetRequiredSettings(), PipelineOptions(ModelRole.Subject, subject.GetRequiredSettings())), subject.GetRequiredSettings().Model, null, null)
            {
                Modalities = _settings.SubjectModalities ?? InputModalities.TextOnly,
            },
            // The baseline guesses without looking at the input, so it gives a chance-level floor for media items too.
            ModelRoleSettingsStatus.Baseline => new SubjectResolution(new RandomGuessSubject(_settings.BaselineSeed), RandomGuessSubject.ModelId, null, null)
            {
                Modalities = _settings.SubjectModalities ?? (InputModalities.Image | InputModalities.Audio),
            },
            ModelRoleSettingsStatus.NotConfigured => new SubjectResolution(null, "(none)", subject.Message, null),
            _ => new SubjectResolution(null, "(invalid)", null, subject.Message),
        };
    }
}
