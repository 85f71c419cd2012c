using BenchmarkAgent;
using BenchmarkAgent.Generator;
using BenchmarkAgent.GeneratorProtocol;
using BenchmarkAgent.Models;

// Usage: dotnet BenchmarkAgent.Generator.dll <request file>
// Started by the GenerateBenchmarks / RefreshBenchmarks tasks for stale benchmarks only; see docs/generation.md.
var output = new GeneratorOutput(Console.Out);
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: BenchmarkAgent.Generator <request file>   (started by the BenchmarkAgent.Sdk build tasks)");
    return 2;
}

GeneratorRequest request;
try
{
    request = GeneratorProtocolJson.DeserializeRequest(File.ReadAllText(args[0]));
    if (request.Version != GeneratorRequest.CurrentVersion)
    {
        throw new InvalidDataException($"it has protocol version {request.Version}, this program reads version {GeneratorRequest.CurrentVersion}");
    }
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException)
{
    output.Error(ErrorCodes.GeneratorRequestUnreadable,
        $"The generator program cannot read its request file {args[0]}: {ex.Message} Make sure obj/ is writable and that the BenchmarkAgent.Sdk install is complete, then build again.");
    return 1;
}

using var signals = new ShutdownSignals(Console.In);
var pipeline = new ModelPipelineOptions
{
    // Every generator call goes through the response cache: a rebuild with the same inputs makes no call.
    CacheDirectory = Path.Combine(request.IntermediateDirectory, "benchagent", "generator-cache"),
};
if (GeneratorConcurrency.Read(Environment.GetEnvironmentVariable(GeneratorConcurrency.Variable)) is not { } concurrency)
{
    output.Error(ErrorCodes.InvalidGeneratorConcurrency,
        $"{GeneratorConcurrency.Variable} must be a whole number from 1 to {GeneratorConcurrency.Maximum}. Set it to e.g. 8, or unset it for the default ({GeneratorConcurrency.Default}).");
    return 1;
}

// The media families (images, synthesised audio; spoken digits where espeak-ng is on the PATH) join the text families.
var media = BenchmarkAgent.Media.MediaTaskFamilies.Create(Environment.GetEnvironmentVariable("PATH"));
foreach (var warning in GeneratorFamilies.Warnings(media, request))
{
    output.Write(warning);
}

var selector = new BackboneSelector(ModelRoleSettingsReader.FromEnvironment(), pipeline, concurrency: concurrency, families: GeneratorFamilies.Compose(media));
try
{
    return await new GeneratorRun(request, output, selector).RunAsync(signals.Token);
}
catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
{
    return GeneratorRun.CancelledExitCode;
}
