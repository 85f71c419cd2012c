using System.Diagnostics;

namespace BenchmarkAgent.Persistence;

/// <summary>
/// The cross-process lock a build holds while it generates a project's snapshots, so parallel builds of one project
/// (multi-targeting, <c>-m</c>, an IDE and a terminal) generate once. It is a file opened exclusively
/// (<see cref="FileShare.None"/>: a share-mode lock on Windows, <c>flock</c> on Unix); the operating system releases it
/// when the holder exits or is killed, so there is never a stale lock to clean up and the file itself is never deleted.
/// </summary>
internal sealed class GenerationLock : IDisposable
{
    /// <summary>How long a waiting build sleeps between attempts.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly FileStream _stream;

    private GenerationLock(string path, FileStream stream, bool waited)
    {
        Path = path;
        _stream = stream;
        Waited = waited;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>True when another holder had the lock first, so whatever it generated must be looked at again.</summary>
    public bool Waited { get; }

    /// <summary>The lock file of a project whose intermediate (<c>obj/</c>) folder is <paramref name="intermediateDirectory"/>.</summary>
    public static string PathFor(string intermediateDirectory) =>
        System.IO.Path.Combine(intermediateDirectory, "benchagent", "generate.lock");

    /// <summary>
    /// Takes the lock at <paramref name="path"/>, waiting up to <paramref name="timeout"/> while another process (or
    /// another handle in this one) holds it; calls <paramref name="onWait"/> once when it starts waiting.
    /// </summary>
    /// <returns>The held lock, or <see langword="null"/> when it was still held elsewhere at the deadline.</returns>
    /// <exception cref="IOException">The lock file cannot be created or opened for another reason than contention.</exception>
    /// <exception cref="UnauthorizedAccessException">The lock file's folder is not writable.</exception>
    public static GenerationLock? Acquire(string path, TimeSpan timeout, Action? onWait = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var clock = Stopwatch.StartNew();
        bool waited = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return new GenerationLock(path, new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), waited);
            }
            catch (IOException ex) when (IsHeldElsewhere(ex))
            {
                // Held by another build: wait for it below.
            }

            if (clock.Elapsed >= timeout)
            {
                return null;
            }

            if (!waited)
            {
                waited = true;
                onWait?.Invoke();
            }

            cancellationToken.WaitHandle.WaitOne(PollInterval < timeout - clock.Elapsed ? PollInterval : timeout - clock.Elapsed);
        }
    }

    /// <summary>Releases the lock (the file stays, so the next holder opens the same file).</summary>
    public void Dispose() => _stream.Dispose();

    /// <summary>
    /// True for the sharing violation of an exclusively opened file: ERROR_SHARING_VIOLATION or ERROR_LOCK_VIOLATION on
    /// Windows, EWOULDBLOCK from <c>flock</c> on Linux (11) and macOS (35). Other I/O errors are real failures.
    /// </summary>
    private static bool IsHeldElsewhere(IOException ex) =>
        ex.GetType() == typeof(IOException) &&
        (OperatingSystem.IsWindows()
            ? ex.HResult is unchecked((int)0x80070020) or unchecked((int)0x80070021)
            : ex.HResult is 11 or 35);
}
