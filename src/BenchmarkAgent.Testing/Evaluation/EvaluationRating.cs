namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>How a metric's value is judged, shaped like Microsoft.Extensions.AI.Evaluation's <c>EvaluationRating</c>.</summary>
public enum EvaluationRating
{
    /// <summary>The value has not been interpreted.</summary>
    Unknown,

    /// <summary>The value could not be interpreted (e.g. the judge's reply was not readable).</summary>
    Inconclusive,

    /// <summary>Score 1 of 5.</summary>
    Unacceptable,

    /// <summary>Score 2 of 5.</summary>
    Poor,

    /// <summary>Score 3 of 5.</summary>
    Average,

    /// <summary>Score 4 of 5.</summary>
    Good,

    /// <summary>Score 5 of 5.</summary>
    Exceptional,
}
