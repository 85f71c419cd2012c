using System.Diagnostics;
using System.Text;
using BenchmarkAgent.GeneratorProtocol;

namespace BenchmarkAgent.Tasks;

/// <summary>
/// Runs the generator program and streams its protocol lines to a callback on the calling thread (so the task logs
/// them in order, as they come). Its standard input stays open while it runs: closing it (the build ends or dies) is
/// the program's signal to stop. Cancellation kills it; the journal makes that safe at any point.
/// </summary>
internal static class GeneratorProcess
{
    /// <summary>How many standard-error lines are kept for a failure message.</summary>
    public const int StandardErrorLines = 12;

    /// <summary>How many malformed lines are kept for the error message.</summary>
    public const int MalformedLinesKept = 3;

    /// <summary>Starts <paramref name="start"/> and reads it to the end.</summary>
    /// <param name="start">The program and its arguments; the redirections are set here.</param>
    /// <param name="onLine">Receives each protocol line, in order.</param>
    /// <param name="cancellationToken">Kills the program (and its children).</param>
    /// <exception cref="System.ComponentModel.Win32Exception">The program cannot be started.</exception>
    public static GeneratorProcessResult Run(ProcessStartInfo start, Action<GeneratorLine> onLine, CancellationToken cancellationToken)
    {
        start.UseShellExecute = false;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.StandardOutputEncoding = Encoding.UTF8;
        start.StandardErrorEncoding = Encoding.UTF8;

        var errorTail = new Queue<string>();
        using var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (errorTail)
            {
                errorTail.Enqueue(e.Data);
                if (errorTail.Count > StandardErrorLines)
                {
                    errorTail.Dequeue();
                }
            }
        };
        process.Start();
        process.BeginErrorReadLine();
        using var kill = cancellationToken.Register(() => Kill(process));

        var malformed = new List<string>();
        int malformedCount = 0;
        bool reportedError = false;
        GeneratorLine? result = null;
        while (process.StandardOutput.ReadLine() is { } text)
        {
            if (text.Length == 0)
            {
                continue;
            }

            if (!GeneratorProtocolJson.TryParseLine(text, out var line))
            {
                if (malformedCount++ < MalformedLinesKept)
                {
                    malformed.Add(text);
                }

                continue;
            }

            reportedError |= line.Type == GeneratorLineTypes.Error;
            if (line.Type == GeneratorLineTypes.Result)
            {
                result = line;
            }

            onLine(line);
        }

        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // It has exited already.
        }

        process.WaitForExit(); // also drains standard error
        string[] tail;
        lock (errorTail)
        {
            tail = [.. errorTail];
        }

        return new GeneratorProcessResult(process.ExitCode, tail, malformed, malformedCount, reportedError, result);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // It has exited already.
        }
    }
}
