using System.Globalization;
using BenchmarkAgent.GeneratorProtocol;
using Microsoft.Build.Framework;

namespace BenchmarkAgent.Tasks;

/// <summary>
/// The generator switches of a project, parsed once: the backbone choice (<c>$(BenchmarkAgentGenerator)</c>, overridden
/// per item by <c>Generator</c> metadata) and the budgets. Problems are data, like the rest of <see cref="GenerationSettings"/>.
/// </summary>
/// <param name="Choice">The project's choice: auto, offline or llm.</param>
/// <param name="ItemChoices">Per-benchmark overrides (by name, ignoring case).</param>
/// <param name="Budget">The declared budgets.</param>
internal sealed record GeneratorSettings(string Choice, IReadOnlyDictionary<string, string> ItemChoices, GeneratorBudget Budget)
{
    /// <summary>The longest accepted <c>BenchmarkAgentMaxGenerationSeconds</c>: one week.</summary>
    public const int MaxGenerationSeconds = 604_800;

    /// <summary>No switch set: auto, no budget.</summary>
    public static GeneratorSettings Default { get; } = new(GeneratorChoices.Auto, new Dictionary<string, string>(), new GeneratorBudget());

    /// <summary>The choice for <paramref name="benchmark"/>: its metadata, else the project's.</summary>
    public string ChoiceFor(string benchmark) => ItemChoices.TryGetValue(benchmark, out string? choice) ? choice : Choice;

    /// <summary>Parses the switches; adds a problem for every invalid value.</summary>
    public static GeneratorSettings Parse(IReadOnlyList<ITaskItem> items, GenerationProperties properties, List<GenerationProblem> problems)
    {
        string? choice = GeneratorChoices.Parse(properties.Generator);
        if (choice is null)
        {
            problems.Add(new(ErrorCodes.InvalidGeneratorChoice,
                $"BenchmarkAgentGenerator '{properties.Generator}' is not auto, offline or llm (auto uses the LLM backbone when BENCHAGENT_GENERATOR_ENDPOINT or BENCHAGENT_GENERATOR_MODEL is set, else the offline one). Use e.g. <BenchmarkAgentGenerator>offline</BenchmarkAgentGenerator>, or remove it for auto."));
        }

        var itemChoices = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            string text = item.GetMetadata("Generator");
            if (text.Trim().Length == 0)
            {
                continue;
            }

            if (GeneratorChoices.Parse(text) is { } itemChoice)
            {
                itemChoices[item.ItemSpec] = itemChoice;
            }
            else
            {
                problems.Add(new(ErrorCodes.InvalidGeneratorChoice,
                    $"GeneratedBenchmark '{item.ItemSpec}': Generator '{text}' is not auto, offline or llm. Use e.g. Generator=\"offline\", or remove it to use BenchmarkAgentGenerator.",
                    item.ItemSpec));
            }
        }

        int? requests = ParsePositive(properties.MaxGeneratorRequests, int.MaxValue, out bool requestsValid) is { } r ? (int)r : null;
        if (!requestsValid)
        {
            problems.Add(new(ErrorCodes.InvalidMaxGeneratorRequests,
                $"BenchmarkAgentMaxGeneratorRequests '{properties.MaxGeneratorRequests}' is not a positive whole number (the most generator-model requests one build may make); e.g. <BenchmarkAgentMaxGeneratorRequests>500</BenchmarkAgentMaxGeneratorRequests>, or remove it for no limit."));
        }

        long? tokens = ParsePositive(properties.MaxGeneratorTokens, long.MaxValue, out bool tokensValid);
        if (!tokensValid)
        {
            problems.Add(new(ErrorCodes.InvalidMaxGeneratorTokens,
                $"BenchmarkAgentMaxGeneratorTokens '{properties.MaxGeneratorTokens}' is not a positive whole number (the most input plus output tokens of the generator model per build); e.g. <BenchmarkAgentMaxGeneratorTokens>2000000</BenchmarkAgentMaxGeneratorTokens>, or remove it for no limit."));
        }

        int? seconds = ParsePositive(properties.MaxGenerationSeconds, MaxGenerationSeconds, out bool secondsValid) is { } s ? (int)s : null;
        if (!secondsValid)
        {
            problems.Add(new(ErrorCodes.InvalidMaxGenerationSeconds,
                $"BenchmarkAgentMaxGenerationSeconds '{properties.MaxGenerationSeconds}' is not a whole number of seconds from 1 to {MaxGenerationSeconds} (the longest a build may generate); e.g. <BenchmarkAgentMaxGenerationSeconds>1800</BenchmarkAgentMaxGenerationSeconds>, or remove it for no limit."));
        }

        return new GeneratorSettings(choice ?? GeneratorChoices.Auto, itemChoices, new GeneratorBudget(requests, tokens, seconds));
    }

    /// <summary>Empty is no limit; otherwise a whole number from 1 to <paramref name="max"/>.</summary>
    private static long? ParsePositive(string text, long max, out bool valid)
    {
        string trimmed = text.Trim();
        valid = true;
        if (trimmed.Length == 0)
        {
            return null;
        }

        valid = long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value >= 1 && value <= max;
        return valid ? value : null;
    }
}
