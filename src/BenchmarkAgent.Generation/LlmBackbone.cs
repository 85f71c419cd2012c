using System.Globalization;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Generation.Budgets;
using BenchmarkAgent.Generation.Calls;
using BenchmarkAgent.Generation.Execution;
using BenchmarkAgent.Generation.Planning;
using BenchmarkAgent.Generation.Prompts;
using BenchmarkAgent.Items;
using BenchmarkAgent.Models;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;
using BenchmarkAgent.Verification;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Generation;

/// <summary>
/// The LLM backbone (<c>llm:&lt;model&gt;</c>): the paper's planner, executor and verifier on the generator role's
/// <see cref="IChatClient"/> (compose it with <see cref="ModelClientFactory"/> so retries, <c>Retry-After</c>, the
/// response cache and token accounting apply). The offline families, dataset transformations and checkers are its tools.
/// Keeps the snapshot rules of every backbone: reconcile with the snapshot on disk (<see cref="SnapshotReconciler"/>),
/// resume from the journal without repeating a finished sample's calls, and verify every item.
/// </summary>
internal sealed class LlmBackbone : IGenerationBackbone
{
    private readonly LlmBackboneOptions _options;
    private readonly CompositeVerifier _verifier;
    private readonly BudgetMeter _meter;
    private readonly GeneratorCaller _caller;
    private readonly LlmPlanner _planner;
    private readonly SampleExecutor _executor;
    private GenerationRun? _run;

    /// <summary>Creates the backbone.</summary>
    /// <param name="client">The generator role's composed client.</param>
    /// <param name="model">The generator model's name (the backbone is <c>llm:&lt;model&gt;</c>).</param>
    /// <param name="options">The knobs; null for the defaults.</param>
    /// <exception cref="ArgumentException">The options are out of range (the message starts with <c>BA0503</c>).</exception>
    public LlmBackbone(IChatClient client, string model, LlmBackboneOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        _options = options ?? new LlmBackboneOptions();
        if (_options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _verifier = CompositeVerifier.Default;
        _meter = new BudgetMeter(_options.Budget, client.GetService<UsageAccountingChatClient>(), _options.TimeProvider);
        _caller = new GeneratorCaller(client, _meter, _options.StepAttempts, () => _run?.Accepted ?? []);
        Name = new LlmSource(model).ToString();
        _planner = new LlmPlanner(_caller, _options, model);
        _executor = new SampleExecutor(_caller, _options, _verifier.CheckNames);
    }

    /// <summary>16 hex digits over every stage prompt; part of the input fingerprint of LLM-generated snapshots.</summary>
    public static string PromptHash => PromptSet.Hash;

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>
    /// What this backbone adds to the input fingerprint (<c>InputFingerprint.Compute(request, backbone: ...)</c>): its
    /// name and the prompt hash, so another generator model or an edited prompt makes the snapshot stale.
    /// </summary>
    public string FingerprintInputs => $"{Name};prompts={PromptHash}";

    /// <summary>Endpoint requests this backbone has made so far (cache hits are free).</summary>
    public long Requests => _meter.Requests;

    /// <summary>Tokens (input plus output) the endpoint reported for this backbone's requests so far.</summary>
    public long Tokens => _meter.Tokens;

    /// <inheritdoc />
    public ValueTask<BenchmarkPlan> PlanAsync(BenchmarkRequest request, CancellationToken cancellationToken = default) =>
        _planner.PlanAsync(request, null, cancellationToken);

    /// <summary>Plans <paramref name="request"/>, reporting each planning stage to <paramref name="progress"/>.</summary>
    public ValueTask<BenchmarkPlan> PlanAsync(BenchmarkRequest request, IProgress<GenerationProgress>? progress, CancellationToken cancellationToken = default) =>
        _planner.PlanAsync(request, progress, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="LlmGenerationException">A generator call failed for good (<c>BA0500</c>).</exception>
    /// <exception cref="GenerationBudgetExceededException">The budget is spent (<c>BA0502</c>); carries the items finished so far.</exception>
    /// <exception cref="QuotaShortfallException">A position could not be filled (<c>BA0301</c>).</exception>
    public async ValueTask<BenchmarkSnapshot> GenerateAsync(
        BenchmarkPlan plan,
        string fingerprint,
        ExistingSnapshot? existing,
        double refreshFraction,
        IItemJournal? journal,
        IProgress<GenerationProgress>? progress,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(fingerprint);
        if (existing is not null)
        {
            new SnapshotGenerator(_options.Families, _verifier).CheckEdits(existing);
        }

        var old = existing?.Items.Items ?? [];
        int generation = existing?.Plan.Generation ?? 0;
        var history = existing?.Plan.History ?? [];
        IReadOnlySet<string>? rotate = null;
        if (refreshFraction > 0 && old.Count > 0)
        {
            generation++;
            rotate = RefreshRotation.Choose(plan, old, refreshFraction, generation);
        }

        var run = new GenerationRun(_verifier, journal, old);
        _run = run;
        int total = plan.Request.Quota;
        int done = 0;
        async ValueTask<PositionResult> Realise(PlannedSubtask subtask, int index, int g, CancellationToken token)
        {
            var result = await _executor.RealiseAsync(plan, subtask, index, g, run, token).ConfigureAwait(false);
            if (result.Item is not null)
            {
                progress?.Report(new GenerationProgress(
                    plan.Request.Name,
                    "generate",
                    Interlocked.Increment(ref done),
                    total,
                    string.Create(CultureInfo.InvariantCulture, $"{Requests} requests, {Tokens} tokens so far")));
            }

            return result;
        }

        var reconciled = await SnapshotReconciler.ReconcileAsync(
            plan, old, generation, Realise, item => SnapshotGenerator.IsCurrent(plan, item), rotate, _options.Concurrency, cancellationToken).ConfigureAwait(false);
        if (rotate is not null)
        {
            history = [.. history, RefreshRotation.Record(plan.Request.Seed, generation, refreshFraction, reconciled.Items)];
        }

        var reports = existing is null
            ? reconciled.Reports
            : reconciled.Reports.Select(r => SnapshotGenerator.WithEarlierRejections(r, existing.Plan)).ToList();
        progress?.Report(new GenerationProgress(plan.Request.Name, "done", total, total, string.Create(CultureInfo.InvariantCulture, $"{Requests} requests, {Tokens} tokens")));
        return new BenchmarkSnapshot(plan, reports, fingerprint, reconciled.Items)
        {
            Generation = generation,
            History = history,
            MediaFiles = run.Media,
        };
    }
}
