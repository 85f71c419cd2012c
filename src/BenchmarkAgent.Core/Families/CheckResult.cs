namespace BenchmarkAgent.Families;

/// <summary>The verdict of a family's independent checker.</summary>
/// <param name="Agrees">True when the re-derived answer equals the stored one.</param>
/// <param name="Detail">What was re-derived, or why checking failed.</param>
internal sealed record CheckResult(bool Agrees, string Detail)
{
    /// <summary>The checker re-derived the same answer.</summary>
    public static CheckResult Pass(string detail = "answer re-derived") => new(true, detail);

    /// <summary>The checker disagrees or could not re-derive the answer.</summary>
    public static CheckResult Fail(string detail) => new(false, detail);
}
