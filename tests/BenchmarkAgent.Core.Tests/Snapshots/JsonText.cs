using System.Text.Encodings.Web;
using System.Text.Json;

namespace BenchmarkAgent.Core.Tests.Snapshots;

/// <summary>JSON string encoding as the snapshot writer does it (readable Unicode), to find a line of text in a file.</summary>
internal static class JsonText
{
    public static JsonSerializerOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
