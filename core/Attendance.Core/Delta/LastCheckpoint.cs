using System.Text.Json.Serialization;

namespace Attendance.Delta;

/// <summary>The content of <c>_delta_log/_last_checkpoint</c> (PROTOCOL.md "Last Checkpoint File Schema").</summary>
public sealed record LastCheckpoint(
    [property: JsonPropertyName("version")] long Version,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("sizeInBytes")] long SizeInBytes,
    [property: JsonPropertyName("numOfAddFiles")] long NumOfAddFiles);
