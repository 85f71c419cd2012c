namespace BenchmarkAgent.Testing.Baselines;

/// <summary>Stable codes of regression-baseline and gate errors (docs/errors.md explains each).</summary>
public static class BaselineErrorCodes
{
    /// <summary>A baseline file is malformed: invalid JSON, unknown schema, missing fields, duplicate ids, another benchmark.</summary>
    public const string MalformedBaseline = "BA2050";

    /// <summary>A baseline file was recorded for another subject whose label has the same file name.</summary>
    public const string SubjectMismatch = "BA2051";

    /// <summary><c>MinScore</c> is not a number from 0 to 1.</summary>
    public const string InvalidMinScore = "BA2052";

    /// <summary><c>RegressionAlpha</c> is not a number greater than 0 and less than 1.</summary>
    public const string InvalidAlpha = "BA2053";

    /// <summary><c>BENCHAGENT_RECORD_BASELINE</c> is not true or false.</summary>
    public const string InvalidRecordSwitch = "BA2054";

    /// <summary>Recording a baseline was asked for in locked (CI) mode.</summary>
    public const string RecordLocked = "BA2055";

    /// <summary>Recording a baseline was asked for, but some subject calls failed.</summary>
    public const string RecordWithErrors = "BA2056";

    /// <summary>Recording a baseline was asked for, but the project's snapshot folder is unknown or cannot be written.</summary>
    public const string RecordFailed = "BA2057";
}
