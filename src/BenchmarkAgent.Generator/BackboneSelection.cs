using BenchmarkAgent.Execution;
using BenchmarkAgent.GeneratorProtocol;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Generator;

/// <summary>The backbone a benchmark generates with, or the error that says why there is none.</summary>
/// <param name="Backbone">The backbone; null when <paramref name="Error"/> is set.</param>
/// <param name="Client">The generator role's composed chat client when the LLM backbone runs (for its usage summary); null offline.</param>
/// <param name="Error">Why no backbone is available.</param>
internal sealed record BackboneSelection(IGenerationBackbone? Backbone, IChatClient? Client, GeneratorLine? Error);
