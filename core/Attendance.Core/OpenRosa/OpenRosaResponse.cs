using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;

namespace Attendance.OpenRosa;

/// <summary>
/// An answer as OpenRosa clients read it: the status, the <c>X-OpenRosa-Version</c> header, and for a POST an
/// <c>OpenRosaResponse</c> document (namespace <see cref="Namespace"/>) whose <c>message</c> ODK Collect shows
/// the person who sent the form.
/// </summary>
public sealed class OpenRosaResponse(int statusCode, string? message, string nature, string? challenge = null) : IResult, IStatusCodeHttpResult
{
    public const string Namespace = "http://openrosa.org/http/response";

    public const string Version = "1.0";

    /// <summary>The largest body accepted, advertised to clients as <c>X-OpenRosa-Accept-Content-Length</c>.</summary>
    public const int MaxBodyBytes = 10 * 1024 * 1024;

    public int? StatusCode => statusCode;

    /// <summary>What the client's HEAD gets: no body, the headers that say where and how much to send.</summary>
    public static OpenRosaResponse Ready() => new(StatusCodes.Status204NoContent, null, string.Empty);

    public static OpenRosaResponse Accepted(string message) => new(StatusCodes.Status201Created, message, "submit_success");

    public static OpenRosaResponse Error(int statusCode, string message) => new(statusCode, message, "error");

    public static OpenRosaResponse Unauthorized() => new(StatusCodes.Status401Unauthorized,
        "Enter the server username (any) and, as password, the function key the organizer gave you.", "error", OpenRosaCredentials.Challenge);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.Headers["X-OpenRosa-Version"] = Version;
        response.Headers["X-OpenRosa-Accept-Content-Length"] = MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (challenge is not null)
        {
            response.Headers.WWWAuthenticate = challenge;
        }

        if (message is null || HttpMethods.IsHead(httpContext.Request.Method))
        {
            return;
        }

        var body = Document(message, nature);
        response.ContentType = "text/xml; charset=utf-8";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }

    /// <summary>The OpenRosaResponse document: one message, escaped by the XML writer.</summary>
    public static byte[] Document(string message, string nature)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartElement("OpenRosaResponse", Namespace);
            writer.WriteStartElement("message", Namespace);
            writer.WriteAttributeString("nature", nature);
            writer.WriteString(message);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return buffer.ToArray();
    }
}
