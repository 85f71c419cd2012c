using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BenchmarkAgent.Testing.Tests.Reports;

/// <summary>
/// A headless Chromium driven over the DevTools protocol (a WebSocket, no Playwright): navigate, evaluate script,
/// take screenshots. Runs with a temporary profile and no background networking; disposing kills the process and
/// deletes the profile.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket;
    private readonly List<JsonObject> _events = [];
    private int _nextId;

    private HeadlessChromium(Process process, string profile, ClientWebSocket socket)
    {
        _process = process;
        _profile = profile;
        _socket = socket;
    }

    /// <summary>Protocol events received so far (method and params), in arrival order.</summary>
    public IReadOnlyList<JsonObject> Events => _events;

    /// <summary>The browser executable: <c>CHROMIUM_PATH</c> when set, else the usual Debian paths; null when none exists.</summary>
    public static string? FindExecutable() =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured && File.Exists(configured)
            ? configured
            : Candidates.FirstOrDefault(File.Exists);

    /// <summary>Starts the browser with a blank page of <paramref name="width"/> x <paramref name="height"/> and attaches to it.</summary>
    public static async Task<HeadlessChromium> StartAsync(string executable, int width, int height, CancellationToken cancellationToken)
    {
        string profile = Path.Combine(Path.GetTempPath(), "ba-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            "--headless", "--disable-gpu", "--remote-debugging-port=0", "--user-data-dir=" + profile,
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars",
            $"--window-size={width},{height}", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        // Chromium refuses to start as root unless its sandbox is turned off.
        if (Environment.UserName == "root")
        {
            start.ArgumentList.Add("--no-sandbox");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        process.OutputDataReceived += (_, _) => { };
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (stderr) { stderr.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var socket = new ClientWebSocket();
        try
        {
            string portFile = Path.Combine(profile, "DevToolsActivePort");
            while (!File.Exists(portFile) || File.ReadAllLines(portFile).Length < 2)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{executable} exited with {process.ExitCode} before opening DevTools: {stderr}");
                }

                await Task.Delay(50, cancellationToken);
            }

            int port = int.Parse(File.ReadAllLines(portFile)[0], System.Globalization.CultureInfo.InvariantCulture);
            using var http = new HttpClient();
            var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list"), cancellationToken))!.AsArray();
            string page = targets.First(t => (string?)t!["type"] == "page")!["webSocketDebuggerUrl"]!.GetValue<string>();
            await socket.ConnectAsync(new Uri(page), cancellationToken);
            return new HeadlessChromium(process, profile, socket);
        }
        catch
        {
            socket.Dispose();
            Kill(process, profile);
            throw;
        }
    }

    /// <summary>Sends one protocol command and returns its result; events that arrive meanwhile go to <see cref="Events"/>.</summary>
    public async Task<JsonNode> SendAsync(string method, object? parameters, CancellationToken cancellationToken)
    {
        int id = ++_nextId;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = JsonSerializer.SerializeToNode(parameters ?? new { }) };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        while (true)
        {
            var reply = await ReceiveAsync(cancellationToken);
            if (reply["id"] is null)
            {
                _events.Add(reply);
                continue;
            }

            if ((int)reply["id"]! != id)
            {
                continue;
            }

            if (reply["error"] is { } error)
            {
                throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}");
            }

            return reply["result"]!;
        }
    }

    /// <summary>Evaluates a JavaScript expression in the page and returns its value (JSON).</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var result = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true }, cancellationToken);
        if (result["exceptionDetails"] is { } exception)
        {
            throw new InvalidOperationException($"Script failed: {expression}\n{exception.ToJsonString()}");
        }

        return result["result"]!["value"];
    }

    /// <summary>Opens <paramref name="uri"/> and waits until the document has loaded.</summary>
    public async Task NavigateAsync(Uri uri, CancellationToken cancellationToken)
    {
        await SendAsync("Page.navigate", new { url = uri.AbsoluteUri }, cancellationToken);
        string check = $"document.readyState === 'complete' && location.href === {JsonSerializer.Serialize(uri.AbsoluteUri)}";
        while ((await EvaluateAsync(check, cancellationToken))?.GetValue<bool>() != true)
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Takes a PNG screenshot of the whole page.</summary>
    public async Task<byte[]> ScreenshotAsync(CancellationToken cancellationToken)
    {
        var result = await SendAsync("Page.captureScreenshot", new { format = "png", captureBeyondViewport = true }, cancellationToken);
        return Convert.FromBase64String(result["data"]!.GetValue<string>());
    }

    /// <summary>Closes the connection, kills the browser and deletes its profile.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The browser is killed next anyway.
        }

        _socket.Dispose();
        Kill(_process, _profile);
    }

    private static void Kill(Process process, string profile)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // A late child may still hold a file; the temp folder is cleaned by the OS.
        }
    }

    private async Task<JsonObject> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(chunk, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("Chromium closed the DevTools connection.");
            }

            buffer.Write(chunk, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonNode.Parse(buffer.ToArray())!.AsObject();
    }
}
