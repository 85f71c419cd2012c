using System.Diagnostics;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Generation.Budgets;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Generation.Tests;

public sealed class LlmBackboneTests
{
    private const string Query = "Evaluate answering customer questions from a refund policy document";

    [Fact]
    public async Task Builds_exactly_the_quota_of_verified_items_through_faults()
    {
        // Faults on the way: a 429 with Retry-After and a 500 at the start, fenced JSON everywhere, a refusal and a
        // malformed reply as first attempts of two stages. None of them may become an item.
        var script = new ScriptedGenerator
        {
            Fenced = true,
            Override = call => call switch
            {
                { Stage: "scope", Attempt: 1 } => "I can't help with that.",
                { Stage: "design", Attempt: 1 } => "{'subtasks': [ {name: 'broken', ",
                _ => null,
            },
        };
        await using var harness = GeneratorHarness.Start(
            script,
            failWith: r => r.Sequence switch { 0 => 429, 1 => 500, _ => null },
            retryAfter: r => r.Sequence == 0 ? "1" : null);
        var progress = new List<GenerationProgress>();
        var (snapshot, backbone) = await harness.RunAsync(GeneratorHarness.Request(Query, 6), progress: new SyncProgress(progress), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("llm:gen-model", backbone.Name);
        Assert.Equal("llm:gen-model", snapshot.Plan.Backbone);
        Assert.Equal(6, snapshot.Items.Count);
        Assert.Equal(6, snapshot.Plan.Subtasks.Sum(s => s.Quota));
        Assert.All(snapshot.Items, item =>
        {
            Assert.Equal(new LlmSource("gen-model"), item.Provenance.Source);
            Assert.Contains("inspector", item.Provenance.Checks);
            Assert.Contains("quality", item.Provenance.Checks);
            Assert.Equal(6, item.Quality!.Ratings.Count);
            Assert.DoesNotContain("can't help", item.Prompt, StringComparison.OrdinalIgnoreCase);
        });
        Assert.All(snapshot.Plan.Subtasks, s =>
        {
            Assert.Contains("Design:", s.Rationale, StringComparison.Ordinal);
            Assert.Contains("Allocation:", s.Rationale, StringComparison.Ordinal);
        });
        Assert.Contains(snapshot.Plan.Decisions, d => d.StartsWith("scope:", StringComparison.Ordinal));
        Assert.Contains(snapshot.Plan.Decisions, d => d.Contains("no card fits", StringComparison.Ordinal));
        Assert.Equal(2, script.Calls.Count(c => c.Stage == "scope"));
        Assert.Equal(2, script.Calls.Count(c => c.Stage == "design" && c.Input.TryGetProperty("feedback", out _) == false));
        Assert.True(harness.Server.Requests.Count > script.Calls.Count, "the 429 and the 500 were retried");
        Assert.Equal(6, progress.Count(p => p.Stage == "generate"));
        Assert.All(harness.Server.Requests, r =>
        {
            Assert.Contains("\"json_schema\"", r.Body, StringComparison.Ordinal);
            Assert.Equal(0, r.Temperature);
            Assert.DoesNotContain("\"discarded\"", r.Body, StringComparison.Ordinal);
        });

        // The snapshot writes and reads back: ratings per item, their summary and the decisions in plan.json.
        string plan = System.Text.Encoding.UTF8.GetString(SnapshotWriter.PlanBytes(snapshot));
        Assert.Contains("\"decisions\"", plan, StringComparison.Ordinal);
        Assert.Contains("\"itemQuality\"", plan, StringComparison.Ordinal);
        Assert.Contains("\"backbone\": \"llm:gen-model\"", plan, StringComparison.Ordinal);
        using var folder = new TempFolder();
        SnapshotWriter.Write(folder.Path, snapshot);
        var read = SnapshotReader.ReadItems(SnapshotLayout.ItemsPath(folder.Path, "bench"));
        Assert.Equal(snapshot.Items.Select(i => i.Quality!.Lowest), read.Select(i => i.Quality!.Lowest));
        Assert.Equal(SnapshotWriter.ItemsBytes("bench", snapshot.Items), SnapshotWriter.ItemsBytes("bench", read));
    }

    [Fact]
    public async Task An_item_the_inspector_rejects_is_replaced()
    {
        int rejected = 0;
        var script = new ScriptedGenerator
        {
            Override = call =>
                call.Stage == "inspect" && Interlocked.Increment(ref rejected) <= 2
                    ? ScriptedGenerator.FailingInspection("semantic-correctness")
                    : null,
        };
        await using var harness = GeneratorHarness.Start(script);
        var (snapshot, _) = await harness.RunAsync(GeneratorHarness.Request(Query, 4), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(4, snapshot.Items.Count);
        Assert.Equal(2, snapshot.Reports.Sum(r => r.RejectionsByCheck.GetValueOrDefault("inspector")));
        // The rejected drafts were redrafted with the problem stated: the replacements come from new requests.
        Assert.Equal(2, script.Calls.Count(c => c.Stage == "draft" && c.Input.TryGetProperty("problems", out _)));
        Assert.Equal(4 + 2, script.Calls.Count(c => c.Stage == "draft"));
    }

    [Fact]
    public async Task A_packaging_problem_is_repaired_not_replaced()
    {
        int flagged = 0;
        var script = new ScriptedGenerator
        {
            Override = call =>
                call.Stage == "inspect" && Interlocked.Increment(ref flagged) == 1
                    ? ScriptedGenerator.FailingInspection("schema-recoverability", "trim-whitespace")
                    : null,
        };
        await using var harness = GeneratorHarness.Start(script);
        var (snapshot, _) = await harness.RunAsync(GeneratorHarness.Request(Query, 2), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, snapshot.Items.Count);
        Assert.Equal(0, snapshot.Reports.Sum(r => r.Rejected));
        Assert.Contains(snapshot.Items, i => i.Provenance.Transformations.Contains("fix:trim-whitespace"));
        Assert.Equal(2, script.Calls.Count(c => c.Stage == "draft"));
    }

    [Fact]
    public async Task Items_rated_below_the_threshold_are_replaced()
    {
        int rated = 0;
        var script = new ScriptedGenerator
        {
            Override = call =>
                call.Stage == "rate" && Interlocked.Increment(ref rated) == 1 ? ScriptedGenerator.Ratings(2).ToJsonString() : null,
        };
        await using var harness = GeneratorHarness.Start(script);
        var (snapshot, _) = await harness.RunAsync(GeneratorHarness.Request(Query, 3), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, snapshot.Items.Count);
        Assert.Equal(1, snapshot.Reports.Sum(r => r.RejectionsByCheck.GetValueOrDefault("quality")));
        Assert.All(snapshot.Items, i => Assert.True(i.Quality!.Lowest >= 3));

        // With a threshold of 2 the same rating is good enough: nothing is replaced.
        rated = 0;
        var (lenient, _) = await harness.RunAsync(GeneratorHarness.Request(Query, 3), options: new LlmBackboneOptions { QualityThreshold = 2 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, lenient.Reports.Sum(r => r.Rejected));
    }

    [Fact]
    public async Task A_second_run_with_the_same_cache_makes_no_request()
    {
        await using var harness = GeneratorHarness.Start(new ScriptedGenerator { Fenced = true });
        using var cache = new TempFolder();
        var request = GeneratorHarness.Request(Query, 5);
        var (first, firstBackbone) = await harness.RunAsync(request, cache.Path, cancellationToken: TestContext.Current.CancellationToken);
        int requests = harness.Server.Requests.Count;
        Assert.True(requests > 0);
        Assert.Equal(requests, firstBackbone.Requests);
        Assert.True(firstBackbone.Tokens > 0);

        var (second, secondBackbone) = await harness.RunAsync(request, cache.Path, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(requests, harness.Server.Requests.Count);
        Assert.Equal(0, secondBackbone.Requests);
        Assert.Equal(SnapshotWriter.ItemsBytes("bench", first.Items), SnapshotWriter.ItemsBytes("bench", second.Items));
        Assert.Equal(SnapshotWriter.PlanBytes(first), SnapshotWriter.PlanBytes(second));
        Assert.All(harness.Server.Requests, r => Assert.Equal(0, r.Temperature));
    }

    [Fact]
    public async Task A_generator_that_always_fails_ends_quickly_with_a_BA_error_and_no_key()
    {
        await using var harness = GeneratorHarness.Start(
            failWith: _ => 503,
            errorMessage: _ => $"upstream down for key {GeneratorHarness.ApiKey}");
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<LlmGenerationException>(async () =>
            await harness.RunAsync(GeneratorHarness.Request(Query, 5), cancellationToken: TestContext.Current.CancellationToken));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.Equal("BA0500", error.Code);
        Assert.StartsWith("BA0500", error.Message, StringComparison.Ordinal);
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            Assert.DoesNotContain(GeneratorHarness.ApiKey, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(GeneratorHarness.ApiKey, e.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(4, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task A_timeout_is_retried()
    {
        await using var harness = GeneratorHarness.Start(delay: r => r.Sequence == 0 ? TimeSpan.FromSeconds(10) : TimeSpan.Zero);
        using var client = harness.Client(networkTimeout: TimeSpan.FromSeconds(1));
        var backbone = new LlmBackbone(client, GeneratorHarness.Model);
        var request = GeneratorHarness.Request(Query, 2);
        var plan = await backbone.PlanAsync(request, TestContext.Current.CancellationToken);
        var snapshot = await backbone.GenerateAsync(plan, InputFingerprint.Compute(request), null, 0, null, null, TestContext.Current.CancellationToken);

        Assert.Equal(2, snapshot.Items.Count);
        // The first scope request timed out and was sent again (a loaded machine may time out more, never fewer).
        Assert.True(harness.Server.Requests.Count(r => ScriptedGenerator.StageOf(r) == "scope") >= 2);
    }

    [Fact]
    public async Task A_stage_that_never_answers_usably_is_a_BA0501()
    {
        await using var harness = GeneratorHarness.Start(new ScriptedGenerator { Override = c => c.Stage == "design" ? "I'm sorry, but I can't do that." : null });
        var error = await Assert.ThrowsAsync<LlmGenerationException>(async () =>
            await harness.RunAsync(GeneratorHarness.Request(Query, 3), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("BA0501", error.Code);
        Assert.Contains("design", error.Message, StringComparison.Ordinal);
        Assert.Contains("refusal", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, harness.Script.Calls.Count(c => c.Stage == "design"));
    }

    [Fact]
    public async Task A_budget_stops_generation_and_keeps_the_finished_items()
    {
        await using var harness = GeneratorHarness.Start();
        var journal = new MemoryJournal();
        // Planning takes 6 requests (scope, design, 2 groundings, a redesign, allocation) and each sample 4:
        // 6 + 2 * 4 + 1 leaves two items finished and the third stopped after its brief.
        var options = new LlmBackboneOptions { Budget = new GenerationBudget(MaxRequests: 15) };
        var error = await Assert.ThrowsAsync<GenerationBudgetExceededException>(async () =>
            await harness.RunAsync(GeneratorHarness.Request(Query, 6), options: options, journal: journal, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("BA0502", error.Code);
        Assert.StartsWith("BA0502", error.Message, StringComparison.Ordinal);
        Assert.Equal("requests", error.Limit);
        Assert.Equal(2, error.FinishedItems.Count);
        Assert.Equal(15, harness.Server.Requests.Count);
        Assert.Equal(error.FinishedItems.Select(i => i.Id).Order(), journal.Entries.Select(e => e.Item.Id).Order());
    }

    [Fact]
    public async Task A_token_budget_stops_generation_too()
    {
        await using var harness = GeneratorHarness.Start();
        var options = new LlmBackboneOptions { Budget = new GenerationBudget(MaxTokens: 400) };
        var error = await Assert.ThrowsAsync<GenerationBudgetExceededException>(async () =>
            await harness.RunAsync(GeneratorHarness.Request(Query, 6), options: options, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("tokens", error.Limit);
        Assert.True(error.FinishedItems.Count < 6);
    }

    [Fact]
    public void Invalid_settings_are_BA0503()
    {
        using var client = new Microsoft.Extensions.AI.ChatClientBuilder(new ThrowingClient()).Build();
        var budget = Assert.Throws<ArgumentException>(() => new LlmBackbone(client, "m", new LlmBackboneOptions { Budget = new GenerationBudget(MaxRequests: 0) }));
        Assert.StartsWith("BA0503", budget.Message, StringComparison.Ordinal);
        var threshold = Assert.Throws<ArgumentException>(() => new LlmBackbone(client, "m", new LlmBackboneOptions { QualityThreshold = 6 }));
        Assert.StartsWith("BA0503", threshold.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_run_resumes_from_the_journal_without_repeating_finished_samples()
    {
        await using var harness = GeneratorHarness.Start();
        var journal = new MemoryJournal();
        var request = GeneratorHarness.Request(Query, 6);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var progress = new SyncProgress([], p =>
        {
            if (p.Stage == "generate" && p.Done == 3)
            {
                cancel.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await harness.RunAsync(request, journal: journal, progress: progress, cancellationToken: cancel.Token));
        Assert.Equal(3, journal.Count);
        var finishedSeeds = journal.Entries.Select(e => e.Item.Provenance.Seed).ToHashSet();
        int before = harness.Server.Requests.Count;

        var (snapshot, _) = await harness.RunAsync(request, journal: journal, cancellationToken: TestContext.Current.CancellationToken);

        var resumed = harness.Server.Requests.Skip(before).Select(ScriptedGenerator.CallOf).ToList();
        Assert.Equal(6, snapshot.Items.Count);
        Assert.All(journal.Entries, e => Assert.Contains(snapshot.Items, i => i.Id == e.Item.Id));
        Assert.DoesNotContain(resumed, c => c.Stage == "brief" && finishedSeeds.Contains(c.Input.GetProperty("seed").GetString()!));
        Assert.DoesNotContain(resumed, c => c.Input.TryGetProperty("sample", out var s) && finishedSeeds.Contains(s.GetProperty("seed").GetString()!));
        // Planning again (scope, design, 2 groundings, a redesign after the rejections, allocation) plus 4 calls for
        // each of the 3 samples that were not finished.
        Assert.Equal(6 + (3 * 4), resumed.Count);
    }

    [Fact]
    public async Task A_catalog_query_grounds_on_its_task_family_and_the_family_realises_the_samples()
    {
        var script = new ScriptedGenerator { AcceptCard = id => id == "family:multi-step-arithmetic" };
        await using var harness = GeneratorHarness.Start(script);
        var (snapshot, _) = await harness.RunAsync(GeneratorHarness.Request("multi-step arithmetic word problems", 4), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(4, snapshot.Items.Count);
        Assert.All(snapshot.Plan.Subtasks, grounded =>
        {
            Assert.Equal(new FamilySource("multi-step-arithmetic"), grounded.Source);
            Assert.Equal(AnswerType.Number, grounded.AnswerType);
            Assert.Equal("accept", grounded.Grounding!.Decision);
            Assert.True(grounded.Grounding.Total >= LlmBackboneOptions.DefaultAcceptanceThreshold);
        });
        Assert.All(snapshot.Items, i => Assert.Equal(new FamilySource("multi-step-arithmetic"), i.Provenance.Source));
        Assert.DoesNotContain(script.Calls, c => c.Stage == "draft");
        // The grounding agent saw 2-3 lexically retrieved candidates, the family among them.
        var grounding = script.Calls.First(c => c.Stage == "grounding");
        int candidates = grounding.Input.GetProperty("candidates").GetArrayLength();
        Assert.InRange(candidates, 1, 3);
        Assert.Contains(grounding.Input.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("id").GetString() == "family:multi-step-arithmetic");
    }

    [Fact]
    public async Task Concurrent_positions_give_the_same_snapshot_as_sequential_ones()
    {
        await using var harness = GeneratorHarness.Start();
        var request = GeneratorHarness.Request(Query, 8);
        var (sequential, _) = await harness.RunAsync(request, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1, harness.Server.MaxConcurrentRequests);

        // A little latency so that positions started together are in flight together.
        await using var concurrentHarness = GeneratorHarness.Start(latency: TimeSpan.FromMilliseconds(40));
        var (concurrent, _) = await concurrentHarness.RunAsync(request, options: new LlmBackboneOptions { Concurrency = 4 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(concurrentHarness.Server.MaxConcurrentRequests > 1, "positions ran at the same time");
        Assert.Equal(SnapshotWriter.ItemsBytes("bench", sequential.Items), SnapshotWriter.ItemsBytes("bench", concurrent.Items));
    }

    [Fact]
    public async Task Drafts_that_repeat_each_other_are_dropped_in_position_order_whatever_the_concurrency()
    {
        // A model that often writes the same sample for different seeds: 3 distinct drafts per subtask.
        static string? Repeating(ScriptedCall call)
        {
            if (call.Stage != "draft")
            {
                return null;
            }

            var sample = call.Input.GetProperty("sample");
            string seed = sample.GetProperty("seed").GetString()!;
            var subtask = sample.GetProperty("subtask");
            string type = subtask.GetProperty("answerType").GetString()!;
            bool context = subtask.GetProperty("inputs").EnumerateArray().Any(i => i.GetString() == "context");
            int bucket = (int)(Convert.ToUInt64(seed[..6], 16) % 3);
            string code = "K" + (1000 + bucket).ToString(System.Globalization.CultureInfo.InvariantCulture);
            string answer = type switch
            {
                "number" => (100 + bucket).ToString(System.Globalization.CultureInfo.InvariantCulture),
                "choice" => "B",
                "freetext" => $"Case {bucket} carries the code {code}, as the registry note states.",
                "pattern" => $"(?i)\\b{code}\\b",
                _ => code,
            };
            return new System.Text.Json.Nodes.JsonObject
            {
                ["question"] = $"For case {bucket} of the {subtask.GetProperty("name").GetString()} scenario, which code does the registry assign?",
                ["context"] = context ? $"Registry note: case {bucket} carries the code {code}; case 0 carries an unrelated code." : string.Empty,
                ["choices"] = type == "choice" ? new System.Text.Json.Nodes.JsonArray("Q" + bucket, code, "Z" + bucket) : new System.Text.Json.Nodes.JsonArray(),
                ["answer"] = answer,
                ["rationale"] = "the registry note names the code",
            }.ToJsonString();
        }

        var request = GeneratorHarness.Request(Query, 6);
        await using var harness = GeneratorHarness.Start(new ScriptedGenerator { Override = Repeating });
        var (sequential, _) = await harness.RunAsync(request, cancellationToken: TestContext.Current.CancellationToken);
        await using var concurrentHarness = GeneratorHarness.Start(new ScriptedGenerator { Override = Repeating }, latency: TimeSpan.FromMilliseconds(30));
        var (concurrent, _) = await concurrentHarness.RunAsync(request, options: new LlmBackboneOptions { Concurrency = 8 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(concurrentHarness.Server.MaxConcurrentRequests > 1, "positions ran at the same time");
        Assert.Equal(6, sequential.Items.Count);
        Assert.Equal(sequential.Items.Count, sequential.Items.Select(i => i.Prompt).Distinct().Count());
        Assert.Contains(sequential.Reports, r => r.RejectionsByCheck.GetValueOrDefault("duplicate") > 0);
        Assert.Equal(SnapshotWriter.ItemsBytes("bench", sequential.Items), SnapshotWriter.ItemsBytes("bench", concurrent.Items));
        Assert.Equal(
            sequential.Reports.Select(r => (r.Subtask, r.Rejected)),
            concurrent.Reports.Select(r => (r.Subtask, r.Rejected)));
    }

    [Fact]
    public async Task Regeneration_keeps_the_items_on_disk_and_only_fills_what_is_missing()
    {
        await using var harness = GeneratorHarness.Start();
        using var folder = new TempFolder();
        using var cache = new TempFolder();
        var (first, _) = await harness.RunAsync(GeneratorHarness.Request(Query, 4), cache.Path, cancellationToken: TestContext.Current.CancellationToken);
        SnapshotWriter.Write(folder.Path, first);
        var existing = ExistingSnapshot.Load(folder.Path, "bench");

        using var client = harness.Client(cache.Path);
        var backbone = new LlmBackbone(client, GeneratorHarness.Model);
        var grown = GeneratorHarness.Request(Query, 6);
        var plan = await backbone.PlanAsync(grown, TestContext.Current.CancellationToken);
        int before = harness.Server.Requests.Count;
        var second = await backbone.GenerateAsync(plan, InputFingerprint.Compute(grown), existing, 0, null, null, TestContext.Current.CancellationToken);

        Assert.Equal(6, second.Items.Count);
        Assert.All(first.Items, item => Assert.Equal(item.Quality!.Ratings, second.Items.Single(i => i.Id == item.Id).Quality!.Ratings));
        // Planning came from the cache; only the two new positions were requested (brief, draft, inspect, rate each).
        var calls = harness.Server.Requests.Skip(before).Select(ScriptedGenerator.CallOf).ToList();
        Assert.Equal(2, calls.Count(c => c.Stage == "brief"));
        Assert.Equal(2 * 4, calls.Count(c => c.Stage is "brief" or "draft" or "inspect" or "rate"));
    }

    [Fact]
    public async Task A_draft_answerable_without_its_context_is_redrafted_without_asking_the_inspector()
    {
        int drafts = 0;
        var script = new ScriptedGenerator
        {
            Override = call => call.Stage switch
            {
                "design" => """{"subtasks": [{"name": "registry lookup", "description": "A registry note and a question about one case's code.", "skill": "lookup", "capability": "reading a code from the note", "inputs": ["question", "context"], "answerType": "text", "importance": 1, "action": "keep", "rationale": "the core"}]}""",
                "draft" when Interlocked.Increment(ref drafts) == 1 =>
                    """{"question": "Case 1 carries the code KABC. Which code does case 1 carry?", "context": "Case 1 carries the code KABC.", "choices": [], "answer": "KABC", "rationale": "stated"}""",
                _ => null,
            },
        };
        await using var harness = GeneratorHarness.Start(script);
        var (snapshot, _) = await harness.RunAsync(GeneratorHarness.Request("Answer questions about a registry of case codes", 2), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, snapshot.Items.Count);
        Assert.Equal(1, snapshot.Reports.Sum(r => r.RejectionsByCheck.GetValueOrDefault("answerability")));
        Assert.Equal(3, script.Calls.Count(c => c.Stage == "draft"));
        Assert.Equal(2, script.Calls.Count(c => c.Stage == "inspect"));
        Assert.DoesNotContain(snapshot.Items, i => i.Prompt.Contains("KABC", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_wall_time_budget_runs_on_the_given_clock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var script = new ScriptedGenerator
        {
            Override = _ =>
            {
                clock.Advance(TimeSpan.FromMinutes(1));
                return null;
            },
        };
        await using var harness = GeneratorHarness.Start(script);
        var options = new LlmBackboneOptions { Budget = new GenerationBudget(MaxWallTime: TimeSpan.FromMinutes(3)), TimeProvider = clock };
        var error = await Assert.ThrowsAsync<GenerationBudgetExceededException>(async () =>
            await harness.RunAsync(GeneratorHarness.Request(Query, 4), options: options, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("wall time", error.Limit);
        Assert.Empty(error.FinishedItems);
        Assert.Equal(3, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task Rejected_grounding_goes_back_to_design_which_may_discard_a_subtask()
    {
        var script = new ScriptedGenerator
        {
            Override = call => call.Stage == "design" && call.Input.TryGetProperty("feedback", out _)
                ? """{"subtasks": [{"name": "core refunds", "description": "Items that quote a refund rule and ask whether it applies.", "skill": "policy", "capability": "applying a refund rule", "inputs": ["question", "context"], "answerType": "choice", "importance": 1, "action": "revise", "rationale": "narrowed after feedback"}, {"name": "variation", "description": "x", "answerType": "text", "action": "discard", "rationale": "off target"}]}"""
                : null,
        };
        await using var harness = GeneratorHarness.Start(script);
        var (snapshot, _) = await harness.RunAsync(GeneratorHarness.Request(Query, 3), cancellationToken: TestContext.Current.CancellationToken);

        var subtask = Assert.Single(snapshot.Plan.Subtasks);
        Assert.Equal("core-refunds", subtask.Name);
        Assert.Equal(AnswerType.Choice, subtask.AnswerType);
        Assert.Equal(3, subtask.Quota);
        Assert.Contains(snapshot.Plan.Decisions, d => d.StartsWith("design round 2", StringComparison.Ordinal));
        var feedback = script.Calls.First(c => c.Stage == "design" && c.Input.TryGetProperty("feedback", out _)).Input.GetProperty("feedback");
        Assert.Contains(feedback.EnumerateArray(), f => f.GetString()!.Contains("rejected", StringComparison.Ordinal));
        Assert.All(snapshot.Items, i => Assert.Equal(3, i.Choices.Count));
    }

    [Fact]
    public async Task A_family_sample_the_inspector_rejects_moves_to_the_next_seed_without_repair()
    {
        int inspected = 0;
        var script = new ScriptedGenerator
        {
            AcceptCard = id => id == "family:multi-step-arithmetic",
            Override = call => call.Stage == "inspect" && Interlocked.Increment(ref inspected) == 1
                ? ScriptedGenerator.FailingInspection("schema-recoverability", "trim-whitespace")
                : null,
        };
        await using var harness = GeneratorHarness.Start(script);
        var (snapshot, _) = await harness.RunAsync(GeneratorHarness.Request("multi-step arithmetic word problems", 3), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, snapshot.Items.Count);
        Assert.Equal(1, snapshot.Reports.Sum(r => r.RejectionsByCheck.GetValueOrDefault("inspector")));
        Assert.Contains(snapshot.Items, i => i.Provenance.Attempt == 1);
        Assert.DoesNotContain(snapshot.Items, i => i.Provenance.Transformations.Any(t => t.StartsWith("fix:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_quota_smaller_than_the_design_drops_the_least_important_subtask()
    {
        await using var harness = GeneratorHarness.Start();
        var (snapshot, _) = await harness.RunAsync(GeneratorHarness.Request(Query, 1), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Single(snapshot.Items);
        var subtask = Assert.Single(snapshot.Plan.Subtasks);
        Assert.Equal(1, subtask.Quota);
        Assert.Contains(snapshot.Plan.Decisions, d => d.Contains("dropped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refresh_rotates_a_share_of_the_items_into_a_new_generation()
    {
        await using var harness = GeneratorHarness.Start();
        using var folder = new TempFolder();
        var request = GeneratorHarness.Request(Query, 4);
        var (first, _) = await harness.RunAsync(request, cancellationToken: TestContext.Current.CancellationToken);
        SnapshotWriter.Write(folder.Path, first);

        using var client = harness.Client();
        var backbone = new LlmBackbone(client, GeneratorHarness.Model);
        var refreshed = await backbone.GenerateAsync(first.Plan, first.Fingerprint, ExistingSnapshot.Load(folder.Path, "bench"), 0.5, null, null, TestContext.Current.CancellationToken);

        Assert.Equal(4, refreshed.Items.Count);
        Assert.Equal(1, refreshed.Generation);
        var record = Assert.Single(refreshed.History);
        Assert.Equal(record.Rotated, refreshed.Items.Count(i => i.Curation.Generation == 1));
        Assert.True(record.Rotated > 0);
        Assert.Equal(4 - record.Rotated, refreshed.Items.Count(i => first.Items.Any(f => f.Id == i.Id)));
    }

    private sealed class SyncProgress(List<GenerationProgress> sink, Action<GenerationProgress>? onReport = null) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value)
        {
            lock (sink)
            {
                sink.Add(value);
            }

            onReport?.Invoke(value);
        }
    }

    private sealed class ThrowingClient : Microsoft.Extensions.AI.IChatClient
    {
        public Task<Microsoft.Extensions.AI.ChatResponse> GetResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, Microsoft.Extensions.AI.ChatOptions? options = null, CancellationToken cancellationToken = default) => throw new InvalidOperationException();

        public IAsyncEnumerable<Microsoft.Extensions.AI.ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, Microsoft.Extensions.AI.ChatOptions? options = null, CancellationToken cancellationToken = default) => throw new InvalidOperationException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
