namespace BenchmarkAgent.Generation.Verification;

/// <summary>
/// Decides whether an inspected item can be repaired: only when every failed verdict is in a packaging category and
/// names a known packaging fix (and dropping the context is allowed only where the schema does not need one). Pure.
/// </summary>
internal static class RepairPlanner
{
    /// <summary>The fixes to apply, in <see cref="PackagingFix.All"/> order, or null with the first failure that is not a packaging problem.</summary>
    /// <param name="failed">The failed verdicts (at least one).</param>
    /// <param name="inputs">The subtask's sample-schema inputs.</param>
    /// <returns>The plan, or the blocking verdict.</returns>
    public static (IReadOnlyList<string>? Fixes, InspectionVerdict? Blocking) Plan(IReadOnlyList<InspectionVerdict> failed, IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(failed);
        var fixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var verdict in failed)
        {
            string category = verdict.Category.Trim().ToLowerInvariant();
            string fix = verdict.Fix.Trim().ToLowerInvariant();
            bool allowed = InspectionCategories.Packaging.Contains(category)
                && PackagingFix.All.Contains(fix)
                && !(fix == PackagingFix.DropRedundantContext && inputs.Contains("context"));
            if (!allowed)
            {
                return (null, verdict);
            }

            fixes.Add(fix);
        }

        return (PackagingFix.All.Where(fixes.Contains).ToList(), null);
    }
}
