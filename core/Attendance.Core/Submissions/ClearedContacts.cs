namespace Attendance.Submissions;

/// <summary>
/// That a record's email and phone were cleared when the contact retention ran out (<see cref="At"/>), with the
/// participant's pseudonymous key as it was then (<see cref="ParticipantKey"/>, under the key whose fingerprint is
/// <see cref="KeyFingerprint"/>): the analytics keep linking the person's attendances after the contacts that made
/// the key are gone. The key is what the analytics already hold; it reveals nothing the store did not.
/// </summary>
public sealed record ClearedContacts(DateTimeOffset At, string ParticipantKey, string KeyFingerprint);
