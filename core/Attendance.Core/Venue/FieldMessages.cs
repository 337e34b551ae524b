using Attendance.Submissions;

namespace Attendance.Venue;

/// <summary>
/// The venue page's messages, one per field, in Indonesian. The validator's messages are English and written for
/// API integrators; a participant needs to know what to type instead, so the page says that per field and keeps
/// the API's wording for the API.
/// </summary>
public static class FieldMessages
{
    /// <summary>The message for <paramref name="field"/>: what is missing when it was left empty, else what to fix.</summary>
    public static string For(string field, string? typed) => (field, string.IsNullOrWhiteSpace(typed)) switch
    {
        (SubmissionFields.FullName or SubmissionFields.Institution or SubmissionFields.Position, false) when ContactDetailsInText.Holds(typed!) =>
            "Nomor HP dan email jangan ditulis di sini; isi di kolom Nomor HP dan Email.",
        (SubmissionFields.FullName, true) => "Nama lengkap wajib diisi.",
        (SubmissionFields.FullName, false) => "Nama terlalu panjang atau memuat tanda yang tidak dapat dipakai. Tulis nama seperti di kartu identitas.",
        (SubmissionFields.Province, true) => "Provinsi wajib diisi.",
        (SubmissionFields.Province, false) => "Provinsi tidak dikenal. Tulis nama provinsi, misalnya \"Lampung\".",
        (SubmissionFields.Regency, true) => "Pilih kabupaten/kota asal Anda.",
        (SubmissionFields.Regency, false) => "Kabupaten/kota tidak ditemukan di provinsi ini. Pilih dari daftar.",
        (SubmissionFields.Email, _) => "Alamat email tidak valid. Contoh: nama@contoh.go.id",
        (SubmissionFields.Phone, _) => "Nomor HP tidak valid. Tulis angka saja, misalnya 0812 3456 7890.",
        (SubmissionFields.Gender, _) => "Pilih jenis kelamin dari daftar.",
        (SubmissionFields.InstitutionType, _) => "Pilih jenis perpustakaan dari daftar.",
        (SubmissionFields.Institution, _) => "Nama instansi terlalu panjang atau memuat tanda yang tidak dapat dipakai.",
        (SubmissionFields.Position, _) => "Jabatan terlalu panjang atau memuat tanda yang tidak dapat dipakai.",
        (SubmissionFields.SessionDate, _) => "Daftar hadir ini hanya untuk hari ini. Kehadiran hari lain dicatat oleh panitia.",
        _ => "Isian ini tidak dapat diterima. Periksa kembali.",
    };

    /// <summary>Fields the page shows; errors on any other field (event id, check-in time) are stated above the form.</summary>
    public static IReadOnlyList<string> OnPage { get; } =
    [
        SubmissionFields.SessionDate, SubmissionFields.FullName, SubmissionFields.Gender, SubmissionFields.Institution,
        SubmissionFields.InstitutionType, SubmissionFields.Position, SubmissionFields.Province, SubmissionFields.Regency,
        SubmissionFields.Phone, SubmissionFields.Email,
    ];
}
