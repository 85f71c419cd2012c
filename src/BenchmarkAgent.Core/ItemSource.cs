using System.Text.Json.Serialization;

namespace BenchmarkAgent;

/// <summary>
/// Where a subtask's samples, or one item, come from: a task family (<see cref="FamilySource"/>), a dataset or one of its
/// records (<see cref="DatasetSource"/>), the generator model (<see cref="LlmSource"/>), or anything the engine did not
/// generate (<see cref="ExternalSource"/>).
/// </summary>
/// <remarks>
/// Snapshot and journal files hold the source as text (<c>family:&lt;id&gt;</c>, <c>dataset:&lt;name&gt;</c>,
/// <c>dataset:&lt;name&gt;#&lt;record&gt;</c>, <c>llm:&lt;model&gt;</c>, or free text for a hand-written item). <see cref="Parse"/> reads that text
/// once, at the file's edge, and <see cref="ToString"/> writes it back byte for byte.
/// </remarks>
[JsonConverter(typeof(ItemSourceJsonConverter))]
internal abstract record ItemSource
{
    /// <summary>The text prefix of a task-family source.</summary>
    internal const string FamilyPrefix = "family:";

    /// <summary>The text prefix of a dataset source.</summary>
    internal const string DatasetPrefix = "dataset:";

    /// <summary>The text prefix of a generator-model source.</summary>
    internal const string LlmPrefix = "llm:";

    /// <summary>The source of a hand-written item that has no provenance in the snapshot file.</summary>
    public static ItemSource Manual { get; } = new ExternalSource("manual");

    /// <summary>Reads the text form of a source (see the remarks on <see cref="ItemSource"/>); never fails.</summary>
    /// <param name="text">The text from a snapshot or journal file.</param>
    /// <returns>The typed source; text with none of the prefixes is an <see cref="ExternalSource"/>.</returns>
    public static ItemSource Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith(FamilyPrefix, StringComparison.Ordinal))
        {
            return new FamilySource(text[FamilyPrefix.Length..]);
        }

        if (text.StartsWith(DatasetPrefix, StringComparison.Ordinal))
        {
            // The record id is an opaque label from the dataset file and may itself contain '#': split at the first one.
            string rest = text[DatasetPrefix.Length..];
            int hash = rest.IndexOf('#', StringComparison.Ordinal);
            return hash < 0 ? new DatasetSource(rest) : new DatasetSource(rest[..hash], rest[(hash + 1)..]);
        }

        if (text.StartsWith(LlmPrefix, StringComparison.Ordinal) && text.Length > LlmPrefix.Length)
        {
            return new LlmSource(text[LlmPrefix.Length..]);
        }

        return new ExternalSource(text);
    }

    /// <summary>The text form written to snapshot and journal files.</summary>
    public abstract override string ToString();
}
