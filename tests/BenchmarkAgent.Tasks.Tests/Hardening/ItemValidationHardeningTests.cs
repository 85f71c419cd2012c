using TaskItem = Microsoft.Build.Utilities.TaskItem;

namespace BenchmarkAgent.Tasks.Tests.Hardening;

/// <summary>
/// Issue 16, findings 4 and 5 and the numeric properties: wildcards in <c>Include</c> and misspelled metadata used to
/// be silently accepted; <c>BenchmarkAgentMaxQuota="abc"</c> or <c>-5</c> must be a BA error.
/// </summary>
public sealed class ItemValidationHardeningTests
{
    private const string Query = "Query=\"Multi-step arithmetic word problems with irrelevant facts\" Quota=\"6\"";

    [Fact]
    public async Task Finding4_a_wildcard_in_Include_that_MSBuild_expanded_against_files_is_BA0010_naming_the_file()
    {
        using var scenario = new MsBuildScenario($"<GeneratedBenchmark Include=\"arith*\" {Query} />");
        File.WriteAllText(Path.Combine(scenario.Root, "arithmetic.txt"), "not a benchmark");
        File.WriteAllText(Path.Combine(scenario.Root, "arith.md"), "not a benchmark either");

        var (exit, output) = await scenario.RunAsync("BenchmarkAgent_Plan");

        Assert.NotEqual(0, exit);
        Assert.Contains("BA0010", output, StringComparison.Ordinal);
        Assert.Contains("'arithmetic.txt'", output, StringComparison.Ordinal);
        Assert.Contains("'arith.md'", output, StringComparison.Ordinal);
        Assert.Contains("expands a wildcard", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finding4_a_recursive_wildcard_is_BA0010_naming_its_RecursiveDir()
    {
        using var recursive = new MsBuildScenario($"<GeneratedBenchmark Include=\"**/*.data\" {Query} />");
        Directory.CreateDirectory(Path.Combine(recursive.Root, "sub"));
        File.WriteAllText(Path.Combine(recursive.Root, "sub", "x.data"), "x");

        var (exit, output) = await recursive.RunAsync("BenchmarkAgent_Plan");

        Assert.NotEqual(0, exit);
        Assert.Contains("BA0010", output, StringComparison.Ordinal);
        Assert.Contains("RecursiveDir", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Finding4_a_wildcard_that_reaches_the_task_unexpanded_is_BA0004_saying_it_is_a_wildcard()
    {
        using var project = new TaskProject("ba-wild-");
        var item = new TaskItem("zz*");
        item.SetMetadata("Query", "Multi-step arithmetic word problems");
        item.SetMetadata("Quota", "6");

        var (ok, engine) = project.Run([item], target: "plan");

        Assert.False(ok);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("BA0004", error.Code);
        Assert.Contains("wildcard", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Dificulty", "Difficulty")]
    [InlineData("Sed", "Seed")]
    [InlineData("Strickt", "Strict")]
    [InlineData("MinScor", "MinScore")]
    [InlineData("Datset", "Datasets")]
    public void Finding5_misspelled_metadata_is_a_BA0011_warning_naming_the_nearest_known_name(string typo, string nearest)
    {
        using var project = new TaskProject("ba-meta-");
        var item = new TaskItem("arith");
        item.SetMetadata("Query", "Multi-step arithmetic word problems");
        item.SetMetadata("Quota", "6");
        item.SetMetadata(typo, "1");

        var (ok, engine) = project.Run([item], target: "plan");

        Assert.True(ok);
        var warning = Assert.Single(engine.Warnings, w => w.Code == "BA0011");
        Assert.Contains($"'{typo}'", warning.Message, StringComparison.Ordinal);
        Assert.Contains($"did you mean {nearest}?", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Finding5_known_metadata_in_any_case_and_an_unrelated_name_behave()
    {
        var item = new TaskItem("arith");
        item.SetMetadata("query", "q");
        item.SetMetadata("QUOTA", "6");
        item.SetMetadata("RegressionAlpha", "0.05");
        item.SetMetadata("AllowWeakMatch", "true");
        Assert.Empty(ItemMetadataCheck.UnknownMetadata(item));

        item.SetMetadata("CompletelyDifferentThing", "x");
        var warning = Assert.Single(ItemMetadataCheck.UnknownMetadata(item));
        Assert.DoesNotContain("did you mean", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Difficulty", warning.Message, StringComparison.Ordinal); // lists what it reads instead
    }

    [Fact]
    public async Task Finding5_misspelled_metadata_fails_a_real_build_under_TreatWarningsAsErrors()
    {
        using var scenario = new MsBuildScenario($"<GeneratedBenchmark Include=\"arith\" {Query} Dificulty=\"hard\" />");

        var (warnExit, warnOutput) = await scenario.RunAsync("BenchmarkAgent_Plan");
        var (errorExit, errorOutput) = await scenario.RunAsync("BenchmarkAgent_Plan", ci: false, "-p:TreatWarningsAsErrors=true");

        Assert.True(warnExit == 0, warnOutput);
        Assert.Contains("warning BA0011", warnOutput, StringComparison.Ordinal);
        Assert.NotEqual(0, errorExit);
        Assert.Contains("error BA0011", errorOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public async Task Weak_numeric_an_invalid_BenchmarkAgentMaxQuota_is_BA0009_in_a_real_build(string value)
    {
        using var scenario = new MsBuildScenario($"<GeneratedBenchmark Include=\"arith\" {Query} />", $"<BenchmarkAgentMaxQuota>{value}</BenchmarkAgentMaxQuota>");

        var (exit, output) = await scenario.RunAsync("BenchmarkAgent_Plan");

        Assert.NotEqual(0, exit);
        Assert.Contains("BA0009", output, StringComparison.Ordinal);
        Assert.DoesNotContain("MSB4030", output, StringComparison.Ordinal);
    }
}
