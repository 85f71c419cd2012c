namespace BenchmarkAgent.Tasks;

/// <summary>The properties the targets pass to a BenchmarkAgent task, as MSBuild hands them over: unparsed text.</summary>
/// <param name="ProjectFile">The project file (<c>$(MSBuildProjectFullPath)</c>); empty for the current directory.</param>
/// <param name="Datasets">Datasets registered for every benchmark (<c>$(BenchmarkAgentDatasets)</c>), a semicolon list.</param>
/// <param name="MaxQuota">The largest accepted quota (<c>$(BenchmarkAgentMaxQuota)</c>); empty for 10000.</param>
internal sealed record GenerationProperties(string ProjectFile, string Datasets, string MaxQuota)
{
    /// <summary>Locked (CI) mode (<c>$(BenchmarkAgentLocked)</c>).</summary>
    public bool Locked { get; init; }

    /// <summary>The intermediate folder (<c>$(BaseIntermediateOutputPath)</c>); empty for <c>obj/</c> beside the project.</summary>
    public string IntermediateDirectory { get; init; } = string.Empty;

    /// <summary>The generation lock timeout in whole seconds (<c>$(BenchmarkAgentLockTimeoutSeconds)</c>).</summary>
    public string LockTimeoutSeconds { get; init; } = GenerationSettings.DefaultLockTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The share a refresh rotates (<c>$(BenchmarkAgentRefreshFraction)</c>); null when the task does not refresh, empty for the default.</summary>
    public string? RefreshFraction { get; init; }

    /// <summary>Where the change summary is written; empty for nowhere.</summary>
    public string ChangesFile { get; init; } = string.Empty;

    /// <summary>The backbone choice (<c>$(BenchmarkAgentGenerator)</c>): auto, offline or llm; empty for auto.</summary>
    public string Generator { get; init; } = string.Empty;

    /// <summary>The request budget (<c>$(BenchmarkAgentMaxGeneratorRequests)</c>); empty for none.</summary>
    public string MaxGeneratorRequests { get; init; } = string.Empty;

    /// <summary>The token budget (<c>$(BenchmarkAgentMaxGeneratorTokens)</c>); empty for none.</summary>
    public string MaxGeneratorTokens { get; init; } = string.Empty;

    /// <summary>The per-file media budget in bytes (<c>$(BenchmarkAgentMaxMediaFileBytes)</c>); empty for the default.</summary>
    public string MaxMediaFileBytes { get; init; } = string.Empty;

    /// <summary>The per-benchmark media budget in bytes (<c>$(BenchmarkAgentMaxMediaBytes)</c>); empty for the default.</summary>
    public string MaxMediaBytes { get; init; } = string.Empty;

    /// <summary>The wall-time budget in seconds (<c>$(BenchmarkAgentMaxGenerationSeconds)</c>); empty for none.</summary>
    public string MaxGenerationSeconds { get; init; } = string.Empty;
}
