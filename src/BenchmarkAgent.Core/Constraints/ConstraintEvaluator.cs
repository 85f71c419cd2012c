namespace BenchmarkAgent.Constraints;

/// <summary>Checks a response against every constraint of a spec. Pure: no I/O, no state.</summary>
internal static class ConstraintEvaluator
{
    /// <summary>Evaluates <paramref name="response"/> against each constraint of <paramref name="spec"/>, in spec order.</summary>
    /// <param name="spec">The constraints.</param>
    /// <param name="response">The full response text; null counts as empty.</param>
    /// <returns>One outcome per constraint, with a reason for each pass or failure.</returns>
    public static IReadOnlyList<ConstraintOutcome> Evaluate(ConstraintSpec spec, string? response)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string text = response ?? string.Empty;
        return spec.Constraints.Select(c => c.Evaluate(text)).ToList();
    }
}
