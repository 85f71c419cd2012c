namespace BenchmarkAgent.Grounding;

/// <summary>One record of a dataset, as read. All text is untrusted data: never a path, never code.</summary>
/// <param name="Id">The record's id from the file, or a generated one; an opaque label only.</param>
/// <param name="Input">The question or prompt text.</param>
/// <param name="Output">The reference output (for GSM8K: the solution ending in <c>#### answer</c>).</param>
/// <param name="Fields">Every field of the source record as text (choices under <c>choices</c>, one per line).</param>
internal sealed record DatasetRecord(string Id, string Input, string Output, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>The field name under which multiple-choice options are kept, one option per line.</summary>
    public const string ChoicesField = "choices";

    /// <summary>Creates a record without extra fields.</summary>
    public DatasetRecord(string id, string input, string output)
        : this(id, input, output, new Dictionary<string, string>(StringComparer.Ordinal))
    {
    }

    /// <summary>
    /// The images or audio clips the record points to (read, checked and sniffed by <see cref="DatasetMedia"/>), in field
    /// order; empty for a text record. They become the item's media.
    /// </summary>
    public IReadOnlyList<Media.MediaContent> Media { get; init; } = [];

    /// <summary>Returns the value of <paramref name="name"/>, or null when the record has no such field.</summary>
    public string? Field(string name) => Fields.TryGetValue(name, out var value) ? value : null;

    /// <summary>Returns a copy with <paramref name="name"/> set to <paramref name="value"/>.</summary>
    public DatasetRecord WithField(string name, string value)
    {
        var fields = new Dictionary<string, string>(Fields, StringComparer.Ordinal) { [name] = value };
        return this with { Fields = fields };
    }
}
