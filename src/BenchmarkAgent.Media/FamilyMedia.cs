using BenchmarkAgent.Families;
using BenchmarkAgent.Media.Rendering;

namespace BenchmarkAgent.Media;

/// <summary>The one way a media family attaches its rendered file to a sample and its checker reads the image back.</summary>
internal static class FamilyMedia
{
    /// <summary>A PNG rendered by the family of <paramref name="card"/>, with the family as its origin.</summary>
    public static MediaContent Png(TaskFamilyCard card, byte[] png) =>
        MediaContent.Create(MediaKind.Image, MediaTypes.Png, png) with { Origin = "family:" + card.Id };

    /// <summary>A WAV clip synthesised by the family of <paramref name="card"/>, with the family as its origin.</summary>
    public static MediaContent Wav(TaskFamilyCard card, byte[] wav) =>
        MediaContent.Create(MediaKind.Audio, MediaTypes.Wav, wav) with { Origin = "family:" + card.Id };

    /// <summary>The sample's single image, decoded; null when it has not exactly one decodable image.</summary>
    public static PixelImage? SingleImage(FamilySample sample) =>
        sample.Media.Count == 1 ? PixelImage.TryDecode(sample.Media[0].Bytes.Span) : null;
}
