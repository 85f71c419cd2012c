using System.Text.RegularExpressions;

namespace BenchmarkAgent.Grounding;

/// <summary>
/// Maps a flattened record's fields to <see cref="DatasetRole"/>s by name and shape: one set of rules for every reader,
/// so a new public file is read through its roles rather than through a case per file.
/// </summary>
internal static partial class RoleDetection
{
    /// <summary>Field names (last path segment) that hold the question, best first.</summary>
    public static readonly string[] QuestionNames = ["question", "stem", "query", "sentence", "goal", "prompt", "problem", "instruction", "input", "ctx", "utterance", "claim", "hypothesis"];

    /// <summary>Field names that hold the answer, best first.</summary>
    public static readonly string[] AnswerNames = ["answerkey", "answer_key", "answer", "answers", "label", "gold", "correct_answer", "correct", "target", "output", "response", "category", "completion", "reference", "text"];

    private static readonly string[] ContextNames = ["context", "passage", "paragraph", "raw_text", "article", "document", "story", "premise", "text", "background", "sentence1"];
    private static readonly string[] OptionListNames = ["choices", "options", "endings", "candidates", "alternatives", "answers_choices"];
    private static readonly string[] RationaleNames = ["rationale", "explanation", "solution", "reasoning", "chain_of_thought", "cot"];
    private static readonly string[] DialogNames = ["dialog", "dialogue", "conversation", "conversations", "messages", "turns", "history", "utterances"];
    private static readonly string[] CategoryNames = ["category", "class", "intent", "genre", "label_name"];
    private static readonly string[] IdNames = ["id", "qid", "idx", "uid", "question_id", "example_id", "ind", "_id"];
    private static readonly string[] ImageNames = ["image", "image_path", "img", "image_file", "images", "image_url"];
    private static readonly string[] AudioNames = ["audio", "audio_path", "audio_file", "wav"];
    private static readonly string[] TableNames = ["table", "table_text"];

    /// <summary>
    /// Finds the role of each field. <paramref name="overrides"/> (from a hand-written card) fix roles by path first;
    /// a role whose field is missing from this record is left out.
    /// </summary>
    /// <returns>Role to path; the options role of numbered fields is their paths joined by <c>", "</c>.</returns>
    public static Dictionary<string, string> Detect(IReadOnlyList<FlatField> fields, IReadOnlyDictionary<string, string>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (overrides is not null)
        {
            foreach (var (role, path) in overrides)
            {
                var paths = path.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (paths.Length > 0 && paths.All(p => fields.Any(f => f.Path.Equals(p, StringComparison.OrdinalIgnoreCase))))
                {
                    roles[role] = string.Join(", ", paths);
                    used.UnionWith(paths);
                }
            }
        }

        if (!roles.ContainsKey(DatasetRole.Options) && FindOptions(fields, used) is { } options)
        {
            roles[DatasetRole.Options] = options;
            used.UnionWith(options.Split(", "));
        }

        Assign(roles, used, DatasetRole.Dialog, FindByName(fields, used, DialogNames, f => f.Kind == FlatKind.List && f.Items.Count > 0));
        Assign(roles, used, DatasetRole.Id, FindByName(fields, used, IdNames, f => f.IsScalar && f.Parent.Length == 0));
        if (!roles.ContainsKey(DatasetRole.Answer))
        {
            // Fields under an "output" object answer first (General-Bench); then answer names at any depth.
            var answer = fields.FirstOrDefault(f => !used.Contains(f.Path) && IsOutputParent(f) && (f.IsScalar || f.Kind == FlatKind.List) && f.Text.Length > 0)
                ?? FindByName(fields, used, AnswerNames, f => (f.IsScalar || (f.Kind == FlatKind.List && f.Items.Count > 0)) && !IsInputParent(f) && (f.Leaf != "text" || f.Parent.Length > 0 || HasQuestion(fields, used)));
            Assign(roles, used, DatasetRole.Answer, answer);
            if (answer is not null && answer.Kind == FlatKind.List && answer.Leaf.Equals("answers", StringComparison.OrdinalIgnoreCase))
            {
                roles[DatasetRole.Span] = answer.Path;
            }

            if (answer is not null && CategoryNames.Contains(answer.Leaf, StringComparer.OrdinalIgnoreCase))
            {
                roles[DatasetRole.Category] = answer.Path;
            }
        }

        Assign(roles, used, DatasetRole.Question, FindByName(fields, used, QuestionNames, f => f.Kind == FlatKind.Text && !IsOutputParent(f)));
        Assign(roles, used, DatasetRole.Context, FindByName(fields, used, ContextNames, f => f.Kind == FlatKind.Text && !IsOutputParent(f)));
        Assign(roles, used, DatasetRole.Rationale, FindByName(fields, used, RationaleNames, f => f.Kind == FlatKind.Text));
        Assign(roles, used, DatasetRole.Category, FindByName(fields, used, CategoryNames, f => f.IsScalar));
        Assign(roles, used, DatasetRole.Image, FindByName(fields, used, ImageNames, f => f.Kind is FlatKind.Text or FlatKind.List));
        Assign(roles, used, DatasetRole.Audio, FindByName(fields, used, AudioNames, f => f.Kind is FlatKind.Text or FlatKind.List));
        Assign(roles, used, DatasetRole.Table, FindByName(fields, used, TableNames, f => true));
        if (!roles.ContainsKey(DatasetRole.Question) && !roles.ContainsKey(DatasetRole.Dialog) && !roles.ContainsKey(DatasetRole.Context)
            && fields.FirstOrDefault(f => f.Leaf.Equals("input", StringComparison.OrdinalIgnoreCase) && f.Parent.Length == 0 && !used.Contains(f.Path)) is { } input)
        {
            // An "input" object with no recognised text inside: its JSON is the question (e.g. a multimodal record).
            Assign(roles, used, DatasetRole.Question, input);
        }

        return roles;
    }

    /// <summary>Options: a list field named like options (>= 2 items), numbered fields (option1, option2, ...), or top-level A, B, C, ... fields.</summary>
    private static string? FindOptions(IReadOnlyList<FlatField> fields, HashSet<string> used)
    {
        if (FindByName(fields, used, OptionListNames, f => f.Kind == FlatKind.List && f.Items.Count >= 2) is { } list)
        {
            return list.Path;
        }

        var numbered = fields
            .Where(f => f.IsScalar && !used.Contains(f.Path) && NumberedOption().Match(f.Leaf) is { Success: true })
            .GroupBy(f => (f.Parent, NumberedOption().Match(f.Leaf).Groups[1].Value.ToLowerInvariant()))
            .Select(g => g.OrderBy(f => OptionOrdinal(f.Leaf)).ToList())
            .FirstOrDefault(g => g.Count >= 2 && IsConsecutive(g.Select(f => OptionOrdinal(f.Leaf)).ToList()));
        if (numbered is not null)
        {
            return string.Join(", ", numbered.Select(f => f.Path));
        }

        var lettered = new List<FlatField>();
        for (char letter = 'A'; letter <= 'Z'; letter++)
        {
            var field = fields.FirstOrDefault(f => f.Parent.Length == 0 && f.IsScalar && f.Path.Equals(letter.ToString(), StringComparison.OrdinalIgnoreCase));
            if (field is null)
            {
                break;
            }

            lettered.Add(field);
        }

        return lettered.Count >= 2 ? string.Join(", ", lettered.Select(f => f.Path)) : null;
    }

    /// <summary>Whether numbered option fields start at 1 (option1, option2) rather than 0 or a letter.</summary>
    public static bool OneBased(string optionsRole) =>
        optionsRole.Contains(", ", StringComparison.Ordinal)
        && OptionOrdinal(optionsRole.Split(", ")[0].Split('.')[^1]) == 1
        && char.IsAsciiDigit(optionsRole.Split(", ")[0][^1]);

    private static int OptionOrdinal(string leaf)
    {
        var match = NumberedOption().Match(leaf);
        if (!match.Success)
        {
            return -1;
        }

        string suffix = match.Groups[2].Value;
        return char.IsAsciiDigit(suffix[0]) ? int.Parse(suffix, System.Globalization.CultureInfo.InvariantCulture) : char.ToUpperInvariant(suffix[0]) - 'A';
    }

    private static bool IsConsecutive(List<int> ordinals)
    {
        for (int i = 1; i < ordinals.Count; i++)
        {
            if (ordinals[i] != ordinals[i - 1] + 1)
            {
                return false;
            }
        }

        return ordinals[0] is 0 or 1;
    }

    private static bool HasQuestion(IReadOnlyList<FlatField> fields, HashSet<string> used) =>
        FindByName(fields, used, QuestionNames, f => f.Kind == FlatKind.Text && f.Leaf != "text") is not null;

    private static bool IsOutputParent(FlatField f) => f.Parent.Equals("output", StringComparison.OrdinalIgnoreCase) || f.Parent.Equals("outputs", StringComparison.OrdinalIgnoreCase);

    private static bool IsInputParent(FlatField f) => f.Parent.Equals("input", StringComparison.OrdinalIgnoreCase) || f.Parent.Equals("inputs", StringComparison.OrdinalIgnoreCase);

    private static FlatField? FindByName(IReadOnlyList<FlatField> fields, HashSet<string> used, string[] names, Func<FlatField, bool> accept)
    {
        foreach (string name in names)
        {
            foreach (var field in fields)
            {
                if (!used.Contains(field.Path) && field.Leaf.Equals(name, StringComparison.OrdinalIgnoreCase) && accept(field))
                {
                    return field;
                }
            }
        }

        return null;
    }

    private static void Assign(Dictionary<string, string> roles, HashSet<string> used, string role, FlatField? field)
    {
        if (field is not null && !roles.ContainsKey(role))
        {
            roles[role] = field.Path;
            used.Add(field.Path);
        }
    }

    [GeneratedRegex(@"^(option|choice|ending|opt|answer|sol)[_ ]?([0-9]|[A-Ea-e])$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NumberedOption();
}
