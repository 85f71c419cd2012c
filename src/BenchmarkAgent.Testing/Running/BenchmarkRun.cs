using System.Collections.Concurrent;
using System.Reflection;
using BenchmarkAgent.Testing.Reports;
using BenchmarkAgent.Testing.Subjects;

namespace BenchmarkAgent.Testing.Running;

/// <summary>
/// One test run over the benchmarks of a test assembly: resolves the subject once, collects every item
/// result, and writes the reports when the run ends. Registered as an xUnit assembly fixture.
/// </summary>
public sealed class BenchmarkRun : IAsyncDisposable
{
    /// <summary>Overrides the folder reports are written to.</summary>
    public const string ResultsDirectoryVariable = "BENCHAGENT_RESULTS_DIRECTORY";

    /// <summary>The seed of the random-guess baseline subject.</summary>
    public const string BaselineSeedVariable = "BENCHAGENT_SUBJECT_SEED";

    private readonly ConcurrentQueue<ItemResult> _results = new();
    private readonly Func<string, string?> _environment;
    private readonly object _gate = new();
    private SubjectResolution? _subject;
    private Assembly? _assembly;

    /// <summary>Creates a run that reads the process environment.</summary>
    public BenchmarkRun()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>Creates a run over an environment lookup (for tests).</summary>
    internal BenchmarkRun(Func<string, string?> environment) => _environment = environment;

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

    /// <summary>Records the result of one item.</summary>
    public void Record(ItemResult result) => _results.Enqueue(result);

    /// <summary>Writes the reports (JSON and Markdown; Markdown also to <c>GITHUB_STEP_SUMMARY</c> when set).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_results.IsEmpty && ResultsDirectory() is { } directory)
        {
            var report = RunReport.Create(_results.ToList());
            await ReportWriter.WriteAsync(report, directory, _environment("GITHUB_STEP_SUMMARY")).ConfigureAwait(false);
        }

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

    private SubjectResolution ResolveSubject(Assembly testAssembly)
    {
        if (testAssembly.GetCustomAttribute<BenchmarkSubjectAttribute>() is { } attribute)
        {
            if (Activator.CreateInstance(attribute.FactoryType) is not IBenchmarkSubjectFactory factory)
            {
                return new SubjectResolution(null, "(invalid)", null,
                    $"BA2005: {attribute.FactoryType.FullName} named by [assembly: BenchmarkSubject] must implement IBenchmarkSubjectFactory and have a public parameterless constructor.");
            }

            var client = factory.CreateSubject();
            return new SubjectResolution(client, "code:" + attribute.FactoryType.Name, null, null);
        }

        var settings = new ChatClientSettingsReader(_environment).Read(ModelRole.Subject);
        switch (settings.Status)
        {
            case ChatClientSettingsStatus.Configured:
                var configured = settings.GetRequiredSettings();
                return new SubjectResolution(ChatClientFactory.Create(settings), configured.Model, null, null);
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
