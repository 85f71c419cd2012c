using System.Globalization;

namespace BenchmarkAgent.Grounding;

/// <summary>
/// Derives a dataset card from its records and roles: a name from the file (not its split), tasks, keywords and a
/// description from the roles and the answer type. Pure; the text it reads is data only.
/// </summary>
internal static class CardInference
{
    /// <summary>File stems that name a split or a container rather than a dataset; the parent folder is added to them.</summary>
    public static readonly string[] GenericStems = ["test", "train", "validation", "valid", "val", "dev", "data", "dataset", "eval", "annotation"];

    /// <summary>Builds the card of the dataset at <paramref name="path"/>.</summary>
    /// <param name="path">The dataset's file (or folder).</param>
    /// <param name="records">Its records, normalised.</param>
    /// <param name="roles">The roles most records have.</param>
    /// <param name="modality">The modality, "text" unless the format says otherwise.</param>
    public static DatasetCard Infer(string path, IReadOnlyList<DatasetRecord> records, IReadOnlyDictionary<string, string> roles, string modality = "text")
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(roles);
        string name = NameOf(path);
        var type = roles.ContainsKey(DatasetRole.Options) ? AnswerType.Choice : AnswerInference.InferType(records.Select(r => r.Output));
        string form = AnswerForm(roles, records, type);
        var (tasks, keywords, shape) = Describe(roles, type, form, records);
        var nameWords = name.Split('-', '_', ' ', '.').Where(w => w.Length > 0);
        string folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(Path.TrimEndingDirectorySeparator(path)))) ?? string.Empty;
        var folderWords = folder.Split('-', '_', ' ', '.').Where(w => w.Length > 1);
        string fields = string.Join(", ", DatasetRole.All.Where(roles.ContainsKey).Select(r => $"{r} <- {roles[r]}"));
        string description = string.Create(CultureInfo.InvariantCulture, $"{shape} ({records.Count} records from {Path.GetFileName(Path.TrimEndingDirectorySeparator(path))}; fields: {fields}).");
        return new DatasetCard(name, description, tasks, [modality], type, keywords.Concat(nameWords).Concat(folderWords).Distinct(StringComparer.OrdinalIgnoreCase).ToList())
        {
            Roles = roles,
            Size = records.Count,
            AnswerForm = form,
        };
    }

    /// <summary>The dataset's name: the file stem, prefixed by its folder when the stem is or starts with a split name (val, dev-v1.1).</summary>
    public static string NameOf(string path)
    {
        string trimmed = Path.TrimEndingDirectorySeparator(path);
        if (Directory.Exists(trimmed))
        {
            return Path.GetFileName(trimmed);
        }

        string stem = Path.GetFileNameWithoutExtension(trimmed);
        string firstWord = stem.Split('-', '_', '.', ' ')[0];
        if ((GenericStems.Contains(stem, StringComparer.OrdinalIgnoreCase) || GenericStems.Contains(firstWord, StringComparer.OrdinalIgnoreCase))
            && Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(trimmed))) is { Length: > 0 } parent)
        {
            stem = $"{parent}-{stem}";
        }

        return stem;
    }

    private static string AnswerForm(IReadOnlyDictionary<string, string> roles, IReadOnlyList<DatasetRecord> records, AnswerType type)
    {
        if (roles.ContainsKey(DatasetRole.Options))
        {
            return "option";
        }

        if (roles.ContainsKey(DatasetRole.Span))
        {
            return "span";
        }

        if (records.Count > 0 && records.All(r => r.Output is "yes" or "no"))
        {
            return "yes/no";
        }

        if (roles.ContainsKey(DatasetRole.Category))
        {
            return "category";
        }

        return type switch
        {
            AnswerType.Number => "number",
            AnswerType.Choice => "letter",
            AnswerType.FreeText => "long text",
            _ => "short text",
        };
    }

    private static (List<string> Tasks, List<string> Keywords, string Shape) Describe(IReadOnlyDictionary<string, string> roles, AnswerType type, string form, IReadOnlyList<DatasetRecord> records)
    {
        bool context = roles.ContainsKey(DatasetRole.Context);
        switch (form)
        {
            case "option":
                int options = records.Count == 0 ? 0 : (int)Math.Round(records.Average(r => (r.Field(DatasetRecord.ChoicesField) ?? string.Empty).Split('\n').Length));
                return (["multiple-choice question answering"], ["multiple-choice", "multiple choice", "options"],
                    string.Create(CultureInfo.InvariantCulture, $"Multiple-choice questions with {options} options{(context ? " about a context" : string.Empty)}, answered by a letter"));
            case "span":
                return (["extractive question answering", "reading comprehension"], ["reading comprehension", "extractive", "span"],
                    "Reading comprehension: questions about a passage, answered by a span of it");
            case "yes/no":
                return (["yes/no question answering"], ["yes/no", "boolean"], $"Yes/no questions{(context ? " about a passage" : string.Empty)}");
            case "category":
                return (["text classification"], ["classification", "category", "label"], "Texts to classify, answered by a category name");
        }

        if (roles.ContainsKey(DatasetRole.Dialog))
        {
            return (["dialogue response generation"], ["dialogue", "dialog", "conversation", "response"], "Dialogs to continue with a response");
        }

        return type switch
        {
            AnswerType.Number => (["numeric question answering"], ["numeric answers", "math"], "Questions with numeric answers"),
            AnswerType.Choice => (["multiple-choice question answering"], ["multiple-choice", "multiple choice"], "Multiple-choice questions answered by a letter"),
            AnswerType.FreeText => (["long-form generation"], ["long-form", "generation"], $"Prompts{(context ? " over a text" : string.Empty)} answered by long-form text"),
            _ => (["short-answer question answering"], ["short answer"], $"Prompts{(context ? " over a text" : string.Empty)} answered by short text"),
        };
    }
}
