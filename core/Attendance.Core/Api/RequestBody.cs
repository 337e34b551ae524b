using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Attendance.Api;

/// <summary>
/// Reads a request body as JSON or as an HTML form (application/x-www-form-urlencoded), within
/// <see cref="MaxBytes"/>. Every failure is a ready 4xx result; nothing here throws on bad input.
/// </summary>
public static class RequestBody
{
    /// <summary>The largest body accepted: 1 MiB, room for 500 submissions of about 2 KiB each.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Deeper JSON is refused: a submission is one flat object, a batch one array of them.</summary>
    public const int MaxJsonDepth = 8;

    public static async Task<BodyReadResult> ReadAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType))
        {
            return BodyReadResult.Fail(UnsupportedMediaType(request.ContentType));
        }

        var isJson = contentType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true;
        var isForm = contentType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        var charset = contentType.Charset.Value;
        if ((!isJson && !isForm) || (charset is not null && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return BodyReadResult.Fail(UnsupportedMediaType(request.ContentType));
        }

        if (request.ContentLength > MaxBytes)
        {
            return BodyReadResult.Fail(TooLarge());
        }

        var bytes = await ReadBoundedAsync(request.Body, cancellationToken);
        if (bytes is null)
        {
            return BodyReadResult.Fail(TooLarge());
        }

        return isJson ? ParseJson(bytes) : await ParseFormAsync(bytes);
    }

    private static async Task<byte[]?> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static BodyReadResult ParseJson(byte[] bytes)
    {
        try
        {
            var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = MaxJsonDepth, AllowDuplicateProperties = false });
            if (!HasOnlyValidStrings(document.RootElement))
            {
                document.Dispose();
                return BodyReadResult.Fail(InvalidUnicode());
            }

            return new BodyReadResult(document, null, null);
        }
        catch (InvalidOperationException)
        {
            // The duplicate-property check unescapes every name while parsing and throws this on a lone surrogate.
            return BodyReadResult.Fail(InvalidUnicode());
        }
        catch (JsonException ex)
        {
            // The reader's message names the line and byte of the fault; it never echoes the body.
            return BodyReadResult.Fail(ApiProblems.Invalid("body", $"is not valid JSON: {ex.Message}"));
        }
    }

    /// <summary>
    /// The JSON reader accepts escapes of lone surrogates and fails only when such a string is read; reading every
    /// name and string once here turns that into a 400 before any handler touches the document.
    /// </summary>
    private static bool HasOnlyValidStrings(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (property.Name is null || !HasOnlyValidStrings(property.Value))
                        {
                            return false;
                        }
                    }

                    return true;
                case JsonValueKind.Array:
                    return element.EnumerateArray().All(HasOnlyValidStrings);
                case JsonValueKind.String:
                    return element.GetString() is not null;
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static async Task<BodyReadResult> ParseFormAsync(byte[] bytes)
    {
        try
        {
            using var reader = new FormReader(new MemoryStream(bytes)) { ValueCountLimit = 64, KeyLengthLimit = 64, ValueLengthLimit = 64 * 1024 };
            var fields = await reader.ReadFormAsync();
            return new BodyReadResult(null, fields, null);
        }
        catch (InvalidDataException ex)
        {
            return BodyReadResult.Fail(ApiProblems.Invalid("body", $"is not a valid form body: {ex.Message}"));
        }
    }

    private static IResult InvalidUnicode() =>
        ApiProblems.Invalid("body", "contains a string with invalid Unicode (an unpaired surrogate escape such as \\ud800).");

    private static IResult UnsupportedMediaType(string? given) => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported content type.",
        detail: $"Send application/json or application/x-www-form-urlencoded in UTF-8 (got '{Truncate(given ?? "none")}').");

    private static IResult TooLarge() => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request body too large.",
        detail: $"The body may be at most {MaxBytes} bytes; send large batches in several requests of at most 500 submissions.");

    private static string Truncate(string text) => text.Length <= 100 ? text : text[..100] + "…";
}

/// <summary>A request body that was read: JSON, form fields, or the error result to return.</summary>
public sealed record BodyReadResult(JsonDocument? Json, Dictionary<string, StringValues>? Form, IResult? Error)
{
    public static BodyReadResult Fail(IResult error) => new(null, null, error);
}
