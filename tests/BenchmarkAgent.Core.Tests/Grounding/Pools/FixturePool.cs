using System.Globalization;
using System.Text;

namespace BenchmarkAgent.Core.Tests.Grounding.Pools;

/// <summary>
/// A pool of small datasets in the shapes of issue 14, written into a temporary folder: three multiple-choice files in
/// three layouts, five others in other shapes, and one unreadable (UTF-16) file.
/// </summary>
internal static class FixturePool
{
    /// <summary>The three multiple-choice datasets' card names.</summary>
    public static readonly string[] MultipleChoice = ["astronomy-quiz", "chemistry-exam", "geology-blanks"];

    /// <summary>The unreadable file's name.</summary>
    public const string Unreadable = "legacy-export.jsonl";

    /// <summary>Writes the pool and returns every registered path (files and folders).</summary>
    public static IReadOnlyList<string> Write(TempFolder folder, int records = 24)
    {
        var paths = new List<string>();
        var planets = new[] { "Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune" };

        // 1. question + options (list) -> answer letter, JSONL, with ids and extra metadata.
        var astronomy = new StringBuilder();
        for (int i = 0; i < records; i++)
        {
            string correct = planets[i % planets.Length];
            var options = new[] { correct, planets[(i + 3) % 8], planets[(i + 5) % 8], planets[(i + 6) % 8] };
            int shift = i % 4;
            var rotated = options.Skip(shift).Concat(options.Take(shift)).ToArray();
            string letter = ((char)('A' + Array.IndexOf(rotated, correct))).ToString();
            astronomy.Append(CultureInfo.InvariantCulture, $"{{\"id\": \"astro-{i}\", \"question\": \"Which planet is number {(i % 8) + 1} counted outward from the Sun in list {i}?\", \"options\": [{string.Join(", ", rotated.Select(o => $"\"{o}\""))}], \"answer\": \"{letter}\", \"difficulty\": {i % 3}}}\n");
        }

        paths.Add(folder.Write("astronomy-quiz.jsonl", astronomy.ToString()));

        // 2. question + text + options (lettered object) -> answer, nested input/output objects, JSON array.
        var chemistry = new StringBuilder("[\n");
        for (int i = 0; i < records; i++)
        {
            int protons = (i % 10) + 1;
            chemistry.Append(CultureInfo.InvariantCulture,
                $"  {{\"input\": {{\"text\": \"Sample {i}: an atom with {protons} protons was measured in the lab.\", \"question\": \"How many protons does the atom of sample {i} hold?\", \"options\": {{\"A\": \"{protons + 1}\", \"B\": \"{protons}\", \"C\": \"{protons + 2}\"}}}}, \"output\": {{\"answer\": \"B\"}}}}{(i + 1 < records ? "," : string.Empty)}\n");
        }

        paths.Add(folder.Write("chemistry-exam.json", chemistry.Append("]\n").ToString()));

        // 3. sentence with a blank + numbered options -> 1-based answer, TSV with a header, CRLF.
        var geology = new StringBuilder("sentence\toption1\toption2\tanswer\r\n");
        for (int i = 0; i < records; i++)
        {
            geology.Append(CultureInfo.InvariantCulture, $"Rock sample {i} cooled from magma, so _ is the kind of rock it became.\tigneous {i}\tsedimentary {i}\t1\r\n");
        }

        paths.Add(folder.Write("geology-blanks.tsv", geology.ToString()));

        // 4. raw_text + prompt -> text (summaries), nested General-Bench style, JSONL.
        var summaries = new StringBuilder();
        for (int i = 0; i < records; i++)
        {
            summaries.Append(CultureInfo.InvariantCulture, $"{{\"input\": {{\"raw_text\": \"The council met on day {i} and approved the bridge repair after a long debate about costs.\", \"prompt\": \"Summarise the text.\"}}, \"output\": {{\"text\": \"Bridge repair approved on day {i}.\"}}}}\n");
        }

        paths.Add(folder.Write("council-summaries.jsonl", summaries.ToString()));

        // 5. raw_text + prompt -> category, flat JSONL.
        var topics = new StringBuilder();
        string[] categories = ["sports", "politics", "weather"];
        for (int i = 0; i < records; i++)
        {
            topics.Append(CultureInfo.InvariantCulture, $"{{\"raw_text\": \"Report {i} about the {categories[i % 3]} desk.\", \"prompt\": \"Which section is this?\", \"category\": \"{categories[i % 3]}\"}}\n");
        }

        paths.Add(folder.Write("news-sections.jsonl", topics.ToString()));

        // 6. question + context -> answer, CSV with a header, CRLF and a quoted line break.
        var reading = new StringBuilder("id,context,question,answer\r\n");
        for (int i = 0; i < records; i++)
        {
            reading.Append(CultureInfo.InvariantCulture, $"r{i},\"The lighthouse keeper, named Ada {i}, lives\r\non the island.\",Who keeps the lighthouse?,Ada {i}\r\n");
        }

        paths.Add(folder.Write("lighthouse-reading.csv", reading.ToString()));

        // 7. dialog -> response, a General-Bench folder.
        var dialog = new StringBuilder("{\"task\": \"dialogue response generation\", \"modality\": \"text\", \"data\": [\n");
        for (int i = 0; i < records; i++)
        {
            dialog.Append(CultureInfo.InvariantCulture,
                $"  {{\"id\": \"d{i}\", \"dialog\": [{{\"speaker\": \"user\", \"text\": \"Hello, table for {i % 6 + 2}?\"}}, {{\"speaker\": \"host\", \"text\": \"Inside or outside?\"}}], \"output\": {{\"response\": \"Inside, please.\"}}}}{(i + 1 < records ? "," : string.Empty)}\n");
        }

        folder.Write("restaurant-chat/annotation.json", dialog.Append("]}\n").ToString());
        paths.Add(Path.Combine(folder.Path, "restaurant-chat"));

        // 8. a Hugging Face datasets export: one JSONL per split; numeric answers.
        var trivia = new StringBuilder();
        for (int i = 0; i < records; i++)
        {
            trivia.Append(CultureInfo.InvariantCulture, $"{{\"question\": \"How many legs do {i + 1} spiders have in total?\", \"answer\": {(i + 1) * 8}}}\n");
        }

        folder.Write("spider-counts/train.jsonl", trivia.ToString());
        folder.Write("spider-counts/test.jsonl", trivia.ToString());
        paths.Add(Path.Combine(folder.Path, "spider-counts"));

        // 9. unreadable: UTF-16 with a byte order mark.
        string legacy = Path.Combine(folder.Path, Unreadable);
        File.WriteAllText(legacy, "{\"question\": \"Which is a multiple-choice question?\", \"options\": [\"a\", \"b\"], \"answer\": \"A\"}\n", Encoding.Unicode);
        paths.Add(legacy);
        return paths;
    }
}
