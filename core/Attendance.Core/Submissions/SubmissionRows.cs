using System.Globalization;
using Attendance.Regions;
using Azure.Data.Tables;

namespace Attendance.Submissions;

/// <summary>
/// The layout of an event's partition in the submissions table. Every accepted submission writes, in one
/// atomic transaction with the partition's counter:
/// <list type="bullet">
/// <item><c>a|{sessionDate}|{participant}</c>: the attendance itself; its key makes a second attendance of the same person on the same day impossible;</item>
/// <item><c>s|{submissionId}</c>: the idempotency key, so a retry with the same id gets the same receipt;</item>
/// <item><c>q|{sequence}</c>: the full record, numbered without gaps in commit order, which the export reads by key range.</item>
/// </list>
/// and the partition's counter, <c>counter</c>. Nothing outside this class spells a key: queries take their ranges
/// from it and rows are parsed by it.
/// </summary>
public static class SubmissionRows
{
    /// <summary>The row key of the partition's counter: the last sequence number handed out.</summary>
    public const string CounterKey = "counter";
    public const string AttendancePrefix = "a|";
    public const string IdPrefix = "s|";
    public const string SequencePrefix = "q|";

    // Between a kind's prefix and the parts after it; no part holds one (dates, hex keys, numbers).
    private const char KeySeparator = '|';

    public static string AttendanceKey(DateOnly sessionDate, ParticipantIdentity identity) =>
        $"{AttendancePrefix}{sessionDate:yyyy-MM-dd}{KeySeparator}{identity.StorageKey}";

    public static string IdKey(string submissionId) => IdPrefix + submissionId;

    /// <summary>
    /// The product's id for a submission that carries the client's id: the client's id within its <c>source</c>, so two
    /// Microsoft Forms that both number responses from 1 do not collide. Without a source it is the client's id as
    /// sent; with one, <c>{source}:{id}</c>, the source lower-cased with anything but letters, digits, '.', '_' and
    /// '-' made '-' (Table Storage keys forbid <c>/ \ # ?</c>).
    /// </summary>
    public static string ScopedId(string? source, string clientId)
    {
        if (string.IsNullOrEmpty(source))
        {
            return clientId;
        }

        var scope = new System.Text.StringBuilder(source.Length + 1 + clientId.Length);
        foreach (var c in source.ToLowerInvariant())
        {
            scope.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-');
        }

        return scope.Append(':').Append(clientId).ToString();
    }

    // The first key after every key of a kind: '}' follows '|' in ASCII, so "a}" is above every "a|…" and below "q|".
    private const string AttendanceEnd = "a}";
    private const string SequenceEnd = "q}";

    /// <summary>Every attendance row (<c>a|…</c>) of a partition and no other.</summary>
    public static RowKeyRange AttendanceRange { get; } = new(AttendancePrefix, AttendanceEnd);

    /// <summary>Every record row (<c>q|…</c>) of a partition and no other.</summary>
    public static RowKeyRange SequenceRange { get; } = new(SequencePrefix, SequenceEnd);

    /// <summary>The row key of the record numbered <paramref name="sequence"/>: zero-padded, so key order is number order.</summary>
    public static string SequenceKey(long sequence) => SequencePrefix + sequence.ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>The sequence number of a <c>q|</c> row key.</summary>
    public static long ParseSequence(string rowKey) => long.Parse(rowKey.AsSpan(SequencePrefix.Length), CultureInfo.InvariantCulture);

    /// <summary>The session date (as stored, <c>yyyy-MM-dd</c>) and the participant's storage key of an <c>a|</c> row key.</summary>
    public static (string SessionDate, string Participant) ParseAttendance(string rowKey)
    {
        var parts = rowKey.Split(KeySeparator);
        return (parts[1], parts[2]);
    }

    public static TableEntity Record(long sequence, string submissionId, DateTimeOffset receivedAt, AttendanceSubmission s) =>
        new(s.EventId, SequenceKey(sequence))
        {
            ["SubmissionId"] = submissionId,
            ["ReceivedAt"] = receivedAt,
            ["SessionDate"] = s.SessionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["FullName"] = s.FullName,
            ["ProvinceCode"] = s.Province.Code,
            ["RegencyCode"] = s.Regency.Code,
            ["Email"] = s.Email,
            ["Phone"] = s.Phone,
            ["Gender"] = s.Gender,
            ["Institution"] = s.Institution,
            ["InstitutionType"] = s.InstitutionType,
            ["Position"] = s.Position,
            ["CheckInAt"] = s.CheckInAt,
            ["ClientSubmissionId"] = s.SubmissionId,
            ["Source"] = s.Source,
        };

    public static StoredSubmission ReadRecord(TableEntity e, RegionDirectory regions)
    {
        var sequence = ParseSequence(e.RowKey);
        var submission = new AttendanceSubmission
        {
            EventId = e.PartitionKey,
            SessionDate = DateOnly.ParseExact(e.GetString("SessionDate")!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            FullName = e.GetString("FullName")!,
            Province = regions.Get(e.GetString("ProvinceCode")!),
            Regency = regions.Get(e.GetString("RegencyCode")!),
            Email = e.GetString("Email"),
            Phone = e.GetString("Phone"),
            Gender = e.GetString("Gender"),
            Institution = e.GetString("Institution"),
            InstitutionType = e.GetString("InstitutionType"),
            Position = e.GetString("Position"),
            CheckInAt = e.GetDateTimeOffset("CheckInAt"),
            SubmissionId = e.GetString("ClientSubmissionId"),
            Source = e.GetString("Source"),
        };
        return new StoredSubmission(sequence, e.GetString("SubmissionId")!, e.GetDateTimeOffset("ReceivedAt")!.Value, submission);
    }
}
