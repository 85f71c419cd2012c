using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkAgent.Persistence;

namespace BenchmarkAgent.Models;

/// <summary>
/// What a role's batch has reached, kept in <c>batch-state.json</c> in the role's batch folder and replaced atomically
/// after every step, so a crashed step resumes where it stopped: an uploaded input file is not uploaded again, a created
/// batch is not created again, a collected batch is not downloaded again.
/// </summary>
internal sealed record BatchState
{
    /// <summary>The file name of the state in the batch folder.</summary>
    public const string FileName = "batch-state.json";

    /// <summary>The input file is uploaded (<see cref="InputFileId"/>) but no batch exists yet.</summary>
    public const string Uploaded = "uploaded";

    /// <summary>The batch exists (<see cref="BatchId"/>) and has not been collected.</summary>
    public const string Submitted = "submitted";

    /// <summary><c>vllm run-batch</c>: the input file is written and its output file is awaited.</summary>
    public const string AwaitingOutput = "awaiting-output";

    /// <summary>The results are in the response cache; <see cref="Failed"/> lists the lines that failed.</summary>
    public const string Collected = "collected";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>One of <see cref="Uploaded"/>, <see cref="Submitted"/>, <see cref="AwaitingOutput"/>, <see cref="Collected"/>.</summary>
    public required string Stage { get; init; }

    /// <summary>The uploaded input file's id.</summary>
    public string? InputFileId { get; init; }

    /// <summary>The batch's id.</summary>
    public string? BatchId { get; init; }

    /// <summary>The provider's last reported status, e.g. <c>in_progress</c> or <c>completed</c>.</summary>
    public string? Status { get; init; }

    /// <summary>How many times the status was asked.</summary>
    public int Polls { get; init; }

    /// <summary>The ids (cache keys) of the lines in the batch.</summary>
    public IReadOnlyList<string> CustomIds { get; init; } = [];

    /// <summary>The lines that failed, by id, with the reason (reported as error items; a later round asks again).</summary>
    public IReadOnlyDictionary<string, string> Failed { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether a batch is on its way (uploaded, submitted or awaiting output).</summary>
    [JsonIgnore]
    public bool InFlight => Stage is Uploaded or Submitted or AwaitingOutput;

    /// <summary>Reads the state in <paramref name="folder"/>, or <see langword="null"/> when there is none.</summary>
    /// <param name="folder">The role's batch folder.</param>
    /// <returns>The state.</returns>
    /// <exception cref="ModelCallException"><c>BA2115</c> when the file cannot be read.</exception>
    public static BatchState? Read(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<BatchState>(File.ReadAllBytes(path), Json)
                ?? throw new JsonException("empty");
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            throw new ModelCallException(ErrorCodes.BatchStateUnreadable, "batch",
                $"the batch state {path} cannot be read ({ex.GetType().Name}). If no batch is pending at the provider, delete the file; " +
                "otherwise restore it from the batch id the provider lists.");
        }
    }

    /// <summary>Writes this state into <paramref name="folder"/> atomically.</summary>
    /// <param name="folder">The role's batch folder.</param>
    public void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        AtomicFile.WriteAllBytes(Path.Combine(folder, FileName), JsonSerializer.SerializeToUtf8Bytes(this, Json));
    }
}
