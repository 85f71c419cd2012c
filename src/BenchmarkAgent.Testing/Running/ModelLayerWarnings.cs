namespace BenchmarkAgent.Testing.Running;

/// <summary>
/// Shows a warning of the model layer (e.g. <c>BA2101</c>, the shared cache is down and calls go live) to the person
/// running the tests: on standard error, which <c>dotnet test</c> shows, and as an xUnit diagnostic message. A warning
/// never fails an item.
/// </summary>
internal static class ModelLayerWarnings
{
    /// <summary>Reports <paramref name="message"/>.</summary>
    /// <param name="message">The warning, starting with its code; it never holds a secret.</param>
    public static void Report(string message)
    {
        Console.Error.WriteLine("warning " + message);
        Xunit.TestContext.Current?.SendDiagnosticMessage("warning {0}", message);
    }
}
