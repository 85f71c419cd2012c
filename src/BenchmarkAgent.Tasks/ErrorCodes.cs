namespace BenchmarkAgent.Tasks;

/// <summary>The stable codes of the build's diagnostics. Never reuse or renumber a code; docs/errors.md explains each.</summary>
public static class ErrorCodes
{
    /// <summary><c>Query</c> is missing or empty.</summary>
    public const string MissingQuery = "BA0001";

    /// <summary><c>Quota</c> is missing or not a positive integer.</summary>
    public const string InvalidQuota = "BA0002";

    /// <summary><c>Quota</c> is above the maximum.</summary>
    public const string QuotaTooLarge = "BA0003";

    /// <summary>The benchmark name is not a safe file name.</summary>
    public const string UnsafeName = "BA0004";

    /// <summary>Two benchmarks have the same name.</summary>
    public const string DuplicateName = "BA0005";

    /// <summary><c>Seed</c> is not an integer.</summary>
    public const string InvalidSeed = "BA0006";

    /// <summary><c>Difficulty</c> is not easy, medium, hard or mixed.</summary>
    public const string InvalidDifficulty = "BA0007";

    /// <summary>Locked mode and the snapshot is missing.</summary>
    public const string MissingSnapshotLocked = "BA0101";

    /// <summary>Locked mode and the snapshot is stale.</summary>
    public const string StaleSnapshotLocked = "BA0102";

    /// <summary>A snapshot file is malformed (invalid JSON, missing or invalid fields).</summary>
    public const string MalformedSnapshot = "BA0201";

    /// <summary>A snapshot file contains merge-conflict markers.</summary>
    public const string SnapshotConflictMarkers = "BA0202";

    /// <summary>Two snapshot items have the same id.</summary>
    public const string DuplicateItemId = "BA0203";

    /// <summary>A reviewer-edited item's answer fails its family's checker.</summary>
    public const string EditedItemFailsCheck = "BA0204";

    /// <summary>A snapshot file has an unknown schema version.</summary>
    public const string UnknownSnapshotSchema = "BA0205";

    /// <summary><c>BenchmarkAgentRefreshFraction</c> is not a number in (0, 1].</summary>
    public const string InvalidRefreshFraction = "BA0206";
    /// <summary>Another build held the project's generation lock for longer than <c>BenchmarkAgentLockTimeoutSeconds</c>.</summary>
    public const string GenerationLockTimeout = "BA0250";

    /// <summary><c>BenchmarkAgentLockTimeoutSeconds</c> is not a whole number of seconds in range.</summary>
    public const string InvalidLockTimeout = "BA0251";

    /// <summary>The generation lock or a resume journal under <c>obj/benchagent/</c> cannot be created or opened.</summary>
    public const string IntermediateFileFailed = "BA0252";

    /// <summary>A subtask could not fill its quota.</summary>
    public const string QuotaShortfall = "BA0301";

    /// <summary>The query matches no task family well (a warning).</summary>
    public const string WeakMatch = "BA0302";

    /// <summary><c>Strict</c> is not true or false.</summary>
    public const string InvalidStrict = "BA0008";

    /// <summary>Strict mode and the query matches no task family well (an error).</summary>
    public const string WeakMatchStrict = "BA0303";

    /// <summary>The registered datasets cannot supply their share of the quota and no task family can take the rest.</summary>
    public const string DatasetShortfall = "BA0304";

    /// <summary>A dataset cannot be read (unknown format, malformed line, missing fields).</summary>
    public const string MalformedDataset = "BA0401";

    /// <summary>A dataset path in <c>Datasets</c> or <c>BenchmarkAgentDatasets</c> does not exist.</summary>
    public const string MissingDataset = "BA0402";

    /// <summary><c>MinScore</c> is not a number from 0 to 1 (same code as the test assembly's check).</summary>
    public const string InvalidMinScore = "BA2052";

    /// <summary><c>RegressionAlpha</c> is not a number greater than 0 and less than 1 (same code as the test assembly's check).</summary>
    public const string InvalidRegressionAlpha = "BA2053";

    /// <summary>Generation failed unexpectedly.</summary>
    public const string GenerationFailed = "BA0900";
}
