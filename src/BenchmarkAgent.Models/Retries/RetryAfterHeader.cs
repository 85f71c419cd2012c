using System.Globalization;

namespace BenchmarkAgent.Models;

/// <summary>Reads an HTTP <c>Retry-After</c> value: a number of seconds or an HTTP date.</summary>
internal static class RetryAfterHeader
{
    /// <summary>The wait a <c>Retry-After</c> value asks for.</summary>
    /// <param name="value">The header value, e.g. <c>7</c> or <c>Wed, 21 Oct 2026 07:28:00 GMT</c>.</param>
    /// <param name="now">The current time, for dates.</param>
    /// <returns>The wait (never negative), or <see langword="null"/> when the value is missing or not understood.</returns>
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
        {
            return seconds >= 0 && double.IsFinite(seconds) ? TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.FromDays(1).TotalSeconds)) : null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
