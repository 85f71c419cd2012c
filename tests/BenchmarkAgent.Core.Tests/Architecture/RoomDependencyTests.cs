using System.Text.RegularExpressions;
using BenchmarkAgent.Core.Tests.Diagnostics;

namespace BenchmarkAgent.Core.Tests.Architecture;

/// <summary>
/// Dependencies between the engine's rooms point one way (docs/architecture.md): the generation loop (Execution) uses
/// the snapshot format, the item records and persistence, never the other way round. Read from the source, so a
/// `using` or a qualified name that turns an arrow round fails here, not in review.
/// </summary>
public sealed partial class RoomDependencyTests
{
    [Theory]
    [InlineData("Items")]
    [InlineData("Snapshots")]
    [InlineData("Persistence")]
    public void A_room_below_the_generation_loop_does_not_use_it(string room)
    {
        string folder = Path.Combine(ErrorCatalogTests.RepositoryRoot(), "src", "BenchmarkAgent.Core", room);
        var files = Directory.GetFiles(folder, "*.cs");
        Assert.NotEmpty(files);

        var offenders = files
            .Where(f => ExecutionReference().IsMatch(File.ReadAllText(f)))
            .Select(Path.GetFileName)
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_engine_references_no_other_project_and_no_model_or_test_library()
    {
        string project = File.ReadAllText(Path.Combine(ErrorCatalogTests.RepositoryRoot(), "src", "BenchmarkAgent.Core", "BenchmarkAgent.Core.csproj"));

        var references = References(project);
        Assert.Equal(["Microsoft.CodeAnalysis.PublicApiAnalyzers"], references);
    }

    [Fact]
    public void The_model_layer_does_not_reference_xunit_or_the_testing_project()
    {
        string project = File.ReadAllText(Path.Combine(ErrorCatalogTests.RepositoryRoot(), "src", "BenchmarkAgent.Models", "BenchmarkAgent.Models.csproj"));

        var references = References(project);
        Assert.Contains("../BenchmarkAgent.Core/BenchmarkAgent.Core.csproj", references);
        Assert.Contains("Microsoft.Extensions.AI.OpenAI", references);
        Assert.DoesNotContain(references, r => r.Contains("BenchmarkAgent.Testing", StringComparison.Ordinal) || r.Contains("BenchmarkAgent.Tasks", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.Contains("xunit", StringComparison.OrdinalIgnoreCase) || r.StartsWith("Microsoft.Build", StringComparison.Ordinal));
    }

    private static List<string> References(string project) =>
        ReferenceInclude().Matches(project).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"<(?:Project|Package)Reference Include=""([^""]+)""")]
    private static partial Regex ReferenceInclude();

    [GeneratedRegex(@"\bBenchmarkAgent\.Execution\b|(?<![\w.])Execution\.[A-Z]")]
    private static partial Regex ExecutionReference();
}
