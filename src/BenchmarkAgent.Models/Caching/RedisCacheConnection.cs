using StackExchange.Redis;

namespace BenchmarkAgent.Models;

/// <summary>
/// A parsed Redis connection string for the shared response cache (<c>BENCHAGENT_CACHE_REDIS=host:port[,options]</c>,
/// StackExchange.Redis syntax). The text may hold a password: it is kept only inside the parsed options, never shown;
/// <see cref="ToString"/> and <see cref="Description"/> name the endpoints only.
/// </summary>
internal sealed class RedisCacheConnection
{
    /// <summary>How long connecting may take unless the connection string says otherwise: a dead Redis must not stall calls.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How long one cache read or write may take unless the connection string says otherwise.</summary>
    public static readonly TimeSpan DefaultOperationTimeout = TimeSpan.FromSeconds(1);

    private readonly string _text;

    private RedisCacheConnection(string text, string description)
    {
        _text = text;
        Description = description;
    }

    /// <summary>The endpoints, e.g. <c>127.0.0.1:6379</c>; never the password or other options.</summary>
    public string Description { get; }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <param name="text">A StackExchange.Redis connection string, e.g. <c>127.0.0.1:6379,password=...</c>.</param>
    /// <param name="connection">The connection, or <see langword="null"/> when the text is not valid.</param>
    /// <param name="error">Why the text is not valid (without echoing it), or <see langword="null"/>.</param>
    /// <returns>Whether the text is a valid connection string with at least one endpoint.</returns>
    public static bool TryParse(string? text, out RedisCacheConnection? connection, out string? error)
    {
        connection = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "it is empty";
            return false;
        }

        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(text.Trim());
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or NotSupportedException or RedisException)
        {
            // The parser's message quotes the offending option, which may be the password: it is not passed on.
            error = "it is not a StackExchange.Redis connection string (host:port[,option=value...]); an option is unknown or malformed";
            return false;
        }

        if (options.EndPoints.Count == 0)
        {
            error = "it names no host (expected host:port first, e.g. 127.0.0.1:6379)";
            return false;
        }

        connection = new RedisCacheConnection(text.Trim(), string.Join(",", options.EndPoints.Select(EndPointText)));
        return true;
    }

    /// <summary>The options to connect with: the user's, plus short timeouts and no abort on a failed connect unless the text sets them.</summary>
    /// <returns>New options each time (StackExchange.Redis may change them while connecting).</returns>
    public ConfigurationOptions Options()
    {
        var options = ConfigurationOptions.Parse(_text);
        if (!Names("connectTimeout"))
        {
            options.ConnectTimeout = (int)DefaultConnectTimeout.TotalMilliseconds;
        }

        if (!Names("syncTimeout"))
        {
            options.SyncTimeout = (int)DefaultOperationTimeout.TotalMilliseconds;
        }

        if (!Names("asyncTimeout"))
        {
            options.AsyncTimeout = (int)DefaultOperationTimeout.TotalMilliseconds;
        }

        if (!Names("abortConnect"))
        {
            options.AbortOnConnectFail = false; // a Redis that is down at start is a warning and live calls, not a crash
        }

        if (!Names("connectRetry"))
        {
            options.ConnectRetry = 1;
        }

        return options;
    }

    /// <summary>Names the endpoints only.</summary>
    /// <returns>For example <c>Redis 127.0.0.1:6379</c>.</returns>
    public override string ToString() => "Redis " + Description;

    private bool Names(string option) => _text.Contains(option + "=", StringComparison.OrdinalIgnoreCase);

    private static string EndPointText(System.Net.EndPoint endPoint) => endPoint switch
    {
        System.Net.DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        System.Net.IPEndPoint ip => ip.ToString(),
        _ => endPoint.ToString() ?? "?",
    };
}
