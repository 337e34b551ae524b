namespace Attendance.Submissions;

/// <summary>One value of a <see cref="Vocabulary"/>: the stored code, the labels people see, and other spellings people type.</summary>
/// <param name="Code">What is stored and exported, e.g. <c>village_library</c>.</param>
/// <param name="Indonesian">The label on Indonesian pages, e.g. <c>Perpustakaan Desa/Kelurahan</c>.</param>
/// <param name="English">The label in English documentation.</param>
/// <param name="Spellings">Other spellings accepted for it (case, spacing and underscores do not matter).</param>
public sealed record VocabularyTerm(string Code, string Indonesian, string English, params string[] Spellings);
