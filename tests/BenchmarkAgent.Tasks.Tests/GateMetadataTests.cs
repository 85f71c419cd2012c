using Microsoft.Build.Utilities;

namespace BenchmarkAgent.Tasks.Tests;

public sealed class GateMetadataTests : IDisposable
{
    private readonly TaskProject _project = new("ba-gate-");

    public void Dispose() => _project.Dispose();

    private static TaskItem Item(string? minScore, string? alpha)
    {
        var item = new TaskItem("arith");
        item.SetMetadata("Query", "Multi-step arithmetic word problems");
        item.SetMetadata("Quota", "4");
        if (minScore is not null) item.SetMetadata("MinScore", minScore);
        if (alpha is not null) item.SetMetadata("RegressionAlpha", alpha);
        return item;
    }

    [Theory]
    [InlineData("1.2", null, "BA2052")]
    [InlineData("-0.5", null, "BA2052")]
    [InlineData("60%", null, "BA2052")]
    [InlineData("0,6", null, "BA2052")]
    [InlineData(null, "0", "BA2053")]
    [InlineData(null, "1", "BA2053")]
    [InlineData(null, "abc", "BA2053")]
    public void Invalid_gate_metadata_is_an_error_that_names_the_value_and_writes_nothing(string? minScore, string? alpha, string code)
    {
        var (ok, engine) = _project.Run([Item(minScore, alpha)]);

        Assert.False(ok);
        var error = Assert.Single(engine.Errors);
        Assert.Equal(code, error.Code);
        Assert.Contains($"'{minScore ?? alpha}'", error.Message);
        Assert.Contains("arith", error.Message);
        Assert.Empty(_project.FilesWritten());
    }

    [Fact]
    public void Valid_gate_metadata_generates_as_usual()
    {
        var (ok, engine) = _project.Run([Item("0.6", "0.01")]);

        Assert.True(ok, string.Join("; ", engine.Errors.Select(e => e.Message)));
        Assert.NotEmpty(_project.FilesWritten());
    }
}
