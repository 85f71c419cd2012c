using BenchmarkAgent.Core.Tests.Grounding;

namespace BenchmarkAgent.Core.Tests;

public sealed class SharedTestDataTests
{
    private static readonly string Missing = Path.Combine(Path.GetTempPath(), "benchagent-missing-" + Guid.NewGuid().ToString("N") + ".jsonl");

    [Fact]
    public void A_missing_file_fails_the_test_under_CI()
    {
        var error = Assert.ThrowsAny<Exception>(() => SharedTestData.Require(Missing, "the sample", name => name == "CI" ? "true" : null));

        Assert.Equal("FailException", error.GetType().Name);
        Assert.Contains("the sample was not found. CI=true requires it", error.Message);
    }

    [Fact]
    public void A_missing_file_skips_the_test_outside_CI()
    {
        // Caught by hand: xUnit's Assert.Throws lets a skip through, so the test itself would be skipped.
        Exception? error = null;
        try
        {
            SharedTestData.Require(Missing, "the sample", _ => null);
        }
        catch (Exception ex)
        {
            error = ex;
        }

        Assert.NotNull(error);

        Assert.Equal("SkipException", error.GetType().Name);
        Assert.Contains("the sample was not found.", error.Message);
        Assert.DoesNotContain("CI=true", error.Message);
    }

    [Fact]
    public void A_present_file_is_returned_under_CI_too()
    {
        string present = GroundingTestData.Gsm8kSamplePath();

        Assert.Equal(present, SharedTestData.Require(present, "the sample", _ => "true"));
    }
}
