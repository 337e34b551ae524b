namespace Attendance.Regions;

/// <summary>A regency name reduced to lookup keys by <see cref="RegionNameKey.Regency"/>.</summary>
/// <param name="Kind">The kind written in front ("Kab.", "Kota", …), or <see langword="null"/> if none was.</param>
/// <param name="Key">The name without the kind words: "Kota Solok" gives "solok".</param>
/// <param name="WholeKey">All words, kind included: "Kota Baru" gives "kotabaru".</param>
internal readonly record struct RegencyNameKey(RegencyKind? Kind, string Key, string WholeKey);
