namespace BenchmarkAgent.Snapshots;

/// <summary>Windows device names (<c>CON</c>, <c>NUL</c>, <c>COM1</c>, ...) that are not usable as file names on Windows, with any extension.</summary>
internal static class ReservedFileNames
{
    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>True when the part of <paramref name="name"/> before its first dot is a device name (ignoring case).</summary>
    /// <param name="name">A file or folder name.</param>
    public static bool IsReserved(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return DeviceNames.Contains(name.Split('.')[0]);
    }
}
