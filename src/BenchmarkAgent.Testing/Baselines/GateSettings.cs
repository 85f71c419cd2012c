using System.Globalization;

namespace BenchmarkAgent.Testing.Baselines;

/// <summary>The gate of one benchmark: the minimum score and the significance level of the drop check.</summary>
/// <param name="MinScore">The lowest acceptable mean score (0 to 1), or <see langword="null"/> for no minimum.</param>
/// <param name="Alpha">The significance level: a drop against the baseline fails when its p-value is below it.</param>
internal sealed record GateSettings(double? MinScore, double Alpha)
{
    /// <summary>The default significance level.</summary>
    public const double DefaultAlpha = 0.05;

    /// <summary>No minimum score, the default significance level.</summary>
    public static GateSettings Default { get; } = new(null, DefaultAlpha);

    /// <summary>
    /// Parses the <c>MinScore</c> and <c>RegressionAlpha</c> metadata of a <c>GeneratedBenchmark</c> (invariant culture;
    /// empty means "not set").
    /// </summary>
    /// <param name="benchmark">The benchmark name, for messages.</param>
    /// <param name="minScore">The <c>MinScore</c> text: a number from 0 to 1, or empty.</param>
    /// <param name="alpha">The <c>RegressionAlpha</c> text: a number greater than 0 and less than 1, or empty.</param>
    /// <param name="settings">The settings, when valid.</param>
    /// <param name="error">What is wrong, with its code, when not valid.</param>
    /// <returns>True when both values are valid.</returns>
    public static bool TryParse(string benchmark, string? minScore, string? alpha, out GateSettings settings, out string? error)
    {
        settings = Default;
        error = null;
        double? min = null;
        if (!string.IsNullOrWhiteSpace(minScore))
        {
            if (!TryNumber(minScore, out double value) || value is < 0 or > 1)
            {
                error = $"{ErrorCodes.InvalidMinScore}: GeneratedBenchmark '{benchmark}' has MinScore '{minScore}'; it must be a number from 0 to 1 (the lowest acceptable mean score), e.g. MinScore=\"0.6\".";
                return false;
            }

            min = value;
        }

        double level = DefaultAlpha;
        if (!string.IsNullOrWhiteSpace(alpha))
        {
            if (!TryNumber(alpha, out level) || level is <= 0 or >= 1)
            {
                error = $"{ErrorCodes.InvalidRegressionAlpha}: GeneratedBenchmark '{benchmark}' has RegressionAlpha '{alpha}'; it must be a number greater than 0 and less than 1 (the significance level of the drop check), e.g. RegressionAlpha=\"0.05\".";
                return false;
            }
        }

        settings = new GateSettings(min, level);
        return true;
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
