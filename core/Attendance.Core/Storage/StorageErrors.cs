using System.Text.Json;
using System.Xml.Linq;
using Azure;

namespace Attendance.Storage;

/// <summary>Turns a failed storage response into a <see cref="RequestFailedException"/> with the service's error code and message.</summary>
internal static class StorageErrors
{
    public static RequestFailedException ToException(Response response)
    {
        var (code, message) = Parse(response);
        return new RequestFailedException(
            response.Status,
            $"{response.Status} {response.ReasonPhrase}: {code ?? "no error code"}: {message ?? "no message"}",
            code,
            innerException: null);
    }

    /// <summary>The error code and message from the <c>x-ms-error-code</c> header and a JSON (tables) or XML (blobs) body.</summary>
    public static (string? Code, string? Message) Parse(Response response)
    {
        response.Headers.TryGetValue("x-ms-error-code", out var code);
        var body = response.Content;
        if (body is null || body.ToMemory().IsEmpty)
        {
            return (code, null);
        }

        var text = body.ToString().TrimStart();
        if (text.StartsWith('{'))
        {
            var (jsonCode, message) = ParseJson(text);
            return (code ?? jsonCode, message);
        }

        if (text.StartsWith('<'))
        {
            try
            {
                var error = XDocument.Parse(text).Root;
                return (code ?? error?.Element("Code")?.Value, error?.Element("Message")?.Value);
            }
            catch (System.Xml.XmlException)
            {
                return (code, null);
            }
        }

        return (code, null);
    }

    /// <summary>Reads <c>{"odata.error":{"code":..,"message":{"value":..}}}</c>; nulls when the text is not that shape.</summary>
    public static (string? Code, string? Message) ParseJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && (document.RootElement.TryGetProperty("odata.error", out var error) || document.RootElement.TryGetProperty("error", out error)))
            {
                var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                string? message = null;
                if (error.TryGetProperty("message", out var m))
                {
                    message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString()
                        : m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                }

                return (code, message);
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: report the status alone.
        }

        return (null, null);
    }
}
