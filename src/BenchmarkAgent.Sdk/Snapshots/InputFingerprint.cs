using System.Globalization;
using BenchmarkAgent.Planning;

namespace BenchmarkAgent.Snapshots;

/// <summary>
/// The fingerprint of everything that decides a benchmark's content. A snapshot whose recorded
/// fingerprint differs from the current one is stale.
/// </summary>
public static class InputFingerprint
{
    /// <summary>
    /// The engine version: bumped whenever the same inputs would produce different items
    /// (a family's wording, a verifier, the planner). Bumping it makes every snapshot stale.
    /// </summary>
    public const string EngineVersion = "offline-2";

    /// <summary>Computes the fingerprint of <paramref name="request"/> as <c>sha256:&lt;hex&gt;</c>.</summary>
    public static string Compute(BenchmarkRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string canonical = string.Join(
            "\n",
            "engine=" + EngineVersion,
            "query=" + request.Query.Trim(),
            "quota=" + request.Quota.ToString(CultureInfo.InvariantCulture),
            "seed=" + request.Seed.ToString(CultureInfo.InvariantCulture),
            "difficulty=" + SnapshotNames.Difficulty(request.Difficulty));
        return "sha256:" + StableHash.Sha256(canonical);
    }
}
