using System.Globalization;
using BenchmarkAgent.Families;
using BenchmarkAgent.Media;

namespace BenchmarkAgent.Core.Tests.Media;

/// <summary>
/// A test-only image family: each sample is a PNG whose width (3 to 60 pixels) is drawn from the seed and the question
/// asks for that width. The checker reads the width back out of the PNG's bytes, independent of the prompt. It counts
/// how many samples it rendered, so a resumed run can prove it rendered nothing it had journalled.
/// </summary>
internal sealed class FakeImageFamily : ITaskFamily
{
    private int _rendered;

    public TaskFamilyCard Card { get; } = new("pixel-width", "Pixel width", "Read the width of a rendered bar image in pixels.", "chart reading", ["chart", "bar chart", "image width", "picture", "diagram"], AnswerType.Number)
    {
        MediaKinds = [MediaKind.Image],
    };

    /// <summary>How many samples this instance rendered.</summary>
    public int Rendered => _rendered;

    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        Interlocked.Increment(ref _rendered);
        int width = 3 + (int)(seed % 58);
        int shade = (int)((seed >> 8) % 200);
        var png = MediaContent.Create(MediaKind.Image, MediaTypes.Png, TestMedia.Png(width, 2, (byte)shade, 90, 30));
        return new FamilySample("How many pixels wide is the bar in the image?\nAnswer with a number.", ExpectedAnswer.Number(width)) { Media = [png] };
    }

    public CheckResult Check(FamilySample sample)
    {
        if (sample.Media.Count != 1 || sample.Media[0].MediaType != MediaTypes.Png)
        {
            return CheckResult.Fail("the sample must carry one PNG");
        }

        int width = TestMedia.PngWidth(sample.Media[0].Bytes.Span);
        return sample.Answer.Value == width.ToString(CultureInfo.InvariantCulture) ? CheckResult.Pass() : CheckResult.Fail($"the image is {width} pixels wide");
    }
}
