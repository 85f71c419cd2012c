using System.Text.Json.Serialization;

namespace BenchmarkAgent.Testing.Baselines;

/// <summary>How one item did in a run, compared with the committed baseline (if any).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ItemVerdict>))]
internal enum ItemVerdict
{
    /// <summary>Answered correctly (and, with a baseline, passed there too or is new).</summary>
    Pass,

    /// <summary>Answered wrongly and the baseline does not hold it (no baseline, or a new item): a plain failure.</summary>
    Fail,

    /// <summary>Passed in the baseline, fails now: the test fails.</summary>
    Regression,

    /// <summary>Failed in the baseline, still fails: reported apart, the test does not fail.</summary>
    KnownFailure,

    /// <summary>Failed in the baseline, passes now.</summary>
    Improvement,

    /// <summary>The subject call failed; always fails the test (fail closed), whatever the baseline says.</summary>
    Error,
}
