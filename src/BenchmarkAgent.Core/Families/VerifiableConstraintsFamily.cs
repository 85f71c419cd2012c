using System.Text;
using System.Text.RegularExpressions;
using BenchmarkAgent.Constraints;

namespace BenchmarkAgent.Families;

/// <summary>
/// IFEval-style free writing under checkable constraints (word count, required and forbidden words, a forbidden
/// letter, lowercase, no commas, bullet lines, first word, closing phrase). The answer is the constraint spec;
/// a response is scored by how many constraints it meets. Harder items stack more constraints.
/// </summary>
internal sealed partial class VerifiableConstraintsFamily : ITaskFamily
{
    private static readonly string[] Kinds = ["short note", "short story", "product description", "postcard message", "short speech", "diary entry"];
    private static readonly string[] Fillers = ["very", "really", "nice", "thing", "just", "also", "great", "beautiful", "amazing", "like"];
    private static readonly string[] Openers = ["today", "imagine", "every", "sometimes", "listen", "once", "here", "welcome"];
    private static readonly string[] Closers = ["see you soon", "thank you", "the end", "until next time", "stay curious", "with love"];
    private const string RareLetters = "bcfgjkpqvwxyz";

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "verifiable-constraints",
        "Free writing under verifiable constraints",
        "IFEval-style prompts asking for a short free text under checkable rules: a word-count range, words to include or avoid, a forbidden letter, all lowercase, no commas, an exact number of bullet lines, a given first word or closing phrase. The score is the fraction of rules met.",
        "instructions",
        ["ifeval", "verifiable constraints", "constrained writing", "format constraints", "instruction following", "word count", "lowercase", "bullet points", "controllable generation", "free text"],
        AnswerType.Constraint);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        string who = rng.Pick(Lexicon.Names);
        string topic = rng.Pick(Lexicon.Words);
        string kind = rng.Pick(Kinds);
        int count = difficulty switch { Difficulty.Easy => 2, Difficulty.Medium => rng.Between(3, 4), _ => rng.Between(5, 6) };

        // Pick distinct rule kinds, then values that cannot contradict each other.
        var kinds = rng.Shuffle(new[] { "words", "include", "exclude-word", "exclude-letter", "lowercase", "no-commas", "bullets", "starts-with", "ends-with" }).Take(count).ToList();
        string include = rng.Pick(Lexicon.Words.Where(w => w != topic).ToList());
        string opener = rng.Pick(Openers);
        string closer = rng.Pick(Closers);
        string filler = rng.Pick(Fillers);
        string required = (kinds.Contains("include") ? include : string.Empty) + (kinds.Contains("starts-with") ? opener : string.Empty) + (kinds.Contains("ends-with") ? closer : string.Empty);
        var letters = RareLetters.Where(c => !required.Contains(c, StringComparison.Ordinal)).ToList();
        char letter = rng.Pick(letters);

        var constraints = new List<Constraint>();
        var rules = new List<string>();
        foreach (string k in kinds)
        {
            bool first = rng.Chance(0.5);
            switch (k)
            {
                case "words":
                    int min = rng.Between(3, 12) * 5;
                    int max = min + (rng.Between(2, 6) * 5);
                    constraints.Add(new WordCountConstraint(min, max));
                    rules.Add(first ? $"Use between {min} and {max} words." : $"The text must be {min} to {max} words long.");
                    break;
                case "include":
                    constraints.Add(new IncludeWordConstraint(include));
                    rules.Add(first ? $"Include the word '{include}'." : $"Use the word '{include}' at least once.");
                    break;
                case "exclude-word":
                    constraints.Add(new ExcludeWordConstraint(filler));
                    rules.Add(first ? $"Do not use the word '{filler}'." : $"Never write the word '{filler}'.");
                    break;
                case "exclude-letter":
                    constraints.Add(new ExcludeLetterConstraint(letter));
                    rules.Add(first ? $"Do not use the letter '{letter}' anywhere." : $"Avoid the letter '{letter}' entirely, in upper and lower case.");
                    break;
                case "lowercase":
                    constraints.Add(new LowercaseConstraint());
                    rules.Add(first ? "Write everything in lowercase letters, with no capital letters at all." : "Use only lowercase letters.");
                    break;
                case "no-commas":
                    constraints.Add(new NoCommasConstraint());
                    rules.Add(first ? "Do not use any commas." : "The text must contain no commas.");
                    break;
                case "bullets":
                    int n = rng.Between(2, 5);
                    constraints.Add(new BulletCountConstraint(n));
                    rules.Add(first ? $"Format the text as exactly {n} bullet points, each line starting with '- ', and nothing else." : $"Write exactly {n} lines, each a bullet that starts with '- '.");
                    break;
                case "starts-with":
                    constraints.Add(new StartsWithConstraint(opener));
                    rules.Add(first ? $"Begin with the word '{opener}'." : $"The first word must be '{opener}'.");
                    break;
                default:
                    constraints.Add(new EndsWithConstraint(closer));
                    rules.Add(first ? $"End with the exact phrase '{closer}'." : $"Finish the text with the words '{closer}'.");
                    break;
            }
        }

        var builder = new StringBuilder();
        builder.Append(rng.Next(3) switch
        {
            0 => $"Write a {kind} about the {topic} for {who}.",
            1 => $"{who} asks you for a {kind} about the {topic}.",
            _ => $"Compose a {kind} on the theme of the {topic}, addressed to {who}.",
        });
        builder.Append(rng.Chance(0.5) ? " Follow every rule below:\n" : " Your text must obey all of these rules:\n");
        foreach (string rule in rules)
        {
            builder.Append("* ").Append(rule).Append('\n');
        }

        builder.Append("\nAnswer with the text only.");
        return new FamilySample(builder.ToString(), new ExpectedAnswer(AnswerType.Constraint, new ConstraintSpec(constraints).ToString()));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        string[] blocks = sample.Prompt.Split("\n\n");
        if (blocks.Length != 2 || blocks[1] != "Answer with the text only.")
        {
            return CheckResult.Fail("expected rules and a closing instruction");
        }

        string[] lines = blocks[0].Split('\n');
        if (!Intro().IsMatch(lines[0]))
        {
            return CheckResult.Fail("intro not recognised");
        }

        var constraints = new List<Constraint>();
        foreach (string line in lines.Skip(1))
        {
            var r = Rule().Match(line);
            if (!r.Success)
            {
                return CheckResult.Fail($"rule not understood: {line}");
            }

            var g = r.Groups;
            constraints.Add(true switch
            {
                _ when g["min"].Success => new WordCountConstraint(PromptText.ParseInt(g["min"].Value), PromptText.ParseInt(g["max"].Value)),
                _ when g["inc"].Success => new IncludeWordConstraint(g["inc"].Value),
                _ when g["exw"].Success => new ExcludeWordConstraint(g["exw"].Value),
                _ when g["exl"].Success => new ExcludeLetterConstraint(g["exl"].Value[0]),
                _ when g["lower"].Success => new LowercaseConstraint(),
                _ when g["commas"].Success => new NoCommasConstraint(),
                _ when g["n"].Success => new BulletCountConstraint(PromptText.ParseInt(g["n"].Value)),
                _ when g["start"].Success => new StartsWithConstraint(g["start"].Value),
                _ => new EndsWithConstraint(g["end"].Value),
            });
        }

        if (constraints.Count == 0 || constraints.Select(c => c.GetType()).Distinct().Count() != constraints.Count)
        {
            return CheckResult.Fail("no rules, or one kind of rule twice");
        }

        // Every rule must be satisfiable together: the forbidden letter and word never appear in required text.
        string required = string.Concat(constraints.Select(c => c switch
        {
            IncludeWordConstraint i => i.Word,
            StartsWithConstraint s => s.Word,
            EndsWithConstraint e => e.Phrase,
            _ => string.Empty,
        }));
        var letter = constraints.OfType<ExcludeLetterConstraint>().FirstOrDefault();
        var word = constraints.OfType<ExcludeWordConstraint>().FirstOrDefault();
        var words = constraints.OfType<WordCountConstraint>().FirstOrDefault();
        if ((letter is not null && required.Contains(letter.Letter, StringComparison.Ordinal)) ||
            (word is not null && constraints.Exists(c => c is IncludeWordConstraint i && i.Word == word.Word)) ||
            (words is not null && (words.Min < 1 || words.Min > words.Max)))
        {
            return CheckResult.Fail("the rules contradict each other");
        }

        string derived = new ConstraintSpec(constraints).ToString();
        return derived == sample.Answer.Value
            ? CheckResult.Pass($"re-derived spec {derived}")
            : CheckResult.Fail($"re-derived spec {derived}, stored {sample.Answer.Value}");
    }

    [GeneratedRegex(@"^(?:Write a [a-z ]+ about the [a-z]+ for \w+\.|\w+ asks you for a [a-z ]+ about the [a-z]+\.|Compose a [a-z ]+ on the theme of the [a-z]+, addressed to \w+\.) (?:Follow every rule below:|Your text must obey all of these rules:)$")]
    private static partial Regex Intro();

    [GeneratedRegex(@"^\* (?:Use between (?<min>\d+) and (?<max>\d+) words\.|The text must be (?<min>\d+) to (?<max>\d+) words long\.|Include the word '(?<inc>[a-z]+)'\.|Use the word '(?<inc>[a-z]+)' at least once\.|Do not use the word '(?<exw>[a-z]+)'\.|Never write the word '(?<exw>[a-z]+)'\.|Do not use the letter '(?<exl>[a-z])' anywhere\.|Avoid the letter '(?<exl>[a-z])' entirely, in upper and lower case\.|(?<lower>Write everything in lowercase letters, with no capital letters at all\.|Use only lowercase letters\.)|(?<commas>Do not use any commas\.|The text must contain no commas\.)|Format the text as exactly (?<n>\d+) bullet points, each line starting with '- ', and nothing else\.|Write exactly (?<n>\d+) lines, each a bullet that starts with '- '\.|Begin with the word '(?<start>[a-z]+)'\.|The first word must be '(?<start>[a-z]+)'\.|End with the exact phrase '(?<end>[a-z ]+)'\.|Finish the text with the words '(?<end>[a-z ]+)'\.)$")]
    private static partial Regex Rule();
}
