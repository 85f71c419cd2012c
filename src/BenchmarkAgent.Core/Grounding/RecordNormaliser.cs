using System.Globalization;
using BenchmarkAgent.Transformations;

namespace BenchmarkAgent.Grounding;

/// <summary>
/// Turns a flattened record and its roles into the one record shape the transformations read: the question (with its
/// context or dialog before it) as input, the answer as output (a letter for options, which go to the choices field),
/// and every source field as text.
/// </summary>
internal static class RecordNormaliser
{
    /// <summary>The longest piece of untrusted answer text quoted in an error message.</summary>
    private const int QuoteLength = 40;

    /// <summary>Normalises one record.</summary>
    /// <exception cref="DatasetFormatException">The record has no question or answer, or its answer names none of its options (BA0401).</exception>
    public static DatasetRecord Normalise(IReadOnlyList<FlatField> fields, IReadOnlyDictionary<string, string> roles, string file, int line, string defaultId)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(roles);
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            all.TryAdd(field.Path, field.Text);
        }

        string? question = Get(fields, roles, DatasetRole.Question)?.Text;
        string? context = Get(fields, roles, DatasetRole.Context)?.Text;
        string? dialog = Get(fields, roles, DatasetRole.Dialog) is { } turns ? RenderDialog(turns) : null;
        if (question is null && context is not null)
        {
            (question, context) = (context, null);
        }

        if (question is null && dialog is not null)
        {
            (question, dialog) = (dialog, null);
        }

        if (question is null || question.Trim().Length == 0)
        {
            throw new DatasetFormatException(file, line,
                $"the record has no input field; name the question field one of question, input, prompt, problem (also read: {string.Join(", ", RoleDetection.QuestionNames.Skip(4))}, context, passage, dialog), or give the dataset a card whose roles name it");
        }

        var answerField = Get(fields, roles, DatasetRole.Answer);
        if (answerField is null)
        {
            throw new DatasetFormatException(file, line,
                $"the record has no output field; name the answer field one of answer, output, target, label (also read: {string.Join(", ", RoleDetection.AnswerNames.Except(["answer", "output", "target", "label"]))}), or give the dataset a card whose roles name it");
        }

        string answer = AnswerText(answerField, roles);
        string input = string.Join("\n\n", new[] { context, dialog, question }.Where(p => p is { Length: > 0 }).Select(p => p!.Trim()));
        if (roles.TryGetValue(DatasetRole.Options, out string? optionsRole))
        {
            var (options, labels) = Options(fields, optionsRole);
            int index = AnswerIndex(answerField, answer, options, labels, RoleDetection.OneBased(optionsRole));
            if (index < 0)
            {
                throw new DatasetFormatException(file, line,
                    $"the answer '{Quote(answer)}' names none of the record's {options.Count} options (by letter, label, index or text); fix the answer or the options, or give the dataset a card whose roles name the right fields");
            }

            all[DatasetRecord.ChoicesField] = string.Join("\n", options.Select(o => o.ReplaceLineEndings(" ").Trim()));
            answer = ChoiceOptions.Letter(index);
        }

        string id = Get(fields, roles, DatasetRole.Id)?.Text is { Length: > 0 } raw ? raw : defaultId;
        return new DatasetRecord(id, input, answer, all);
    }

    private static FlatField? Get(IReadOnlyList<FlatField> fields, IReadOnlyDictionary<string, string> roles, string role) =>
        roles.TryGetValue(role, out string? path) ? fields.FirstOrDefault(f => f.Path.Equals(path, StringComparison.OrdinalIgnoreCase)) : null;

    /// <summary>A span list answers with its first span; a boolean with yes or no; anything else with its text.</summary>
    private static string AnswerText(FlatField field, IReadOnlyDictionary<string, string> roles)
    {
        if (field.Kind == FlatKind.List)
        {
            return roles.TryGetValue(DatasetRole.Span, out string? span) && span == field.Path && field.Items.Count > 0 ? field.Items[0] : field.Text;
        }

        if (field.Kind == FlatKind.Boolean || field.Text.Trim() is "true" or "false" or "True" or "False" or "TRUE" or "FALSE")
        {
            return field.Text.Trim().Equals("true", StringComparison.OrdinalIgnoreCase) ? "yes" : "no";
        }

        return field.Text;
    }

    private static (List<string> Options, List<string> Labels) Options(IReadOnlyList<FlatField> fields, string role)
    {
        var paths = role.Split(", ");
        if (paths.Length == 1 && fields.FirstOrDefault(f => f.Path.Equals(paths[0], StringComparison.OrdinalIgnoreCase)) is { Kind: FlatKind.List } list)
        {
            return (list.Items.ToList(), list.Labels.ToList());
        }

        var options = paths.Select(p => fields.FirstOrDefault(f => f.Path.Equals(p, StringComparison.OrdinalIgnoreCase))?.Text ?? string.Empty).ToList();
        return (options, []);
    }

    private static int AnswerIndex(FlatField field, string answer, List<string> options, List<string> labels, bool oneBased)
    {
        string text = answer.Trim();
        int index = labels.IndexOf(text);
        if (index < 0 && labels.Count > 0)
        {
            index = labels.FindIndex(l => l.Trim().Equals(text, StringComparison.OrdinalIgnoreCase));
        }

        if (index < 0 && text.Length is > 0 and <= 3 && text.All(char.IsAsciiDigit) && (field.Kind == FlatKind.Number || labels.Count == 0))
        {
            int n = int.Parse(text, CultureInfo.InvariantCulture);
            index = oneBased ? n - 1 : n;
        }

        if (index < 0)
        {
            index = ChoiceOptions.LetterIndex(text);
        }

        if (index < 0)
        {
            index = options.FindIndex(o => o.Trim().Equals(text, StringComparison.Ordinal));
        }

        return index >= 0 && index < options.Count ? index : -1;
    }

    /// <summary>Dialog turns one per line, each after its speaker when the turns name one.</summary>
    private static string RenderDialog(FlatField turns) =>
        string.Join("\n", turns.Items.Select((t, i) => turns.Labels.Count > i && turns.Labels[i].Length > 0 ? $"{turns.Labels[i]}: {t}" : t));

    private static string Quote(string text)
    {
        string flat = new(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return flat.Length <= QuoteLength ? flat : flat[..QuoteLength] + "...";
    }
}
