using BenchmarkAgent.Media;

namespace BenchmarkAgent.Families;

/// <summary>
/// The catalog cards of the offline image and audio families, as pure data. The families themselves (renderers and
/// checkers over SkiaSharp and WAV synthesis) live in <c>BenchmarkAgent.Media</c>, which only the generator program
/// loads; in-process planning and staleness read these cards instead, so the MSBuild task process never loads
/// SkiaSharp. Every family there returns exactly its card from here (a test keeps both lists in step).
/// </summary>
internal static class MediaFamilyCards
{
    /// <summary>Bar chart: read a bar, compare two bars, largest minus smallest.</summary>
    public static TaskFamilyCard BarChart { get; } = Image(new(
        "bar-chart-reading",
        "Bar chart reading",
        "A PNG bar chart with a title, labelled bars and gridlines; the model reads a bar's value, the difference between two bars, or the range or total of bars. The checker measures the bars' pixel heights back out of the image.",
        "chart understanding",
        ["bar chart", "chart", "charts", "graph", "bar graph", "chart reading", "read a chart", "image", "picture", "figure", "visual", "data visualization", "multimodal", "plot"],
        AnswerType.Number));

    /// <summary>Line chart: value at a point, change between points, count of falls (trend).</summary>
    public static TaskFamilyCard LineChart { get; } = Image(new(
        "line-chart-reading",
        "Line chart reading",
        "A PNG line chart of a monthly series with markers and gridlines; the model reads the value at a month, the rise or fall between two months, or counts the months in which the series fell (trend). The checker finds the markers' pixel positions in the image.",
        "chart understanding",
        ["line chart", "line graph", "chart", "charts", "graph", "trend", "time series", "chart reading", "image", "picture", "figure", "visual", "data visualization", "multimodal", "plot"],
        AnswerType.Number));

    /// <summary>Pie chart: largest or smallest share, a slice's percentage.</summary>
    public static TaskFamilyCard PieChart { get; } = Image(new(
        "pie-chart-reading",
        "Pie chart reading",
        "A PNG pie chart with a legend; multiple choice on which category has the largest or smallest share or what percentage one slice is. The checker measures each slice's angle from the pixels.",
        "chart understanding",
        ["pie chart", "chart", "charts", "share", "percentage", "proportion", "chart reading", "image", "picture", "figure", "visual", "data visualization", "multimodal"],
        AnswerType.Choice));

    /// <summary>Table rendered as an image: look up a cell, aggregate a column.</summary>
    public static TaskFamilyCard TableImage { get; } = Image(new(
        "table-image-reading",
        "Table image reading",
        "A table of numbers rendered as a PNG image (a screenshot of a table); the model looks up a cell or totals, averages or finds the largest value of a column over rows that meet a condition. The checker reads the digits back out of the pixels.",
        "document understanding",
        ["table image", "table", "screenshot", "scanned table", "document image", "image", "picture", "lookup", "aggregation", "visual", "multimodal", "ocr"],
        AnswerType.Number));

    /// <summary>Shapes: count by colour and shape, spatial relations.</summary>
    public static TaskFamilyCard Shapes { get; } = Image(new(
        "shape-counting",
        "Shape counting and spatial relations",
        "A PNG of coloured circles, squares and triangles; the model counts shapes of a colour or kind, or the shapes left of or above a reference shape. The checker segments the image into blobs and classifies them.",
        "visual reasoning",
        ["shapes", "counting", "count objects", "colours", "colors", "spatial relations", "left of", "above", "image", "picture", "visual reasoning", "visual", "multimodal", "scene"],
        AnswerType.Number));

    /// <summary>Analogue clock faces.</summary>
    public static TaskFamilyCard Clock { get; } = Image(new(
        "clock-reading",
        "Analogue clock reading",
        "A PNG of an analogue clock face (numerals, or only tick marks when hard); the model tells the time in H:MM. The checker reads the hands' angles from the pixels.",
        "visual reasoning",
        ["clock", "analogue clock", "analog clock", "clock face", "tell the time", "time", "image", "picture", "visual", "multimodal"],
        AnswerType.ShortText));

    /// <summary>Grid mazes: shortest path length.</summary>
    public static TaskFamilyCard Maze { get; } = Image(new(
        "maze-path",
        "Grid maze path",
        "A PNG of a grid maze with walls, a start cell and a goal cell; the model counts the steps of the shortest path. The checker reads the grid back from the pixels and searches it.",
        "visual reasoning",
        ["maze", "grid", "path", "shortest path", "navigation", "steps", "image", "picture", "visual reasoning", "visual", "multimodal", "spatial"],
        AnswerType.Number));

    /// <summary>Counting beeps in a WAV clip.</summary>
    public static TaskFamilyCard Beeps { get; } = Audio(new(
        "beep-counting",
        "Beep counting",
        "A WAV clip of short beeps separated by silences (and, when hard, tones of two pitches); the model counts the beeps (of one pitch). The checker finds the beeps in the samples by their energy and pitch.",
        "audio perception",
        ["audio", "sound", "beeps", "tones", "count beeps", "counting", "listening", "wav", "speech audio", "multimodal", "spoken", "hearing"],
        AnswerType.Number));

    /// <summary>Comparing two or three tones by pitch or duration.</summary>
    public static TaskFamilyCard Tones { get; } = Audio(new(
        "tone-comparison",
        "Tone comparison",
        "A WAV clip of two or three tones; multiple choice on which is higher or lower in pitch or longer or shorter. The checker measures each tone's frequency and length from the samples.",
        "audio perception",
        ["audio", "sound", "pitch", "tone", "higher", "lower", "duration", "longer", "shorter", "listening", "wav", "multimodal", "hearing"],
        AnswerType.Choice));

    /// <summary>DTMF digit sequences.</summary>
    public static TaskFamilyCard Dtmf { get; } = Audio(new(
        "dtmf-digits",
        "DTMF digit sequence",
        "A WAV clip of telephone keypad (DTMF) tones; the model writes the digits dialled. The checker decodes the tones with the Goertzel algorithm.",
        "audio perception",
        ["audio", "sound", "dtmf", "telephone", "keypad", "dial tones", "digits", "phone number", "listening", "wav", "multimodal"],
        AnswerType.ShortText));

    /// <summary>Spoken digits and short commands, synthesised with espeak-ng.</summary>
    public static TaskFamilyCard Spoken { get; } = Audio(new(
        "spoken-digits",
        "Spoken digits",
        "A WAV clip of synthesised speech (espeak-ng, one of four voices) saying a digit sequence; the model transcribes the digits. Offered only where espeak-ng is installed. The checker splits the clip at its silences and matches each word against the ten digit words it synthesises itself with the same voice.",
        "speech recognition",
        ["audio", "speech", "spoken", "spoken digits", "voice", "voice command", "spoken command", "transcribe", "speech recognition", "listening", "wav", "dialogue", "multimodal"],
        AnswerType.ShortText));

    /// <summary>
    /// The cards of the families this machine can generate: every card, except <see cref="Spoken"/> when
    /// <paramref name="speechInstalled"/> is false (see <see cref="SpeechSynthesizer.Locate"/>).
    /// </summary>
    public static IReadOnlyList<TaskFamilyCard> Offered(bool speechInstalled) =>
        speechInstalled ? All : All.Where(card => !ReferenceEquals(card, Spoken)).ToList();

    /// <summary>Every media card, in the order the generator program adds the families.</summary>
    public static IReadOnlyList<TaskFamilyCard> All { get; } =
        [BarChart, LineChart, PieChart, TableImage, Shapes, Clock, Maze, Beeps, Tones, Dtmf, Spoken];

    private static TaskFamilyCard Image(TaskFamilyCard card) => card with { MediaKinds = [MediaKind.Image] };

    private static TaskFamilyCard Audio(TaskFamilyCard card) => card with { MediaKinds = [MediaKind.Audio] };
}
