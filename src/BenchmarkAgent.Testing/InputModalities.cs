namespace BenchmarkAgent.Testing;

/// <summary>
/// The inputs a model accepts besides text, which it always accepts. A subject or judge is text-only unless it declares
/// more: in code with <see cref="BenchmarkSubjectAttribute.Modalities"/>, or with <c>BENCHAGENT_SUBJECT_MODALITIES</c>
/// (<c>BENCHAGENT_JUDGE_MODALITIES</c> for the judge), e.g. <c>text,image,audio</c>. An item with an image or audio clip
/// the subject does not accept is skipped with a message (and counted apart in the reports), never sent without it.
/// </summary>
[Flags]
public enum InputModalities
{
    /// <summary>Text only (the default).</summary>
    TextOnly = 0,

    /// <summary>Images, sent as <c>image_url</c> data URIs.</summary>
    Image = 1,

    /// <summary>Audio clips (WAV, MP3), sent as <c>input_audio</c>.</summary>
    Audio = 2,
}
