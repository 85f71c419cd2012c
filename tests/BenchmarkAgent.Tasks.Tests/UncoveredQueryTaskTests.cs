using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace BenchmarkAgent.Tasks.Tests;

/// <summary>
/// The honest offline default at the MSBuild task level: with no generator, a query outside the catalog fails the build
/// with BA0310, names the benchmark, says what to configure and writes nothing; AllowWeakMatch opts in to a warning.
/// </summary>
public sealed class UncoveredQueryTaskTests : IDisposable
{
    private readonly TaskProject _project = new("ba-uncovered-");

    public void Dispose() => _project.Dispose();

    private static TaskItem Item(string name, string query, string? allowWeakMatch = null)
    {
        var item = new TaskItem(name);
        item.SetMetadata("Query", query);
        item.SetMetadata("Quota", "10");
        if (allowWeakMatch is not null)
        {
            item.SetMetadata("AllowWeakMatch", allowWeakMatch);
        }

        return item;
    }

    [Theory]
    [InlineData("sql", "Turn questions about a sales database into SQL queries", "generate")]
    [InlineData("triage", "Triage patient symptoms and suggest an urgency level", "generate")]
    [InlineData("refusals", "Politely refuse unsafe requests but help with harmless ones", "plan")]
    public void A_query_outside_the_catalog_fails_with_the_guidance_error_and_writes_nothing(string name, string query, string target)
    {
        var (ok, engine) = _project.Run([Item(name, query)], target: target);

        Assert.False(ok);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("BA0310", error.Code);
        Assert.StartsWith($"Benchmark '{name}': ", error.Message);
        Assert.Contains("BENCHAGENT_GENERATOR_ENDPOINT", error.Message);
        Assert.Contains("BenchmarkAgentGenerator", error.Message);
        Assert.Contains("Datasets=", error.Message);
        Assert.Contains("AllowWeakMatch", error.Message);
        Assert.Empty(engine.Warnings);
        Assert.Empty(_project.FilesWritten());
    }

    [Fact]
    public void An_uncovered_benchmark_fails_alone_and_a_covered_one_next_to_it_is_generated()
    {
        var (ok, engine) = _project.Run([Item("sql", "Translate questions into SQL over a schema"), Item("arith", "Multi-step arithmetic word problems")]);

        Assert.False(ok);
        Assert.Equal("BA0310", Assert.Single(engine.Errors).Code);
        Assert.Contains(_project.FilesWritten(), f => f.Contains(Path.Combine("Benchmarks", "arith"), StringComparison.Ordinal));
        Assert.DoesNotContain(_project.FilesWritten(), f => f.Contains(Path.Combine("Benchmarks", "sql"), StringComparison.Ordinal));
    }

    [Fact]
    public void AllowWeakMatch_builds_the_closest_families_with_a_warning()
    {
        var (ok, engine) = _project.Run([Item("sql", "Translate questions into SQL over a schema", allowWeakMatch: "True")]);

        Assert.True(ok, string.Join("\n", engine.Errors.Select(e => e.Message)));
        Assert.Equal("BA0302", Assert.Single(engine.Warnings).Code);
        Assert.NotEmpty(_project.FilesWritten());
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    public void AllowWeakMatch_must_be_a_boolean(string value)
    {
        var (ok, engine) = _project.Run([Item("arith", "Multi-step arithmetic word problems", allowWeakMatch: value)]);

        Assert.False(ok);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("BA0311", error.Code);
        Assert.Contains($"'{value}'", error.Message);
        Assert.Empty(_project.FilesWritten());
    }
}
