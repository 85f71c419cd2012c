namespace BenchmarkAgent.Testing.Reports;

/// <summary>How an item compares with the committed baseline, as shown in the HTML report.</summary>
public enum HtmlItemVerdict
{
    /// <summary>Passed, as in the baseline.</summary>
    Pass,

    /// <summary>Passed in the baseline and fails now.</summary>
    Regression,

    /// <summary>Failed in the baseline and still fails.</summary>
    KnownFailure,

    /// <summary>Failed in the baseline and passes now.</summary>
    Improvement,
}
