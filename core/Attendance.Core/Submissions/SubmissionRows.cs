using System.Globalization;
using Attendance.Regions;
using Azure.Data.Tables;

namespace Attendance.Submissions;

/// <summary>
/// The layout of an event's partition in the submissions table. Every accepted submission writes, in one
/// atomic transaction with the partition's counter (several submissions share one: see <c>SubmissionStore.Append.cs</c>):
/// <list type="bullet">
/// <item><c>a|{sessionDate}|{participant}</c>: the attendance itself; its key makes a second attendance of the same
/// person on the same day impossible (the insert fails with 409), and it leads a repeat to the original's id. Read by
/// duplicate detection, the attendance count, and a date change's check.</item>
/// <item><c>s|{submissionId}</c>: the id row, so a retry with the same id gets the same receipt and an id never
/// stands for two attendances; it is also how the product finds an attendance by its receipt id (corrections, voids,
/// erasure and the organizer's lookup: <c>ChangeLog</c>, <c>AttendanceReader</c>), and a change replaces it under its
/// ETag. A submission without the client's id gets a new id that nothing can repeat, but that id is the one its
/// receipt names and corrections address, so it keeps its row too.</item>
/// <item><c>q|{sequence}</c>: the full record, numbered without gaps in commit order, which the export reads by key range.</item>
/// </list>
/// and the partition's counter, <c>counter</c>. The counter also carries the version of the event's registration
/// (<see cref="EventVersionProperty"/>): every save of the event writes a new one onto it, and first onto
/// <c>counter|event</c> (<see cref="EventVersionKey"/>, for an event whose counter does not exist yet), before it writes
/// the event; so a transaction that replaces the counter under the ETag it was read with proves that the event this
/// process remembers (dates, form token) is still the one stored, and a sign-in checked against it needs no read of
/// the event (see <c>SubmissionStore.Append.cs</c>). No row can go: the attendance key and the id are two unique keys
/// of one partition, and the number a third, and Table Storage enforces uniqueness only on a row key; folding the record
/// into the attendance row would lose the export's key-range read, folding it into the id row would lose the
/// one-attendance-per-day check. A change after the fact (a correction, a void, an erasure) rewrites
/// those rows in one transaction with the counter, whose <c>Changes</c> it raises, and adds
/// <c>c|{number}</c>, its entry in the event's audit trail. A voided or erased record stays as a tombstone
/// (<see cref="Tombstone"/>) so every number is still accounted for; its attendance row goes, so the person may sign
/// in again.
/// <para>
/// One partition is not an event's: <see cref="IndexPartition"/> (<c>~changed</c>; no event id starts with <c>~</c>)
/// holds the index of events changed since the export last took them (<see cref="ChangedEvents"/>): a marker
/// <c>e|{eventId}</c> per changed event, written before the transaction that moves the event's counter whenever the
/// counter does not carry <see cref="ListedProperty"/>; the index's record <c>epoch</c>; and <c>x|{eventId}</c>, an
/// event whose contacts were cleared and the day they were due. Nothing outside this class spells a key: queries take
/// their ranges from it and rows are parsed by it.
/// </para>
/// </summary>
public static class SubmissionRows
{
    /// <summary>The row key of the partition's counter: the last sequence number handed out.</summary>
    public const string CounterKey = "counter";
    public const string AttendancePrefix = "a|";
    public const string IdPrefix = "s|";
    public const string SequencePrefix = "q|";
    public const string ChangePrefix = "c|";

    /// <summary>The row key of the event's version row (<see cref="EventVersionProperty"/>).</summary>
    public const string EventVersionKey = "counter|event";

    /// <summary>On the event's version row, its counter and its own row: the version of its registration.</summary>
    public const string EventVersionProperty = "EventVersion";

    /// <summary>On the counter: how many changes the event has had (<c>c|1</c> … <c>c|{Changes}</c>).</summary>
    public const string ChangesProperty = "Changes";

    /// <summary>
    /// On the counter: true while the event has a marker in the index of changed events (<see cref="ChangedEvents"/>),
    /// so a sign-in or change that finds it set writes nothing more; absent once the export took everything.
    /// </summary>
    public const string ListedProperty = "Listed";

    /// <summary>The partition of the index of changed events; no event id can start with '~' (<see cref="Identifiers"/>).</summary>
    public const string IndexPartition = "~changed";

    /// <summary>The row key of the index's own record: present once a full pass made the index complete.</summary>
    public const string IndexEpochKey = "epoch";

    public const string MarkerPrefix = "e|";
    public const string ContactsDonePrefix = "x|";

    /// <summary>The row key of an event's marker in the index.</summary>
    public static string MarkerKey(string eventId) => MarkerPrefix + eventId;

    /// <summary>The row key recording that an event's contacts were cleared.</summary>
    public static string ContactsDoneKey(string eventId) => ContactsDonePrefix + eventId;

    /// <summary>The event id of an <c>e|</c> or <c>x|</c> row key.</summary>
    public static string ParseIndexedEvent(string rowKey) => rowKey[MarkerPrefix.Length..];

    /// <summary>Every marker (<c>e|…</c>) of the index and no other row.</summary>
    public static RowKeyRange MarkerRange { get; } = new(MarkerPrefix, "e}");

    /// <summary>Every contacts-cleared row (<c>x|…</c>) of the index and no other row.</summary>
    public static RowKeyRange ContactsDoneRange { get; } = new(ContactsDonePrefix, "x}");

    /// <summary>On a record and its id row: <c>voided</c> or <c>erased</c>; absent while the attendance counts.</summary>
    public const string StateProperty = "State";

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
    private const string ChangeEnd = "c}";

    /// <summary>Every attendance row (<c>a|…</c>) of a partition and no other.</summary>
    public static RowKeyRange AttendanceRange { get; } = new(AttendancePrefix, AttendanceEnd);

    /// <summary>Every record row (<c>q|…</c>) of a partition and no other.</summary>
    public static RowKeyRange SequenceRange { get; } = new(SequencePrefix, SequenceEnd);

    /// <summary>Every change row (<c>c|…</c>) of a partition and no other.</summary>
    public static RowKeyRange ChangeRange { get; } = new(ChangePrefix, ChangeEnd);

    /// <summary>The row key of change number <paramref name="number"/>: zero-padded, so key order is number order.</summary>
    public static string ChangeKey(long number) => ChangePrefix + number.ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>The number of a <c>c|</c> row key.</summary>
    public static long ParseChangeNumber(string rowKey) => long.Parse(rowKey.AsSpan(ChangePrefix.Length), CultureInfo.InvariantCulture);

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

    /// <summary>On a record whose contacts were cleared: when, and the participant's pseudonymous key then (<see cref="ClearedContacts"/>).</summary>
    public const string ContactsClearedAtProperty = "ContactsClearedAt";
    public const string ParticipantKeyProperty = "ParticipantKey";
    public const string KeyFingerprintProperty = "KeyFingerprint";

    public static TableEntity Record(long sequence, string submissionId, DateTimeOffset receivedAt, AttendanceSubmission s, ClearedContacts? cleared = null)
    {
        var record = new TableEntity(s.EventId, SequenceKey(sequence))
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
        if (cleared is not null)
        {
            record[ContactsClearedAtProperty] = cleared.At;
            record[ParticipantKeyProperty] = cleared.ParticipantKey;
            record[KeyFingerprintProperty] = cleared.KeyFingerprint;
        }

        return record;
    }

    /// <summary>The attendance row: it holds the person's place on the day and leads to the submission.</summary>
    public static TableEntity AttendanceRow(string eventId, string attendanceKey, string submissionId, long sequence) =>
        new(eventId, attendanceKey) { ["SubmissionId"] = submissionId, ["Sequence"] = sequence };

    /// <summary>The idempotency row of a live submission: the attendance it stored and its number.</summary>
    public static TableEntity IdRow(string eventId, string submissionId, string attendanceKey, long sequence) =>
        new(eventId, IdKey(submissionId)) { ["AttendanceKey"] = attendanceKey, ["Sequence"] = sequence };

    /// <summary>
    /// The idempotency row of a withdrawn submission: its number and state, no attendance key (that key is derived
    /// from the person's contacts or name). A resend of the same id is still answered as a duplicate.
    /// </summary>
    public static TableEntity WithdrawnIdRow(string eventId, string submissionId, long sequence, RecordState state) =>
        new(eventId, IdKey(submissionId)) { ["Sequence"] = sequence, [StateProperty] = StateName(state) };

    /// <summary>The tombstone of a voided or erased record: its number, id, day and receipt time, nothing of the person.</summary>
    public static TableEntity Tombstone(string eventId, long sequence, string submissionId, DateTimeOffset receivedAt, DateOnly sessionDate, RecordState state) =>
        new(eventId, SequenceKey(sequence))
        {
            ["SubmissionId"] = submissionId,
            ["ReceivedAt"] = receivedAt,
            ["SessionDate"] = sessionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [StateProperty] = StateName(state),
        };

    /// <summary>The stored name of a state; null for <see cref="RecordState.Live"/>, which is stored as no value.</summary>
    public static string? StateName(RecordState state) => state switch
    {
        RecordState.Live => null,
        RecordState.Voided => "voided",
        RecordState.Erased => "erased",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    /// <summary>The state a record or id row records.</summary>
    public static RecordState StateOf(TableEntity e) => e.GetString(StateProperty) switch
    {
        null => RecordState.Live,
        "voided" => RecordState.Voided,
        "erased" => RecordState.Erased,
        var other => throw new InvalidDataException($"Row {e.PartitionKey}/{e.RowKey} has an unknown state '{other}'."),
    };

    /// <summary>A record row as it is now: live with its values, or a tombstone.</summary>
    public static StoreRecord ReadStoreRecord(TableEntity e, RegionDirectory regions)
    {
        var state = StateOf(e);
        var sessionDate = DateOnly.ParseExact(e.GetString("SessionDate")!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var attendance = state == RecordState.Live ? ReadAttendance(e, sessionDate, regions) : null;
        var cleared = e.GetDateTimeOffset(ContactsClearedAtProperty) is { } at
            ? new ClearedContacts(at, e.GetString(ParticipantKeyProperty)!, e.GetString(KeyFingerprintProperty)!)
            : null;
        return new StoreRecord(ParseSequence(e.RowKey), e.GetString("SubmissionId")!, e.GetDateTimeOffset("ReceivedAt")!.Value, sessionDate, state, attendance, cleared);
    }

    private static AttendanceSubmission ReadAttendance(TableEntity e, DateOnly sessionDate, RegionDirectory regions) => new()
    {
        EventId = e.PartitionKey,
        SessionDate = sessionDate,
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

    /// <summary>The audit row of a change: what was done to which attendance, when, with which key and why; no personal value.</summary>
    public static TableEntity ChangeRow(string eventId, AttendanceChange change) =>
        new(eventId, ChangeKey(change.Number))
        {
            ["Sequence"] = change.Sequence,
            ["SubmissionId"] = change.SubmissionId,
            ["Kind"] = change.Kind.ToString(),
            ["At"] = change.At,
            ["KeyName"] = change.KeyName,
            ["Reason"] = change.Reason,
            ["Fields"] = string.Join(',', change.Fields),
        };

    public static AttendanceChange ReadChange(TableEntity e) => new(
        ParseChangeNumber(e.RowKey),
        e.PartitionKey,
        e.GetInt64("Sequence")!.Value,
        e.GetString("SubmissionId")!,
        Enum.Parse<AttendanceChangeKind>(e.GetString("Kind")!),
        e.GetDateTimeOffset("At")!.Value,
        e.GetString("KeyName")!,
        e.GetString("Reason")!,
        e.GetString("Fields") is { Length: > 0 } fields ? fields.Split(',') : []);
}
