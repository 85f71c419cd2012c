using Microsoft.Build.Utilities;

namespace BenchmarkAgent.Tasks.Tests;

/// <summary>The settings every task reads, parsed once with problems as data.</summary>
public sealed class GenerationSettingsTests : IDisposable
{
    private readonly TaskProject _project = new("ba-settings-");

    public void Dispose() => _project.Dispose();

    private static TaskItem Item(string quota = "12")
    {
        var item = new TaskItem("arith");
        item.SetMetadata("Query", "Multi-step arithmetic word problems");
        item.SetMetadata("Quota", quota);
        return item;
    }

    private GenerationProperties Properties(string maxQuota = "") =>
        new(Path.Combine(_project.Root, "test.csproj"), string.Empty, maxQuota);

    [Theory]
    [InlineData("generate")]
    [InlineData("plan")]
    [InlineData("refresh")]
    [InlineData("changes")]
    public void An_invalid_max_quota_is_BA0009_naming_the_real_property_on_every_target_and_writes_nothing(string target)
    {
        var engine = new RecordingBuildEngine();
        var task = TaskProject.ForTarget(target);
        task.BuildEngine = engine;
        task.Benchmarks = [Item()];
        task.SnapshotRoot = _project.SnapshotRoot;
        task.ProjectFile = Path.Combine(_project.Root, "test.csproj");
        task.MaxQuota = "lots";

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("BA0009", error.Code);
        // The property a user sets (the SDK passes it to every task); there is no BenchmarkAgentMode property.
        Assert.Contains("BenchmarkAgentMaxQuota 'lots'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BenchmarkAgentMode", error.Message, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(_project.Root, "test.csproj"), error.File);
        Assert.Empty(_project.FilesWritten());
    }

    [Theory]
    [InlineData("", 10_000)]
    [InlineData("40", 40)]
    [InlineData(" 70 ", 70)]
    public void Max_quota_defaults_to_10000_and_parses_a_positive_whole_number(string text, int expected)
    {
        var settings = GenerationSettings.Parse([Item()], Properties(text));

        Assert.Empty(settings.Problems);
        Assert.Equal(expected, settings.MaxQuota);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("1.5")]
    public void A_max_quota_that_is_not_a_positive_whole_number_is_a_problem_and_no_request_is_made(string text)
    {
        var settings = GenerationSettings.Parse([Item()], Properties(text));

        var problem = Assert.Single(settings.Problems);
        Assert.Equal(ErrorCodes.InvalidMaxQuota, problem.Code);
        Assert.Null(problem.Item);
        Assert.Empty(settings.Requests);
    }

    [Fact]
    public void Item_problems_name_their_item_and_every_property_problem_is_reported_at_once()
    {
        var items = GenerationSettings.Parse([Item(quota: "many")], Properties());
        var problem = Assert.Single(items.Problems);
        Assert.Equal(ErrorCodes.InvalidQuota, problem.Code);
        Assert.Equal("arith", problem.Item);

        var properties = GenerationSettings.Parse([Item()], Properties("x") with { LockTimeoutSeconds = "soon", RefreshFraction = "2" });
        Assert.Equal([ErrorCodes.InvalidMaxQuota, ErrorCodes.InvalidLockTimeout, ErrorCodes.InvalidRefreshFraction], properties.Problems.Select(p => p.Code));
    }

    [Fact]
    public void Valid_settings_resolve_paths_and_defaults()
    {
        var settings = GenerationSettings.Parse([Item()], Properties() with { RefreshFraction = "", LockTimeoutSeconds = "5", Locked = true });

        Assert.Empty(settings.Problems);
        var request = Assert.Single(settings.Requests);
        Assert.Equal("arith", request.Name);
        Assert.Equal(Execution.RefreshRotation.DefaultFraction, settings.RefreshFraction);
        Assert.Equal(5, settings.LockTimeoutSeconds);
        Assert.True(settings.Locked);
        Assert.Equal(Path.Combine(_project.Root, "obj"), settings.IntermediateDirectory);
    }
}
