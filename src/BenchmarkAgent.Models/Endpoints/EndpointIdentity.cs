namespace BenchmarkAgent.Models;

/// <summary>What identifies an endpoint in cache keys and comparisons: scheme, host, port and path; never credentials or a query.</summary>
internal static class EndpointIdentity
{
    /// <summary>Returns the identity of <paramref name="endpoint"/>, e.g. <c>https://api.openai.com/v1</c>.</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <returns>Scheme, host, port (when not the default) and path without a trailing slash, lowercase except the path.</returns>
    public static string Of(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        string port = endpoint.IsDefaultPort ? string.Empty : ":" + endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{endpoint.Scheme.ToLowerInvariant()}://{endpoint.Host.ToLowerInvariant()}{port}{endpoint.AbsolutePath.TrimEnd('/')}";
    }
}
