namespace BenchmarkAgent.Generation.Tests;

/// <summary>
/// Queries no built-in family covers: with the (generic, stage-by-stage) scripted generator each one plans subtasks the
/// model writes itself and builds to quota. The script answers from the stage input only; nothing is tailored per query.
/// </summary>
public sealed class OutOfCatalogQueryTests
{
    public static TheoryData<string> Queries =>
    [
        "Answer customer support questions strictly from the company's refund and warranty policy",
        "Translate natural-language questions about an orders database into SQL queries",
        "Judge whether a summary is faithful to its source article or adds unsupported claims",
        "Translate short English product descriptions into idiomatic German",
        "Choose the right tool and arguments for a user's request given a list of tool signatures",
        "Find and fix the bug in a short Python function given its failing test",
        "Triage patient-reported symptoms into urgency levels for a nurse hotline",
        "Refuse unsafe requests while still helping with the benign part of the question",
        "Read values from a described bar chart and compare categories",
        "Interpret spoken smart-home commands transcribed with recognition errors",
        "Extract contract renewal dates and notice periods from lease agreements",
    ];

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Builds_to_quota_with_the_scripted_generator(string query)
    {
        await using var harness = GeneratorHarness.Start();
        var (snapshot, _) = await harness.RunAsync(GeneratorHarness.Request(query, 5, seed: query.Length), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(5, snapshot.Items.Count);
        Assert.Equal(5, snapshot.Plan.Subtasks.Sum(s => s.Quota));
        Assert.InRange(snapshot.Plan.Subtasks.Count, 1, 3);
        Assert.All(snapshot.Plan.Subtasks, s => Assert.Equal(new LlmSource(GeneratorHarness.Model), s.Source));
        Assert.All(snapshot.Items, i => Assert.Equal(new LlmSource(GeneratorHarness.Model), i.Provenance.Source));
        Assert.Equal(snapshot.Items.Count, snapshot.Items.Select(i => i.Id).Distinct().Count());
        Assert.All(snapshot.Items.Where(i => snapshot.Plan.Subtasks.Single(s => s.Name == i.Subtask).Inputs.Contains("context")), i =>
        {
            Assert.False(string.IsNullOrWhiteSpace(i.Context));
            Assert.Contains(i.Context!, i.Prompt, StringComparison.Ordinal);
        });
    }
}
