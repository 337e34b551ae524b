namespace Attendance.Export;

/// <summary>
/// An event whose counter stood at or below its export mark while numbers were still being handed out (a
/// submissions table restored from an older copy): <paramref name="Counter"/> where it stood, <paramref name="Mark"/>
/// the export's mark, and <paramref name="NotExportable"/> the numbers at or below the mark given to submissions
/// received after the mark was set. The export has already passed those numbers, so it can never take them: they
/// stay in the store, <c>verify</c> lists them as missing, and someone has to decide what to do with them. The export
/// moves such a counter up to the mark, so sign-ins after it are exported as usual.
/// </summary>
public sealed record CounterBehindMark(string EventId, long Counter, long Mark, IReadOnlyList<long> NotExportable)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{EventId}: counter {Counter}, mark {Mark}" + (NotExportable.Count == 0 ? "" : $", not exportable #{string.Join(", #", NotExportable)}");
}
