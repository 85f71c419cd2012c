using System.Collections;
using Microsoft.Build.Framework;

namespace BenchmarkAgent.Tasks.TestHost;

/// <summary>A minimal build engine that writes every event to standard output, one line each.</summary>
internal sealed class ConsoleBuildEngine : IBuildEngine
{
    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "test.csproj";

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException();

    public void LogCustomEvent(CustomBuildEventArgs e) => Console.Out.WriteLine("custom: " + e.Message);

    public void LogErrorEvent(BuildErrorEventArgs e) => Console.Out.WriteLine($"error {e.Code}: {e.Message}");

    public void LogMessageEvent(BuildMessageEventArgs e) => Console.Out.WriteLine("message: " + e.Message);

    public void LogWarningEvent(BuildWarningEventArgs e) => Console.Out.WriteLine($"warning {e.Code}: {e.Message}");
}
