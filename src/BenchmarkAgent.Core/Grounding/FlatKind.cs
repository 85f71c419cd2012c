namespace BenchmarkAgent.Grounding;

/// <summary>The kind of value a <see cref="FlatField"/> holds.</summary>
internal enum FlatKind
{
    /// <summary>A string.</summary>
    Text,

    /// <summary>A JSON number, kept as its text.</summary>
    Number,

    /// <summary>A JSON <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A list: strings, or objects reduced to their text (with a label, role or speaker when they have one).</summary>
    List,

    /// <summary>Any other structure, kept as its JSON text.</summary>
    Other,
}
