namespace BenchmarkAgent.Testing.Reports;

/// <summary>The pass rate of a group of items (a subtask, or one difficulty of a benchmark) with its Wilson interval.</summary>
/// <param name="Label">The group's label.</param>
/// <param name="Items">Items in the group.</param>
/// <param name="Scored">Items that got a score (the call did not fail); the denominator of the rate.</param>
/// <param name="Passed">Scored items that passed (with repeats: by majority).</param>
/// <param name="PassAtK">With repeats: scored items that passed in at least one repeat; otherwise equal to <paramref name="Passed"/>.</param>
internal sealed record HtmlPassRate(string Label, int Items, int Scored, int Passed, int PassAtK)
{
    /// <summary>Passed over scored items; 0 when nothing was scored.</summary>
    public double Rate => Scored == 0 ? 0 : (double)Passed / Scored;

    /// <summary>The 95% Wilson interval of <see cref="Rate"/>.</summary>
    public WilsonInterval Interval => WilsonInterval.Of(Passed, Scored);

    /// <summary>Summarises <paramref name="rows"/> under <paramref name="label"/>.</summary>
    /// <param name="label">The group's label.</param>
    /// <param name="rows">The group's items.</param>
    /// <returns>The group's pass rate.</returns>
    public static HtmlPassRate Of(string label, IReadOnlyCollection<HtmlItemRow> rows) =>
        new(label, rows.Count, rows.Count(r => r.Passed is not null), rows.Count(r => r.Passed == true),
            rows.Count(r => r.Passed is not null && (r.Repeats?.PassAtK ?? r.Passed == true)));
}
