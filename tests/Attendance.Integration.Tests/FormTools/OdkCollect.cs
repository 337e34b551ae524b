using System.Net.Http.Headers;

namespace Attendance.Integration.Tests.FormTools;

/// <summary>
/// Requests shaped as ODK Collect sends them (OpenRosa Form Submission API): a HEAD first, then a multipart POST whose
/// part <c>xml_submission_file</c> carries the instance, with <c>X-OpenRosa-Version</c> and HTTP Basic credentials.
/// </summary>
internal static class OdkCollect
{
    public const string Route = "openrosa/submission";

    /// <summary>An instance of the documented XLSForm (docs/forms.md): answers in groups, metadata in <c>meta</c>.</summary>
    public static string Instance(string instanceId, string fullName, string day = "2023-06-05", string regency = "Kab. Pesawaran", string extra = "") => $"""
        <?xml version='1.0' ?><absensi_bimtek id="absensi_bimtek" version="2023060101" xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms" xmlns:odk="http://www.opendatakit.org/xforms"><start>2023-06-05T08:14:02.118+07:00</start><end>2023-06-05T08:15:40.530+07:00</end><eventId>bimtek-spptik-lampung-2023</eventId><sessionDate>{day}</sessionDate><peserta><fullName>{fullName}</fullName><gender>perempuan</gender><phone>0812 3456 7890</phone></peserta><asal><province>Lampung</province><regency>{regency}</regency><institutionType>village_library</institutionType></asal>{extra}<meta><instanceID>{instanceId}</instanceID><orx:instanceName>Absensi {fullName}</orx:instanceName></meta></absensi_bimtek>
        """;

    public static HttpRequestMessage Head(string? password) => Request(HttpMethod.Head, password, null);

    public static HttpRequestMessage Post(string xml, string? password, string part = "xml_submission_file")
    {
        var instance = new ByteArrayContent(Encoding.UTF8.GetBytes(xml));
        instance.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        var body = new MultipartFormDataContent { { instance, part, "absensi_bimtek_2023-06-05_08-15-40.xml" } };
        return Request(HttpMethod.Post, password, body);
    }

    public static HttpRequestMessage Request(HttpMethod method, string? password, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, Route) { Content = content };
        request.Headers.Add("X-OpenRosa-Version", "1.0");
        request.Headers.Date = new DateTimeOffset(2023, 6, 5, 1, 15, 41, TimeSpan.Zero);
        if (password is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("enumerator:" + password)));
        }

        return request;
    }
}
