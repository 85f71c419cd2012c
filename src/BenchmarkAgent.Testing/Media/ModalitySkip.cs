using BenchmarkAgent.Items;
using BenchmarkAgent.Testing.Settings;

namespace BenchmarkAgent.Testing.Media;

/// <summary>The messages of items skipped because the subject does not declare a modality they need (pure).</summary>
internal static class ModalitySkip
{
    /// <summary>
    /// Why <paramref name="item"/> is skipped for a subject that accepts <paramref name="declared"/>, or
    /// <see langword="null"/> when the subject accepts every input the item carries. The message names the item, the
    /// missing modality and both ways to declare it.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="subject">The subject's label.</param>
    /// <param name="declared">The inputs the subject accepts besides text.</param>
    public static string? Reason(BenchmarkItem item, string subject, InputModalities declared)
    {
        ArgumentNullException.ThrowIfNull(item);
        var missing = ItemModalities.Missing(item, declared);
        if (missing == InputModalities.TextOnly)
        {
            return null;
        }

        var wanted = declared | missing;
        string flags = string.Join(" | ", Enum.GetValues<InputModalities>().Where(m => m != InputModalities.TextOnly && (wanted & m) != 0).Select(m => "InputModalities." + m));
        return $"{ErrorCodes.ModalityNotDeclared}: item '{item.Id}' carries {ItemModalities.Name(missing)} input, but the subject '{subject}' accepts {ItemModalities.Describe(declared)} only, so the item is skipped (counted apart, not scored). " +
            $"If the model accepts {ItemModalities.Name(missing)}, declare it: {RunSettingsReader.SubjectModalitiesVariable}={ItemModalities.Describe(wanted)}, or [assembly: BenchmarkSubject(typeof(...), Modalities = {flags})].";
    }

    /// <summary>The failure of a <c>CI=true</c> run (or benchmark) in which every item needs a modality the subject does not declare.</summary>
    /// <param name="items">How many items the run (or benchmark) has.</param>
    /// <param name="scope">What they are the items of, e.g. <c>this run</c> or <c>benchmark 'charts'</c>.</param>
    /// <param name="subject">The subject's label.</param>
    /// <param name="declared">The inputs the subject accepts besides text.</param>
    public static string EveryItemSkipped(int items, string scope, string subject, InputModalities declared) =>
        $"{ErrorCodes.EveryItemNeedsUndeclaredModality}: CI=true and every one of the {items} items of {scope} needs an input the subject '{subject}' does not declare (it accepts {ItemModalities.Describe(declared)} only), so nothing of it would be evaluated. " +
        $"Declare the subject's modalities with {RunSettingsReader.SubjectModalitiesVariable} (e.g. text,image,audio) or [assembly: BenchmarkSubject(typeof(...), Modalities = ...)]; to let such a run pass, set {EmptyRunPolicy.AllowEmptyRunVariable}=true.";
}
