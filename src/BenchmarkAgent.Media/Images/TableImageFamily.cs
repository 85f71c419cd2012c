using System.Globalization;
using System.Text.RegularExpressions;
using BenchmarkAgent.Families;
using BenchmarkAgent.Media.Rendering;
using SkiaSharp;

namespace BenchmarkAgent.Media.Images;

/// <summary>
/// A table of whole numbers rendered as a PNG (black ruled grid, row labels on the left, numeric columns); the model
/// looks up a cell (easy), totals a column or a row (medium), or totals a column over the rows where another column is
/// above a threshold (hard). The checker finds the ruled grid in the decoded pixels and reads every numeric cell's
/// digits back by matching each glyph against the ten digit glyphs (<see cref="DigitReader"/>), then recomputes.
/// </summary>
internal sealed partial class TableImageFamily : ITaskFamily
{
    private const int CellHeight = 26;
    private const int LabelWidth = 96;
    private const int NumberWidth = 64;
    private const int Margin = 10;
    private static readonly string[] Subjects = ["Points scored", "Boxes packed", "Orders shipped", "Hours worked", "Seats sold", "Kilometres run", "Jars filled", "Calls answered"];
    private static readonly string[][] Periods = [["Mon", "Tue", "Wed", "Thu", "Fri"], ["Q1", "Q2", "Q3", "Q4"], ["Jan", "Feb", "Mar", "Apr", "May"], ["Wk1", "Wk2", "Wk3", "Wk4"]];

    /// <inheritdoc />
    public TaskFamilyCard Card => MediaFamilyCards.TableImage;

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        (int rows, int columns, int max) = difficulty switch
        {
            Difficulty.Easy => (rng.Between(3, 4), 2, 99),
            Difficulty.Medium => (rng.Between(4, 6), 3, 999),
            _ => (rng.Between(6, 8), 4, 999),
        };

        var topic = rng.Pick(ChartTopic.All);
        var labels = rng.Shuffle(topic.Categories).Take(rows).ToList();
        var headers = rng.Pick(Periods).Take(columns).ToList();
        var values = new int[rows, columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                values[r, c] = rng.Between(1, max);
            }
        }

        string subject = rng.Pick(Subjects);
        byte[] png = Render(labels, headers, values);
        string intro = $"The attached image is a table of {subject.ToLowerInvariant()}. Its rows, from top to bottom, are {PromptText.JoinAnd(labels)}; its number columns, from left to right, are {PromptText.JoinAnd(headers)}.";
        string question;
        int answer;
        switch (difficulty)
        {
            case Difficulty.Easy:
            {
                int r = rng.Next(rows), c = rng.Next(columns);
                question = $"What is the number in row {labels[r]}, column {headers[c]}?";
                answer = values[r, c];
                break;
            }

            case Difficulty.Medium:
                if (rng.Chance(0.5))
                {
                    int c = rng.Next(columns);
                    question = $"What is the total of column {headers[c]} over all rows?";
                    answer = Enumerable.Range(0, rows).Sum(r => values[r, c]);
                }
                else
                {
                    int r = rng.Next(rows);
                    question = $"What is the total of row {labels[r]} over all columns?";
                    answer = Enumerable.Range(0, columns).Sum(c => values[r, c]);
                }

                break;

            default:
            {
                int target = rng.Next(columns), condition = (target + rng.Between(1, columns - 1)) % columns;
                int threshold = values[rng.Next(rows), condition] - 1;
                question = $"What is the total of column {headers[target]} over the rows whose {headers[condition]} value is greater than {threshold}?";
                answer = Enumerable.Range(0, rows).Where(r => values[r, condition] > threshold).Sum(r => values[r, target]);
                break;
            }
        }

        return new FamilySample($"{intro}\n\n{question} Answer with a single number.", ExpectedAnswer.Number(answer))
        {
            Media = [FamilyMedia.Png(Card, png)],
        };
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (FamilyMedia.SingleImage(sample) is not { } image)
        {
            return CheckResult.Fail("expected one decodable image");
        }

        var intro = Intro().Match(sample.Prompt);
        if (!intro.Success)
        {
            return CheckResult.Fail("table description not recognised");
        }

        var labels = intro.Groups["rows"].Value.Split([", ", " and "], StringSplitOptions.None).ToList();
        var headers = intro.Groups["cols"].Value.Split([", ", " and "], StringSplitOptions.None).ToList();
        var cells = DigitReader.ReadTable(image);
        if (cells is null || cells.Count != labels.Count + 1 || cells.Any(row => row.Count != headers.Count + 1))
        {
            return CheckResult.Fail($"the ruled grid in the image is not {labels.Count + 1} by {headers.Count + 1} cells");
        }

        // Row 0 is the header, column 0 the labels: only the numeric cells are read.
        int Value(int row, int column) => cells[row + 1][column + 1] ?? throw new FormatException($"cell {row + 1},{column + 1} is not a number");
        try
        {
            decimal derived;
            if (LookupQuestion().Match(sample.Prompt) is { Success: true } lookup)
            {
                derived = Value(labels.IndexOf(lookup.Groups["row"].Value), headers.IndexOf(lookup.Groups["col"].Value));
            }
            else if (ColumnTotal().Match(sample.Prompt) is { Success: true } columnTotal)
            {
                int c = headers.IndexOf(columnTotal.Groups["col"].Value);
                derived = Enumerable.Range(0, labels.Count).Sum(r => Value(r, c));
            }
            else if (RowTotal().Match(sample.Prompt) is { Success: true } rowTotal)
            {
                int r = labels.IndexOf(rowTotal.Groups["row"].Value);
                derived = Enumerable.Range(0, headers.Count).Sum(c => Value(r, c));
            }
            else if (ConditionalTotal().Match(sample.Prompt) is { Success: true } conditional)
            {
                int target = headers.IndexOf(conditional.Groups["col"].Value), condition = headers.IndexOf(conditional.Groups["cond"].Value);
                int threshold = PromptText.ParseInt(conditional.Groups["t"].Value);
                derived = Enumerable.Range(0, labels.Count).Where(r => Value(r, condition) > threshold).Sum(r => Value(r, target));
            }
            else
            {
                return CheckResult.Fail("question not recognised");
            }

            return PromptText.CheckNumber(sample, derived);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException)
        {
            return CheckResult.Fail("a cell the question needs cannot be read: " + ex.Message);
        }
    }

    private static byte[] Render(IReadOnlyList<string> labels, IReadOnlyList<string> headers, int[,] values)
    {
        int width = LabelWidth + (headers.Count * NumberWidth);
        int height = (labels.Count + 1) * CellHeight;
        using var canvas = new ImageCanvas(width + (2 * Margin) + 1, height + (2 * Margin) + 1, Palette.White);
        canvas.FillRect(Margin + 1, Margin + 1, width - 1, CellHeight - 1, new SKColor(225, 232, 245));
        for (int c = 0; c < headers.Count; c++)
        {
            DigitReader.DrawMonospace(canvas, headers[c], Margin + LabelWidth + (c * NumberWidth) + 8, Margin + 18);
        }

        for (int r = 0; r < labels.Count; r++)
        {
            int baseline = Margin + ((r + 1) * CellHeight) + 18;
            DigitReader.DrawMonospace(canvas, labels[r], Margin + 6, baseline);
            for (int c = 0; c < headers.Count; c++)
            {
                string text = values[r, c].ToString(CultureInfo.InvariantCulture);
                int right = Margin + LabelWidth + ((c + 1) * NumberWidth) - 8;
                DigitReader.DrawMonospace(canvas, text, right - (text.Length * DigitReader.Pitch), baseline);
            }
        }

        for (int r = 0; r <= labels.Count + 1; r++)
        {
            canvas.FillRect(Margin, Margin + (r * CellHeight), width + 1, 1, Palette.Black);
        }

        canvas.FillRect(Margin, Margin, 1, height + 1, Palette.Black);
        for (int c = 0; c <= headers.Count; c++)
        {
            canvas.FillRect(Margin + LabelWidth + (c * NumberWidth), Margin, 1, height + 1, Palette.Black);
        }

        return canvas.ToPng();
    }

    [GeneratedRegex(@"Its rows, from top to bottom, are (?<rows>[^;]+); its number columns, from left to right, are (?<cols>[^.]+)\.")]
    private static partial Regex Intro();

    [GeneratedRegex(@"\n\nWhat is the number in row (?<row>\w+), column (?<col>\w+)\?")]
    private static partial Regex LookupQuestion();

    [GeneratedRegex(@"\n\nWhat is the total of column (?<col>\w+) over all rows\?")]
    private static partial Regex ColumnTotal();

    [GeneratedRegex(@"\n\nWhat is the total of row (?<row>\w+) over all columns\?")]
    private static partial Regex RowTotal();

    [GeneratedRegex(@"\n\nWhat is the total of column (?<col>\w+) over the rows whose (?<cond>\w+) value is greater than (?<t>\d+)\?")]
    private static partial Regex ConditionalTotal();
}
