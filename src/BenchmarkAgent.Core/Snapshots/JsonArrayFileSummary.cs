namespace BenchmarkAgent.Snapshots;

/// <summary>What <see cref="JsonArrayFile"/> found in a document besides the streamed array's elements.</summary>
/// <param name="RootIsObject">Whether the root value is an object.</param>
/// <param name="Strings">The root's string properties, by name (e.g. <c>schema</c>).</param>
/// <param name="ArrayFound">Whether the root has the streamed property and its value is an array.</param>
/// <param name="WindowBytes">The most bytes of the stream held at once (the chunk, grown only for an element that did not fit).</param>
internal sealed record JsonArrayFileSummary(bool RootIsObject, IReadOnlyDictionary<string, string> Strings, bool ArrayFound, int WindowBytes);
