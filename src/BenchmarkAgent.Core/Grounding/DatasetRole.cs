namespace BenchmarkAgent.Grounding;

/// <summary>The roles a dataset card maps fields to (the paper's dataset cards).</summary>
internal static class DatasetRole
{
    /// <summary>Background text the question is about (a passage, a paragraph, a raw text).</summary>
    public const string Context = "context";

    /// <summary>The question or instruction.</summary>
    public const string Question = "question";

    /// <summary>The options of a multiple-choice record (one list field, or several numbered fields).</summary>
    public const string Options = "options";

    /// <summary>The reference answer.</summary>
    public const string Answer = "answer";

    /// <summary>A worked solution or explanation.</summary>
    public const string Rationale = "rationale";

    /// <summary>A list of dialog turns.</summary>
    public const string Dialog = "dialog";

    /// <summary>An image reference (kept as text; never opened).</summary>
    public const string Image = "image";

    /// <summary>An audio reference (kept as text; never opened).</summary>
    public const string Audio = "audio";

    /// <summary>A class label the answer names.</summary>
    public const string Category = "category";

    /// <summary>Answer spans taken from the context (extractive QA).</summary>
    public const string Span = "span";

    /// <summary>A table.</summary>
    public const string Table = "table";

    /// <summary>The record's id.</summary>
    public const string Id = "id";

    /// <summary>Every role, in the order cards print them.</summary>
    public static IReadOnlyList<string> All { get; } = [Context, Question, Options, Answer, Rationale, Dialog, Image, Audio, Category, Span, Table, Id];
}
