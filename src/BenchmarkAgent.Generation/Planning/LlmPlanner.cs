using System.Globalization;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Generation.Calls;
using BenchmarkAgent.Generation.Grounding;
using BenchmarkAgent.Grounding;
using BenchmarkAgent.Planning;

namespace BenchmarkAgent.Generation.Planning;

/// <summary>
/// The Benchmark Planner on the generator role: scope, design, grounding (with bounded feedback rounds back to design),
/// and allocation. Every decision and its rationale goes into <see cref="BenchmarkPlan.Decisions"/> and the subtasks'
/// rationales. Subtasks no card fits are written by the model itself (<see cref="LlmSource"/>).
/// </summary>
internal sealed class LlmPlanner
{
    private readonly LlmBackboneOptions _options;
    private readonly string _backbone;
    private readonly LlmSource _llmSource;
    private readonly ScopeStage _scope;
    private readonly DesignStage _design;
    private readonly GroundingStage _grounding;
    private readonly AllocationStage _allocation;

    /// <summary>Creates the planner.</summary>
    /// <param name="caller">The structured caller of the generator role.</param>
    /// <param name="options">The backbone's options.</param>
    /// <param name="model">The generator model's name.</param>
    public LlmPlanner(GeneratorCaller caller, LlmBackboneOptions options, string model)
    {
        _options = options;
        _llmSource = new LlmSource(model);
        _backbone = _llmSource.ToString();
        _scope = new ScopeStage(caller);
        _design = new DesignStage(caller);
        _grounding = new GroundingStage(caller, options.Retriever ?? new LexicalCardRetriever(), options);
        _allocation = new AllocationStage(caller);
    }

    /// <summary>Plans <paramref name="request"/>.</summary>
    /// <exception cref="LlmGenerationException">A stage failed (<c>BA0500</c>, <c>BA0501</c>, <c>BA0504</c>).</exception>
    /// <exception cref="DatasetFormatException">A registered dataset cannot be read.</exception>
    /// <exception cref="UncoveredQueryException">The query asks for images or audio and nothing carries them (BA0310).</exception>
    public async ValueTask<BenchmarkPlan> PlanAsync(BenchmarkRequest request, IProgress<GenerationProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var decisions = new List<string>();
        var datasets = request.Datasets.Select(path => DatasetReader.Read(path, request.MediaBudget)).ToList();

        // The media rule of every planner: a media query grounds only in cards that carry its modality (and fails with
        // BA0310 naming it when none does); a text query never grounds in a media family.
        var modality = QueryModality.Detect(request.Query);
        var families = MediaPlanning.FamiliesFor(modality, _options.Families);
        if (modality.Count > 0)
        {
            datasets = datasets.Where(d => d.Card.MediaKinds.Any(k => modality.Any(m => m.Kind == k))).ToList();
            MediaPlanning.RequireCandidates(modality, families, datasets);
            decisions.Add($"modality: {MediaPlanning.Describe(modality)}; only its {families.Count} media task families and {datasets.Count} media datasets are grounding candidates.");
        }

        var pool = CardPool.Build(families, datasets);

        Report(progress, request, 1, "scope");
        var scope = await _scope.RunAsync(request, cancellationToken).ConfigureAwait(false);
        decisions.Add($"scope: topic '{scope.Topic}'; modalities {List(scope.Modalities)}; keywords {List(scope.Keywords)}.");

        Report(progress, request, 2, "design");
        var designs = await _design.RunAsync(request, scope, [], [], cancellationToken).ConfigureAwait(false);
        decisions.Add($"design round 1: {string.Join("; ", designs.Select(Describe))}.");
        var verdicts = new Dictionary<string, GroundingVerdict>(StringComparer.Ordinal);
        var assessed = new Dictionary<string, GroundingVerdict>(StringComparer.Ordinal);
        for (int round = 1; ; round++)
        {
            Report(progress, request, 3, "grounding");
            int share = Math.Max(1, request.Quota / designs.Count);
            foreach (var design in designs)
            {
                string key = Key(design);
                if (!assessed.TryGetValue(key, out var verdict))
                {
                    verdict = await _grounding.RunAsync(design, scope, pool, share, cancellationToken).ConfigureAwait(false);
                    assessed[key] = verdict;
                    decisions.AddRange(verdict.Rejections.Select(r => $"grounding round {round}, {r}."));
                    if (verdict.Card is not null)
                    {
                        decisions.Add($"grounding round {round}, {design.Name}: {verdict.Score!.Rationale}.");
                    }
                }

                verdicts[design.Name] = verdict;
            }

            var rejected = designs.Where(d => verdicts[d.Name].Card is null).ToList();
            bool assessedAny = rejected.Any(d => verdicts[d.Name].Rejections.Any(r => r.Contains("rejected", StringComparison.Ordinal)));
            if (rejected.Count == 0 || round > _options.MaxDesignRounds || !assessedAny)
            {
                break;
            }

            var feedback = rejected.SelectMany(d => verdicts[d.Name].Rejections).ToList();
            Report(progress, request, 2, "design");
            designs = await _design.RunAsync(request, scope, designs, feedback, cancellationToken).ConfigureAwait(false);
            decisions.Add($"design round {round + 1} (after {feedback.Count} rejected groundings): {string.Join("; ", designs.Select(Describe))}.");
            if (designs.All(d => assessed.ContainsKey(Key(d))))
            {
                // The revision changed nothing that grounding has not judged already: another round would repeat it.
                foreach (var design in designs)
                {
                    verdicts[design.Name] = assessed[Key(design)];
                }

                break;
            }
        }

        if (modality.Count > 0)
        {
            // A media subtask no media card grounds would be written by the generator as text: drop it instead.
            foreach (var design in designs.Where(d => verdicts[d.Name].Card is null))
            {
                decisions.Add($"grounding, {design.Name}: dropped: the query asks for media and no media card fits it; this backbone does not write media.");
            }

            designs = designs.Where(d => verdicts[d.Name].Card is not null).ToList();
            if (designs.Count == 0)
            {
                throw new UncoveredQueryException($"{MediaPlanning.Describe(modality)}, but no designed subtask grounds in a task family or dataset that carries it; the generator never writes text items in their place");
            }
        }

        foreach (var design in designs.Where(d => verdicts[d.Name].Card is null))
        {
            decisions.Add($"grounding, {design.Name}: no card fits; the generator writes its samples itself ({_backbone}).");
        }

        foreach (var design in designs.Where(d => d.Inputs.Contains("media")))
        {
            decisions.Add($"design, {design.Name}: its schema names media, which this backbone does not generate; its samples are text only, and the inspector rejects any that refer to missing media.");
        }

        Report(progress, request, 4, "allocation");
        var grounded = designs.Select(d => (Design: d, Verdict: verdicts[d.Name])).ToList();
        var entries = grounded.Select(g => (g.Design, Source: (g.Verdict.Card?.Source ?? _llmSource).ToString(), Capacity: Capacity(g.Verdict))).ToList();
        var importance = await _allocation.RunAsync(request, entries, cancellationToken).ConfigureAwait(false);
        var weights = grounded.Select(g => importance.TryGetValue(g.Design.Name, out var i) && double.IsFinite(i.Importance) ? Math.Clamp(i.Importance, 0, 1) : g.Design.Importance).ToList();
        var (quotas, shortfall) = AllocationStage.Allocate(request.Quota, weights, entries.Select(e => e.Capacity).ToList());
        var subtasks = new List<PlannedSubtask>();
        var planDatasets = new Dictionary<string, Dataset>(StringComparer.Ordinal);
        for (int i = 0; i < grounded.Count; i++)
        {
            var (design, verdict) = grounded[i];
            string allocationWhy = importance.TryGetValue(design.Name, out var why) && !string.IsNullOrWhiteSpace(why.Rationale) ? why.Rationale.Trim() : "importance from the design";
            decisions.Add(string.Create(CultureInfo.InvariantCulture, $"allocation, {design.Name}: importance {weights[i]:0.##}, quota {quotas[i]}{(entries[i].Capacity is { } c ? $" of a capacity of {c}" : string.Empty)}; {allocationWhy}."));
            if (quotas[i] == 0)
            {
                decisions.Add($"allocation, {design.Name}: dropped, its share of the quota is 0.");
                continue;
            }

            subtasks.Add(Subtask(request, design, verdict, quotas[i], allocationWhy));
            if (verdict.Card?.Dataset is { } dataset)
            {
                planDatasets[design.Name] = dataset;
            }
        }

        if (shortfall > 0)
        {
            // Loop back: the sources cannot supply the quota, so the model writes the rest for the most important capped subtask.
            int top = Enumerable.Range(0, grounded.Count).Where(i => entries[i].Capacity is not null).OrderByDescending(i => weights[i]).ThenBy(i => i).First();
            var design = grounded[top].Design;
            string name = SubtaskNames.Unique([.. subtasks.Select(s => s.Name), design.Name + "-llm"]).Last();
            subtasks.Add(Subtask(request, design with { Name = name }, new GroundingVerdict(null, [], null, []), shortfall, "the grounded sources could not supply the quota"));
            decisions.Add($"allocation looped back: the grounded sources are {shortfall} items short; {name} has the generator write them ({_backbone}).");
        }

        return new BenchmarkPlan(request, _backbone, subtasks, [])
        {
            Datasets = planDatasets,
            Decisions = decisions,
        };
    }

    private PlannedSubtask Subtask(BenchmarkRequest request, SubtaskDesign design, GroundingVerdict verdict, int quota, string allocationWhy)
    {
        var card = verdict.Card;
        string grounding = card is null
            ? $"no card fits, so the generator writes the samples ({_backbone})"
            : verdict.Score!.Rationale;
        return new PlannedSubtask(
            design.Name,
            design.Description,
            design.Skill,
            card?.AnswerType ?? design.AnswerType,
            request.Difficulty,
            card?.Source ?? _llmSource,
            verdict.Score?.Total ?? design.Importance,
            $"Design: {design.Rationale} Grounding: {grounding}. Allocation: {allocationWhy}.",
            quota)
        {
            Transformations = verdict.Operations,
            Grounding = verdict.Score,
            Capability = design.Capability,
            Inputs = design.Inputs,
        };
    }

    /// <summary>What grounding judges of a design: a revision that changes none of it needs no new assessment.</summary>
    private static string Key(SubtaskDesign d) => $"{d.Name}\u001f{d.Description}\u001f{d.Capability}\u001f{d.AnswerType}";

    private static int? Capacity(GroundingVerdict verdict) =>
        verdict.Card?.Dataset is { } dataset ? CardPool.Capacity(dataset, verdict.Operations) : null;

    private static string Describe(SubtaskDesign d) =>
        $"{d.Name} ({Snapshots.SnapshotNames.AnswerType(d.AnswerType)}, inputs {string.Join("+", d.Inputs)}): {d.Rationale}";

    private static string List(IReadOnlyList<string> values) => values.Count == 0 ? "(none)" : string.Join(", ", values);

    private static void Report(IProgress<GenerationProgress>? progress, BenchmarkRequest request, int step, string stage) =>
        progress?.Report(new GenerationProgress(request.Name, "plan", step, 4, stage));
}
