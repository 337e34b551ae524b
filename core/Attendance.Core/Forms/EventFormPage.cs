using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Attendance.Events;
using Attendance.Submissions;

namespace Attendance.Forms;

/// <summary>
/// The HTML sign-in form of an event (Indonesian, plain HTML, no script), which a QR code at the venue opens.
/// It posts back to itself with the event's form token in a hidden field.
/// </summary>
public static class EventFormPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static string Render(TrainingEvent e, IReadOnlyList<DateOnly> sessionDates, string? message = null, FieldErrors? errors = null)
    {
        var page = new StringBuilder(4096);
        page.Append("<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>Daftar hadir: ").Append(Html.Encode(e.Name)).Append("</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:1rem auto;padding:0 1rem}label{display:block;margin-top:.8rem}")
            .Append("input,select{width:100%;padding:.5rem;font-size:1rem}button{margin-top:1rem;padding:.7rem 1.2rem;font-size:1rem}.error{color:#b00020}.ok{color:#006400}</style>")
            .Append("</head><body><h1>Daftar hadir</h1><p>").Append(Html.Encode(e.Name)).Append("<br>")
            .Append(Html.Encode(e.Venue ?? string.Empty)).Append(' ').Append(Date(e.StartDate)).Append(" – ").Append(Date(e.EndDate)).Append("</p>");

        if (message is not null)
        {
            page.Append("<p class=\"").Append(errors is null ? "ok" : "error").Append("\" role=\"status\">").Append(Html.Encode(message)).Append("</p>");
        }

        if (errors is not null)
        {
            page.Append("<ul class=\"error\">");
            foreach (var (field, messages) in errors.ToDictionary())
            {
                page.Append("<li>").Append(Html.Encode(field)).Append(": ").Append(Html.Encode(string.Join(" ", messages))).Append("</li>");
            }

            page.Append("</ul>");
        }

        page.Append("<form method=\"post\"><input type=\"hidden\" name=\"formToken\" value=\"").Append(Html.Encode(e.FormToken)).Append("\">");
        page.Append("<label>Hari<select name=\"sessionDate\" required>");
        foreach (var day in sessionDates)
        {
            page.Append("<option value=\"").Append(Date(day)).Append("\">").Append(Date(day)).Append("</option>");
        }

        page.Append("</select></label>");
        Input(page, SubmissionFields.FullName, "Nama lengkap", "text", required: true);
        Input(page, SubmissionFields.Email, "Email", "email", required: false);
        Input(page, SubmissionFields.Phone, "Nomor HP", "tel", required: false);
        Input(page, SubmissionFields.Province, "Provinsi", "text", required: true, e.Province?.Name);
        Input(page, SubmissionFields.Regency, "Kabupaten/Kota", "text", required: true);
        Input(page, SubmissionFields.Institution, "Instansi", "text", required: false);
        Select(page, SubmissionFields.InstitutionType, "Jenis perpustakaan", Vocabulary.InstitutionType);
        Input(page, SubmissionFields.Position, "Jabatan", "text", required: false);
        Select(page, SubmissionFields.Gender, "Jenis kelamin", Vocabulary.Gender);
        page.Append("<button type=\"submit\">Kirim</button></form></body></html>");
        return page.ToString();
    }

    private static void Input(StringBuilder page, string name, string label, string type, bool required, string? value = null) =>
        page.Append("<label>").Append(Html.Encode(label)).Append("<input name=\"").Append(name).Append("\" type=\"").Append(type).Append('"')
            .Append(required ? " required" : string.Empty)
            .Append(value is null ? string.Empty : $" value=\"{Html.Encode(value)}\"").Append("></label>");

    private static void Select(StringBuilder page, string name, string label, Vocabulary vocabulary)
    {
        page.Append("<label>").Append(Html.Encode(label)).Append("<select name=\"").Append(name).Append("\"><option value=\"\"></option>");
        foreach (var term in vocabulary.Terms)
        {
            page.Append("<option value=\"").Append(term.Code).Append("\">").Append(Html.Encode(term.Indonesian)).Append("</option>");
        }

        page.Append("</select></label>");
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
