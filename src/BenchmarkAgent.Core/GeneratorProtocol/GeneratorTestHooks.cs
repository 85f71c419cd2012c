namespace BenchmarkAgent.GeneratorProtocol;

/// <summary>
/// Test-only behaviour of the generator program, set in the request file by tests of the process boundary (never by the
/// targets): it lets a test kill the program between items, or make it die like a crash.
/// </summary>
/// <param name="ItemDelayMilliseconds">A pause after each newly accepted item; 0 for none.</param>
/// <param name="ExitAfterItems">Ends the process abruptly (exit code 134, no error line) after this many new items; null for never.</param>
internal sealed record GeneratorTestHooks(int ItemDelayMilliseconds = 0, int? ExitAfterItems = null);
