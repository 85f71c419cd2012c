using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace BenchmarkAgent.Models.Tests.Caching;

/// <summary>
/// A real <c>redis-server</c> (Debian's package) on 127.0.0.1 at a free port, without persistence
/// (<c>--save "" --appendonly no</c>), optionally with a password; killed on dispose.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port, string? password)
    {
        _process = process;
        Port = port;
        Password = password;
    }

    public int Port { get; }

    public string? Password { get; }

    /// <summary>The connection string a user would put in <c>BENCHAGENT_CACHE_REDIS</c>.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}" + (Password is null ? string.Empty : ",password=" + Password);

    public static async Task<RedisServer> StartAsync(string? password = null)
    {
        int port = FreePort();
        var start = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        if (password is not null)
        {
            start.ArgumentList.Add("--requirepass");
            start.ArgumentList.Add(password);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start (apt-get install redis-server).");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, port, password);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                await using var probe = await server.ConnectAsync();
                await probe.GetDatabase().PingAsync();
                return server;
            }
            catch (RedisException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public Task<ConnectionMultiplexer> ConnectAsync() =>
        ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions { EndPoints = { { "127.0.0.1", Port } }, Password = Password, AllowAdmin = true, ConnectTimeout = 2000 });

    /// <summary>Every key and every value Redis holds (hash fields and strings), as text.</summary>
    public async Task<IReadOnlyList<(string Key, string Value)>> DumpAsync()
    {
        await using var connection = await ConnectAsync();
        var database = connection.GetDatabase();
        var entries = new List<(string, string)>();
        foreach (var key in connection.GetServer("127.0.0.1", Port).Keys(pattern: "*"))
        {
            var type = await database.KeyTypeAsync(key);
            string value = type switch
            {
                RedisType.Hash => string.Join("\n", (await database.HashGetAllAsync(key)).Select(f => $"{f.Name}={(string?)f.Value}")),
                RedisType.String => (string?)await database.StringGetAsync(key) ?? string.Empty,
                _ => throw new InvalidOperationException($"unexpected Redis type {type} at {key}"),
            };
            entries.Add((key.ToString(), value));
        }

        return entries;
    }

    /// <summary>Kills the server at once (no shutdown), as a crash would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
