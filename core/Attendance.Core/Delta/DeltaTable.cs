using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Attendance.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Attendance.Delta;

/// <summary>
/// A Delta Lake table (protocol reader 1 / writer 2) in a blob container folder. The log is read by replaying
/// its JSON commits; a commit is created only if absent (<c>If-None-Match: *</c>), so of two writers racing
/// for the same version exactly one wins and the other must re-read and try again.
/// </summary>
public sealed class DeltaTable(BlobContainerClient container, string path)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The table's folder in the container, e.g. <c>attendance</c>.</summary>
    public string Path { get; } = path.TrimEnd('/');

    public string LogPrefix => $"{Path}/_delta_log/";

    /// <summary>The blob name of a data file of this table.</summary>
    public string FileBlobName(string relativePath) => $"{Path}/{relativePath}";

    /// <summary>Replays every commit of the log; an absent table gives <see cref="DeltaSnapshot.Empty"/>.</summary>
    public async Task<DeltaSnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        var versions = new List<long>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = LogPrefix }, cancellationToken))
        {
            var name = blob.Name[LogPrefix.Length..];
            if (name.Length == 25 && name.EndsWith(".json", StringComparison.Ordinal)
                && long.TryParse(name.AsSpan(0, 20), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                versions.Add(version);
            }
        }

        versions.Sort();
        var snapshot = DeltaSnapshot.Empty;
        foreach (var version in versions)
        {
            var commit = await container.DownloadIfExistsAsync(LogPrefix + CommitName(version), cancellationToken)
                ?? throw new InvalidDataException($"Delta commit {version} of {Path} vanished while the log was read.");
            snapshot.Apply(version, ParseCommit(commit.ToMemory().Span));
        }

        return snapshot;
    }

    /// <summary>
    /// Writes commit <paramref name="version"/> if nobody has; false when another writer created it first.
    /// The actions must be unique to this attempt (the export's commitInfo carries its run id and time): when
    /// the pipeline retries a create whose response was lost, the retry finds the blob and gets 409, and only
    /// the blob's content tells whether that earlier attempt was ours.
    /// </summary>
    public async Task<bool> TryCommitAsync(long version, IReadOnlyList<DeltaAction> actions, CancellationToken cancellationToken = default)
    {
        var body = new StringBuilder();
        foreach (var action in actions)
        {
            body.Append(JsonSerializer.Serialize(action, Json)).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(body.ToString());
        var name = LogPrefix + CommitName(version);
        if (await container.TryCreateAsync(name, BinaryData.FromBytes(bytes), "application/json", cancellationToken))
        {
            return true;
        }

        var existing = await container.DownloadIfExistsAsync(name, cancellationToken);
        return existing is not null && existing.ToMemory().Span.SequenceEqual(bytes);
    }

    public static string CommitName(long version) => version.ToString("D20", CultureInfo.InvariantCulture) + ".json";

    public static IEnumerable<DeltaAction> ParseCommit(ReadOnlySpan<byte> content)
    {
        var actions = new List<DeltaAction>();
        foreach (var line in Encoding.UTF8.GetString(content).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            actions.Add(JsonSerializer.Deserialize<DeltaAction>(line, Json) ?? throw new InvalidDataException("Empty Delta action."));
        }

        return actions;
    }

    /// <summary>The Spark struct JSON that Delta's <c>schemaString</c> holds.</summary>
    public static string SchemaString(IEnumerable<DeltaColumn> columns) => JsonSerializer.Serialize(new
    {
        type = "struct",
        fields = columns.Select(c => new { name = c.Name, type = c.Type, nullable = c.Nullable, metadata = new Dictionary<string, string>() }),
    });
}
