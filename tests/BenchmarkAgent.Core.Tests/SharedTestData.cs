namespace BenchmarkAgent.Core.Tests;

/// <summary>
/// Test data that lives beside the repository in <c>../shared</c> and is not committed. A test that needs a missing
/// file fails under <c>CI=true</c>, where a missing file means a broken set-up, and is skipped elsewhere.
/// </summary>
internal static class SharedTestData
{
    /// <summary>Returns <paramref name="path"/> when the file exists; otherwise fails (under CI=true) or skips the calling test.</summary>
    /// <param name="path">The file found, or null when it was not found.</param>
    /// <param name="description">What the file is and where it was looked for, for the message.</param>
    public static string Require(string? path, string description) =>
        Require(path, description, Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="Require(string?, string)"/>, reading <c>CI</c> from <paramref name="environment"/>.</summary>
    public static string Require(string? path, string description, Func<string, string?> environment)
    {
        if (path is not null && File.Exists(path))
        {
            return path;
        }

        string message = $"{description} was not found.";
        if (string.Equals(environment("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message + " CI=true requires it: check out the shared data beside the repository (../shared).");
        }

        Assert.Skip(message);
        throw new InvalidOperationException(message); // not reached: Assert.Skip throws
    }
}
