namespace Attendance.Events;

/// <summary>
/// The event a sign-in is checked against. Read from storage after the sign-in arrived (<see cref="Remembered"/>
/// false), or remembered by this process from an earlier read (true): then it is stored only under a counter that
/// carries the remembered copy's version, replaced under the ETag this process knows, so it commits only if no save
/// of the event reached the counter since (<c>SubmissionStore.Append.cs</c>). A remembered event may only let a sign-in in: whatever
/// it would refuse is checked again against a fresh read, so a stale memory costs a read, never a wrong answer.
/// </summary>
public sealed record CheckedEvent(TrainingEvent Event, bool Remembered);
