using BenchmarkAgent.Testing.Baselines;

namespace BenchmarkAgent.Testing.Baselines;

/// <summary>The baseline of one benchmark and subject as found at run time.</summary>
/// <param name="Path">Where the baseline is (or would be) read from.</param>
/// <param name="Baseline">The baseline, or <see langword="null"/> when there is no file or it is broken.</param>
/// <param name="Error">Why the file cannot be used (with its BA code, file and line), or <see langword="null"/>.</param>
internal sealed record BaselineLookup(string Path, Baseline? Baseline, string? Error)
{
    /// <summary>The baseline's items by id (empty without a baseline).</summary>
    public IReadOnlyDictionary<string, BaselineItem> Items { get; } = Baseline?.ById() ?? new Dictionary<string, BaselineItem>();

    /// <summary>Reads the baseline at <paramref name="path"/>; a broken file becomes an <see cref="Error"/>, not an exception.</summary>
    /// <param name="path">The baseline file.</param>
    /// <param name="benchmark">The benchmark it must belong to.</param>
    /// <param name="subject">The subject label it must have been recorded with.</param>
    /// <returns>The lookup.</returns>
    public static BaselineLookup Read(string path, string benchmark, string subject)
    {
        try
        {
            return new BaselineLookup(path, BaselineReader.TryRead(path, benchmark, subject), null);
        }
        catch (BaselineFormatException ex)
        {
            return new BaselineLookup(path, null, ex.Message);
        }
        catch (IOException ex)
        {
            return new BaselineLookup(path, null, $"{path}(0): error {ErrorCodes.MalformedBaseline}: the baseline cannot be read: {ex.Message}");
        }
    }
}
