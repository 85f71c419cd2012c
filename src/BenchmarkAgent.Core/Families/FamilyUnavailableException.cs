namespace BenchmarkAgent.Families;

/// <summary>A family cannot generate in this process (a media family outside the generator program).</summary>
internal sealed class FamilyUnavailableException : InvalidOperationException
{
    /// <summary>Creates the exception for family <paramref name="familyId"/>.</summary>
    public FamilyUnavailableException(string familyId)
        : base($"{ErrorCodes.MediaFamilyNotHere}: the '{familyId}' family renders media, which only the generator program does; this step runs in the MSBuild process and cannot generate its items.")
    {
        FamilyId = familyId;
    }

    /// <summary>The family's id.</summary>
    public string FamilyId { get; }
}
