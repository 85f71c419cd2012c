namespace BenchmarkAgent.Grounding;

/// <summary>One dataset record left out because of its media (BA0420-BA0423), as the reader reports it.</summary>
/// <param name="Code">The stable BA code of the problem.</param>
/// <param name="RecordId">The record's id, normalised with <see cref="Items.RecordIds"/>.</param>
/// <param name="Message">What is wrong with the record's media and what to do.</param>
internal sealed record DatasetMediaProblem(string Code, string RecordId, string Message);
