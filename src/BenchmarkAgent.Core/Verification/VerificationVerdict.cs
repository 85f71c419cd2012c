namespace BenchmarkAgent.Verification;

/// <summary>The verdict of one check on one candidate sample. Problems are data, not exceptions.</summary>
/// <param name="Check">The check's stable name, e.g. <c>schema</c>, <c>checker</c>, <c>leakage</c>, <c>duplicate</c>.</param>
/// <param name="Passed">Whether the sample passed.</param>
/// <param name="Message">Why it failed, or what was verified.</param>
internal sealed record VerificationVerdict(string Check, bool Passed, string Message)
{
    /// <summary>A passing verdict.</summary>
    public static VerificationVerdict Pass(string check) => new(check, true, "ok");

    /// <summary>A failing verdict.</summary>
    public static VerificationVerdict Fail(string check, string message) => new(check, false, message);
}
