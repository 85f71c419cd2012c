namespace BenchmarkAgent.Testing.Settings;

/// <summary>
/// Whether a run that evaluates nothing (no readable snapshot, no subject) fails instead of being skipped: under
/// <c>CI=true</c> it fails with a BA code, so a broken pipeline cannot report green; locally it is skipped with a clear
/// message. <c>BENCHAGENT_ALLOW_EMPTY_RUN=true</c> is the explicit opt-out (issue 16, findings 7 and 9).
/// </summary>
/// <param name="FailsEmptyRuns">True under CI without the opt-out.</param>
/// <param name="Error">A wrong value of the opt-out (BA2060), reported by the tests that consult the policy.</param>
internal sealed record EmptyRunPolicy(bool FailsEmptyRuns, SettingError? Error)
{
    /// <summary>The opt-out variable: <c>true</c> lets a CI run that evaluates nothing pass (skipped tests).</summary>
    public const string AllowEmptyRunVariable = "BENCHAGENT_ALLOW_EMPTY_RUN";

    /// <summary>Reads the policy from <c>CI</c> and <see cref="AllowEmptyRunVariable"/>.</summary>
    /// <param name="lookup">Returns a variable's value or null, e.g. <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    public static EmptyRunPolicy Read(Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        bool ci = string.Equals(lookup("CI")?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        string? allowText = lookup(AllowEmptyRunVariable)?.Trim();
        if (string.IsNullOrEmpty(allowText))
        {
            return new EmptyRunPolicy(ci, null);
        }

        if (bool.TryParse(allowText, out bool allow))
        {
            return new EmptyRunPolicy(ci && !allow, null);
        }

        return new EmptyRunPolicy(ci, new SettingError(ErrorCodes.InvalidAllowEmptyRun, AllowEmptyRunVariable,
            $"{AllowEmptyRunVariable} must be true or false (true lets a CI run that evaluates nothing pass); it is '{allowText}'."));
    }

    /// <summary>The policy of this process's environment.</summary>
    public static EmptyRunPolicy Current => Read(Environment.GetEnvironmentVariable);
}
