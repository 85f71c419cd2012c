namespace BenchmarkAgent.Testing.Reports;

/// <summary>How an item compares with the committed baseline, as shown in the HTML report (same members, same order as the baseline gate's item verdict).</summary>
public enum HtmlItemVerdict
{
    /// <summary>Answered correctly (and, with a baseline, passed there too or is new).</summary>
    Pass,

    /// <summary>Answered wrongly and the baseline does not hold it: a plain failure.</summary>
    Fail,

    /// <summary>Passed in the baseline and fails now.</summary>
    Regression,

    /// <summary>Failed in the baseline and still fails.</summary>
    KnownFailure,

    /// <summary>Failed in the baseline and passes now.</summary>
    Improvement,

    /// <summary>The subject call failed.</summary>
    Error,
}
