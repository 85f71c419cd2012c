using System.Collections.Concurrent;
using System.Reflection;
using BenchmarkAgent.Testing.Baselines;
using BenchmarkAgent.Testing.Reports;
using BenchmarkAgent.Testing.Subjects;
using Microsoft.Extensions.AI;
using BenchmarkAgent.Testing.Results;

namespace BenchmarkAgent.Testing.Running;

/// <summary>
/// One test run over the benchmarks of a test assembly: resolves the subject once, collects every item
/// result, and writes the reports when the run ends. Registered as an xUnit assembly fixture.
/// </summary>
/// <remarks>
/// Subject calls are made only once a benchmark test is about to run, never because the fixture exists: the fixture
/// resolves the subject (no network) in the background when the run starts, the calls start when xUnit enumerates a
/// benchmark theory's rows to run them (<see cref="StartCalls"/>), or at the latest when the first item asks.
/// </remarks>
public sealed partial class BenchmarkRun : Xunit.IAsyncLifetime
{
    /// <summary>Overrides the folder reports are written to.</summary>
    public const string ResultsDirectoryVariable = "BENCHAGENT_RESULTS_DIRECTORY";

    /// <summary>The seed of the random-guess baseline subject.</summary>
    public const string BaselineSeedVariable = "BENCHAGENT_SUBJECT_SEED";

    /// <summary>How many subject calls may be in flight at once (default <see cref="DefaultConcurrency"/>).</summary>
    public const string ConcurrencyVariable = "BENCHAGENT_SUBJECT_CONCURRENCY";

    /// <summary>The default number of subject calls in flight.</summary>
    public const int DefaultConcurrency = 8;

    private readonly ConcurrentQueue<ItemResult> _results = new();
    private readonly ConcurrentDictionary<string, GateResult> _gates = new(StringComparer.Ordinal);
    private readonly Func<string, string?> _environment;
    private readonly object _gate = new();
    private volatile bool _disposed;
    private SubjectResolution? _subject;
    private SubjectScheduler? _scheduler;
    private Assembly? _assembly;
    private Task _background = Task.CompletedTask;

    /// <summary>Creates a run that reads the process environment.</summary>
    public BenchmarkRun()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>Creates a run over an environment lookup (for tests).</summary>
    internal BenchmarkRun(Func<string, string?> environment)
    {
        _environment = environment;
        Baselines = new BaselineStore(environment);
    }

    /// <summary>The run's regression baselines (item verdicts, benchmark gates, record mode).</summary>
    public BaselineStore Baselines { get; }

    /// <summary>The results recorded so far.</summary>
    public IReadOnlyCollection<ItemResult> Results => _results;

    /// <summary>Returns the subject for the test assembly, resolving it on first use.</summary>
    public SubjectResolution GetSubject(Assembly testAssembly)
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
    public Task<SubjectAnswer> AskAsync(Assembly testAssembly, string benchmark, BenchmarkAgent.Execution.BenchmarkItem item, CancellationToken cancellationToken = default) =>
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
    public void StartCalls(Assembly testAssembly)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        InBackground(testAssembly, static scheduler => scheduler.StartAll());
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

    /// <summary>Records the result of one item.</summary>
    public void Record(ItemResult result) => _results.Enqueue(result);

    /// <summary>Records the gate of one benchmark, for the report.</summary>
    public void RecordGate(GateResult gate)
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

        if ((!_results.IsEmpty || !_gates.IsEmpty) && ResultsDirectory() is { } directory)
        {
            var results = _results.ToList();
            var report = RunReport.Create(results) with { Baselines = BaselineSummary.Create(results, _gates.Values) };
            await ReportWriter.WriteAsync(report, directory, _environment("GITHUB_STEP_SUMMARY")).ConfigureAwait(false);
        }

        if (_scheduler is not null)
        {
            await _scheduler.DisposeAsync().ConfigureAwait(false);
        }

        await DisposeEvaluationAsync().ConfigureAwait(false);

        if (_subject?.Client is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    private string? ResultsDirectory()
    {
        if (_environment(ResultsDirectoryVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        return _assembly?.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BenchmarkAgent.ResultsDirectory")?.Value
            ?? Path.Combine(AppContext.BaseDirectory, "TestResults", "benchagent");
    }

    private int Concurrency() =>
        int.TryParse(_environment(ConcurrencyVariable), out int value) && value >= 1 ? value : DefaultConcurrency;

    private SubjectResolution ResolveSubject(Assembly testAssembly)
    {
        if (_environment(ConcurrencyVariable) is { Length: > 0 } concurrency && (!int.TryParse(concurrency, out int inFlight) || inFlight < 1 || inFlight > 1024))
        {
            return new SubjectResolution(null, "(invalid)", null,
                $"{ErrorCodes.InvalidSubjectConcurrency}: {ConcurrencyVariable} must be an integer from 1 to 1024 (calls in flight at once); it is '{concurrency}'.");
        }

        if (EvaluationSettingsError() is { } settingsError)
        {
            return new SubjectResolution(null, "(invalid)", null, settingsError);
        }

        _judge = ResolveJudge();
        if (_judge.Error is not null)
        {
            return new SubjectResolution(null, "(invalid)", null, _judge.Error);
        }

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
            return new SubjectResolution(Wrap(client, "subject", label, identity, Switch(SubjectCacheVariable, false)), label, null, null);
        }

        var settings = new ChatClientSettingsReader(_environment).Read(ModelRole.Subject);
        switch (settings.Status)
        {
            case ChatClientSettingsStatus.Configured:
                var configured = settings.GetRequiredSettings();
                var modelClient = ChatClientFactory.Create(configured);
                return new SubjectResolution(Wrap(modelClient, "subject", configured.Endpoint.ToString(), configured.Model, Switch(SubjectCacheVariable, false)), configured.Model, null, null);
            case ChatClientSettingsStatus.Baseline:
                ulong seed = ulong.TryParse(_environment(BaselineSeedVariable), out ulong parsed) ? parsed : 0;
                return new SubjectResolution(ChatClientFactory.Create(settings, seed), RandomGuessSubject.ModelId, null, null);
            case ChatClientSettingsStatus.NotConfigured:
                return new SubjectResolution(null, "(none)", settings.Message, null);
            default:
                return new SubjectResolution(null, "(invalid)", null, settings.Message);
        }
    }
}
