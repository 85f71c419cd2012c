using System.Runtime.InteropServices;

namespace BenchmarkAgent.Generator;

/// <summary>
/// Cancels the run when the build goes away: standard input reaches its end (the task closes it, or the build process
/// died and the pipe closed with it) or Ctrl+C / SIGTERM arrives. The journal keeps every finished item.
/// </summary>
internal sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly PosixSignalRegistration? _sigterm;

    /// <summary>Starts watching <paramref name="input"/> and the console's cancel keys.</summary>
    public ShutdownSignals(TextReader input)
    {
        Console.CancelKeyPress += OnCancelKeyPress;
        _sigterm = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            Cancel();
        });
        var watcher = new Thread(() => WatchInput(input)) { IsBackground = true, Name = "stdin watcher" };
        watcher.Start();
    }

    /// <summary>Cancelled when the run must stop.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <inheritdoc />
    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _sigterm?.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        Cancel();
    }

    private void WatchInput(TextReader input)
    {
        try
        {
            // The task writes nothing: the only thing to see is the end of the stream.
            while (input.ReadLine() is not null)
            {
            }
        }
        catch (IOException)
        {
        }

        Cancel();
    }

    private void Cancel()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
