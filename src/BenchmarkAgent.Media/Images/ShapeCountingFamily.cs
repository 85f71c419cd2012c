using System.Text.RegularExpressions;
using BenchmarkAgent.Families;
using BenchmarkAgent.Media.Rendering;
using SkiaSharp;

namespace BenchmarkAgent.Media.Images;

/// <summary>
/// Coloured circles, squares and triangles on a grid of places, drawn as PNG; the question counts the shapes of a
/// colour (easy), of a colour and kind (medium), or the shapes left of or above a unique reference shape (hard). The
/// checker segments the decoded image into single-colour blobs, tells the kind by how much of its bounding box a blob
/// fills and the colour by the nearest named colour, and counts.
/// </summary>
internal sealed partial class ShapeCountingFamily : ITaskFamily
{
    private const int Columns = 8;
    private const int Rows = 5;
    private const int Cell = 56;
    private const int Margin = 16;
    private static readonly string[] Kinds = ["circle", "square", "triangle"];

    /// <inheritdoc />
    public TaskFamilyCard Card => MediaFamilyCards.Shapes;

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        int colourCount = difficulty == Difficulty.Easy ? 3 : 5;
        var colours = rng.Shuffle(Palette.Named.Take(5)).Take(colourCount).ToList();
        int count = difficulty switch
        {
            Difficulty.Easy => rng.Between(5, 8),
            Difficulty.Medium => rng.Between(8, 12),
            _ => rng.Between(12, 18),
        };

        var cells = rng.Shuffle(Enumerable.Range(0, Columns * Rows)).Take(count).ToList();
        var shapes = cells.Select(c => new Shape(c % Columns, c / Columns, rng.Pick(Kinds), rng.Next(colourCount), rng.Between(34, 44))).ToList();
        string question;
        int answer;
        switch (difficulty)
        {
            case Difficulty.Easy:
            {
                int colour = rng.Pick(shapes).Colour;
                question = $"How many {colours[colour].Name} shapes are there?";
                answer = shapes.Count(s => s.Colour == colour);
                break;
            }

            case Difficulty.Medium:
            {
                var target = rng.Pick(shapes);
                question = $"How many {colours[target.Colour].Name} {target.Kind}s are there?";
                answer = shapes.Count(s => s.Colour == target.Colour && s.Kind == target.Kind);
                break;
            }

            default:
            {
                // The reference is the only shape of its colour and kind and the only one in its column (or row).
                bool left = rng.Chance(0.5);
                int index = rng.Next(count);
                var reference = shapes[index];
                shapes = shapes.Where((s, i) => i == index || !(s.Colour == reference.Colour && s.Kind == reference.Kind) && (left ? s.Column != reference.Column : s.Row != reference.Row)).ToList();
                question = left
                    ? $"How many shapes are to the left of the {colours[reference.Colour].Name} {reference.Kind}?"
                    : $"How many shapes are above the {colours[reference.Colour].Name} {reference.Kind}?";
                answer = shapes.Count(s => left ? s.Column < reference.Column : s.Row < reference.Row);
                break;
            }
        }

        byte[] png = Render(shapes, colours.Select(c => c.Color).ToList());
        string prompt = $"The attached image shows {PromptText.Num(shapes.Count)} coloured shapes (circles, squares and triangles) in the colours {PromptText.JoinAnd(colours.Select(c => c.Name).ToList())} on a white background.\n\n{question} Answer with a single number.";
        return new FamilySample(prompt, ExpectedAnswer.Number(answer))
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

        var found = ImageBlob.Find(image, 100).Select(b => (Blob: b, Colour: ColourName(b.Colour), Kind: KindOf(b))).ToList();
        var announced = Announced().Match(sample.Prompt);
        if (!announced.Success || PromptText.ParseInt(announced.Groups["n"].Value) != found.Count)
        {
            return CheckResult.Fail($"the image has {found.Count} shapes, the prompt announces {announced.Groups["n"].Value}");
        }

        decimal derived;
        if (ColourQuestion().Match(sample.Prompt) is { Success: true } c)
        {
            derived = found.Count(s => s.Colour == c.Groups["colour"].Value);
        }
        else if (KindQuestion().Match(sample.Prompt) is { Success: true } k)
        {
            derived = found.Count(s => s.Colour == k.Groups["colour"].Value && s.Kind == k.Groups["kind"].Value);
        }
        else if (RelationQuestion().Match(sample.Prompt) is { Success: true } r)
        {
            var references = found.Where(s => s.Colour == r.Groups["colour"].Value && s.Kind == r.Groups["kind"].Value).ToList();
            if (references.Count != 1)
            {
                return CheckResult.Fail($"the image has {references.Count} {r.Groups["colour"].Value} {r.Groups["kind"].Value}s, not exactly one");
            }

            var reference = references[0].Blob;
            derived = r.Groups["rel"].Value == "to the left of"
                ? found.Count(s => s.Blob.CentreX < reference.CentreX - 10)
                : found.Count(s => s.Blob.CentreY < reference.CentreY - 10);
        }
        else
        {
            return CheckResult.Fail("question not recognised");
        }

        return PromptText.CheckNumber(sample, derived);
    }

    private static string KindOf(ImageBlob blob) => blob.Fill switch
    {
        > 0.92 => "square",
        > 0.65 => "circle",
        _ => "triangle",
    };

    /// <summary>The named colour nearest to <paramref name="rgb"/> (squared distance in RGB).</summary>
    private static string ColourName(uint rgb) => Palette.Named.MinBy(n =>
    {
        int dr = (int)(rgb >> 16) - n.Color.Red, dg = (int)((rgb >> 8) & 0xFF) - n.Color.Green, db = (int)(rgb & 0xFF) - n.Color.Blue;
        return (dr * dr) + (dg * dg) + (db * db);
    }).Name;

    private static byte[] Render(IReadOnlyList<Shape> shapes, IReadOnlyList<SKColor> colours)
    {
        using var canvas = new ImageCanvas((Columns * Cell) + (2 * Margin), (Rows * Cell) + (2 * Margin), Palette.White);
        foreach (var shape in shapes)
        {
            float cx = Margin + (shape.Column * Cell) + (Cell / 2f), cy = Margin + (shape.Row * Cell) + (Cell / 2f), half = shape.Size / 2f;
            var colour = colours[shape.Colour];
            switch (shape.Kind)
            {
                case "circle":
                    canvas.FillCircle(cx, cy, half, colour);
                    break;
                case "square":
                    canvas.FillRect((int)(cx - half), (int)(cy - half), shape.Size, shape.Size, colour);
                    break;
                default:
                    canvas.FillPolygon([new SKPoint(cx, cy - half), new SKPoint(cx + half, cy + half), new SKPoint(cx - half, cy + half)], colour);
                    break;
            }
        }

        return canvas.ToPng();
    }

    private sealed record Shape(int Column, int Row, string Kind, int Colour, int Size);

    [GeneratedRegex(@"^The attached image shows (?<n>\d+) coloured shapes")]
    private static partial Regex Announced();

    [GeneratedRegex(@"\n\nHow many (?<colour>\w+) shapes are there\?")]
    private static partial Regex ColourQuestion();

    [GeneratedRegex(@"\n\nHow many (?<colour>\w+) (?<kind>circle|square|triangle)s are there\?")]
    private static partial Regex KindQuestion();

    [GeneratedRegex(@"\n\nHow many shapes are (?<rel>to the left of|above) the (?<colour>\w+) (?<kind>circle|square|triangle)\?")]
    private static partial Regex RelationQuestion();
}
