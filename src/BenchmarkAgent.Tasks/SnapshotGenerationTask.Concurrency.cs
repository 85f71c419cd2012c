using System.Globalization;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Snapshots;
using Microsoft.Build.Framework;

namespace BenchmarkAgent.Tasks;

/// <summary>The generation lock and the resume journal: parallel builds generate once, an interrupted one resumes.</summary>
public abstract partial class SnapshotGenerationTask
{
    /// <summary>Takes the project's generation lock, waiting for another build that holds it; logs and returns null on failure.</summary>
    private GenerationLock? EnterLock(string path, int timeoutSeconds)
    {
        try
        {
            var held = GenerationLock.Acquire(
                path,
                TimeSpan.FromSeconds(timeoutSeconds),
                () => Log.LogMessage(MessageImportance.Normal, "BenchmarkAgent: waiting for another build of this project to finish generating (lock {0}, up to {1} s).", path, timeoutSeconds));
            if (held is null)
            {
                Log.LogError(subcategory: null, ErrorCodes.GenerationLockTimeout, helpKeyword: null, ProjectFile, 0, 0, 0, 0,
                    "Another build of this project has been generating its benchmarks for more than {0} s (it holds {1}), so this build stopped waiting and generated nothing. Let the other build finish, stop it if it hangs (an IDE build or a 'dotnet build-server' node), or raise BenchmarkAgentLockTimeoutSeconds.",
                    timeoutSeconds.ToString(CultureInfo.InvariantCulture), path);
            }

            return held;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogIntermediateFailure(path, ex);
            return null;
        }
    }

    private void LogIntermediateFailure(string path, Exception ex) =>
        Log.LogError(subcategory: null, ErrorCodes.IntermediateFileFailed, helpKeyword: null, ProjectFile, 0, 0, 0, 0,
            "BenchmarkAgent cannot create or open {0}: {1} Make sure the project's obj/ folder (BaseIntermediateOutputPath) is writable, then build again.",
            path, ex.Message);

    /// <summary>Looks at the snapshot again (after waiting for the lock): true when its plan records <paramref name="fingerprint"/> and its items exist.</summary>
    private bool IsFreshNow(string snapshotRoot, string benchmark, string fingerprint)
    {
        try
        {
            return SnapshotReader.ReadFingerprint(SnapshotLayout.PlanPath(snapshotRoot, benchmark)) == fingerprint
                && File.Exists(SnapshotLayout.ItemsPath(snapshotRoot, benchmark));
        }
        catch (SnapshotFormatException)
        {
            return false;
        }
    }

    /// <summary>The generation lock once this run has taken it (lazily: a run with only fresh snapshots never takes it).</summary>
    private sealed class HeldLock : IDisposable
    {
        public GenerationLock? Lock { get; set; }

        public void Dispose() => Lock?.Dispose();
    }
}
