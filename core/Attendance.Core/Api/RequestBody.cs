using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
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
        if ((!isJson && !isForm) || !IsUtf8(contentType))
        {
            return BodyReadResult.Fail(UnsupportedMediaType(request.ContentType));
        }

        var (bytes, error) = await ReadBytesAsync(request, MaxBytes, cancellationToken);
        if (bytes is null)
        {
            return BodyReadResult.Fail(error!);
        }

        var body = WithoutBom(bytes);
        return isJson ? ParseJson(body) : ParseForm(body);
    }

    /// <summary>
    /// Whether the media type's charset, if any, is UTF-8 in one of its legal spellings: any case, quoted or not,
    /// and the common <c>utf8</c>.
    /// </summary>
    public static bool IsUtf8(MediaTypeHeaderValue contentType)
    {
        var charset = HeaderUtilities.RemoveQuotes(contentType.Charset).Value;
        return string.IsNullOrEmpty(charset)
            || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The body's bytes, decoded from its <c>Content-Encoding</c> (gzip, deflate, br or identity), at most
    /// <paramref name="maxBytes"/> after decoding; or the 4xx to answer: 413 too large, 415 an unknown encoding,
    /// 400 a body that does not decode, 408 a client too slow to send it.
    /// </summary>
    public static async Task<(byte[]? Bytes, IResult? Error)> ReadBytesAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken = default)
    {
        var encodings = request.Headers.ContentEncoding.ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(e => !e.Equals("identity", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (encodings.Count > 1 || (encodings.Count == 1 && !ContentDecoders.ContainsKey(encodings[0])))
        {
            return (null, UnsupportedEncoding(request.Headers.ContentEncoding.ToString()));
        }

        // Content-Length counts encoded bytes: only an unencoded body can be refused before reading it.
        if (encodings.Count == 0 && request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        try
        {
            await using var source = encodings.Count == 0 ? null : ContentDecoders[encodings[0]](request.Body);
            var bytes = await ReadBoundedAsync(source ?? request.Body, maxBytes, cancellationToken);
            return bytes is null ? (null, TooLarge(maxBytes)) : (bytes, null);
        }
        catch (Exception ex) when (ex is InvalidDataException || (encodings.Count == 1 && ex is InvalidOperationException))
        {
            // GZip and deflate say InvalidDataException; Brotli says InvalidOperationException.
            return (null, ApiProblems.Invalid("body", $"is not valid {encodings[0]} data, as its Content-Encoding says."));
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's verdict on the transfer itself: 408 when the client sends too slowly, 413 or 400 otherwise.
            return (null, TypedResults.Problem(statusCode: ex.StatusCode, title: ex.StatusCode == StatusCodes.Status408RequestTimeout
                ? "The request body arrived too slowly."
                : "The request body could not be read.", detail: "Nothing was stored; send the request again."));
        }
    }

    private static readonly Dictionary<string, Func<Stream, Stream>> ContentDecoders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gzip"] = s => new GZipStream(s, CompressionMode.Decompress, leaveOpen: true),
        ["x-gzip"] = s => new GZipStream(s, CompressionMode.Decompress, leaveOpen: true),
        ["deflate"] = s => new ZLibStream(s, CompressionMode.Decompress, leaveOpen: true),
        ["br"] = s => new BrotliStream(s, CompressionMode.Decompress, leaveOpen: true),
    };

    private static ReadOnlyMemory<byte> WithoutBom(byte[] bytes) =>
        bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes.AsMemory(3) : bytes;

    private static async Task<byte[]?> ReadBoundedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static BodyReadResult ParseJson(ReadOnlyMemory<byte> bytes)
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

    /// <summary>
    /// An HTML form body, decoded strictly: a percent-escape or byte that is not UTF-8 is a 400, never stored as
    /// replacement characters. A name given twice keeps both values (the field then reports it).
    /// </summary>
    private static BodyReadResult ParseForm(ReadOnlyMemory<byte> bytes)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes.Span);
        }
        catch (DecoderFallbackException)
        {
            return BodyReadResult.Fail(ApiProblems.Invalid("body", "is not valid UTF-8."));
        }

        var fields = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        var pairs = text.Split('&', StringSplitOptions.RemoveEmptyEntries);
        if (pairs.Length > MaxFormFields)
        {
            return BodyReadResult.Fail(ApiProblems.Invalid("body", $"may hold at most {MaxFormFields} form fields."));
        }

        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=');
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            if (name is null || value is null)
            {
                return BodyReadResult.Fail(ApiProblems.Invalid("body", "is not valid UTF-8 once its percent-escapes are decoded."));
            }

            fields[name] = fields.TryGetValue(name, out var earlier) ? StringValues.Concat(earlier, value) : new StringValues(value);
        }

        return new BodyReadResult(null, fields, null);

        static string? Decode(string part)
        {
            try
            {
                // The text is valid UTF-8 already; decoding its escapes ('+' is a space) may still give bytes that are not.
                var raw = Encoding.UTF8.GetBytes(part);
                return StrictUtf8.GetString(WebUtility.UrlDecodeToBytes(raw, 0, raw.Length));
            }
            catch (DecoderFallbackException)
            {
                return null;
            }
        }
    }

    private const int MaxFormFields = 64;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static IResult InvalidUnicode() =>
        ApiProblems.Invalid("body", "contains a string with invalid Unicode (an unpaired surrogate escape such as \\ud800).");

    private static IResult UnsupportedMediaType(string? given) => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported content type.",
        detail: $"Send application/json or application/x-www-form-urlencoded in UTF-8 (got '{Truncate(given ?? "none")}').");

    private static IResult TooLarge(int maxBytes) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request body too large.",
        detail: $"The body may be at most {maxBytes} bytes once decoded; send large batches in several requests of at most 500 submissions.");

    private static IResult UnsupportedEncoding(string given) => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported content encoding.",
        detail: $"Send the body unencoded or with Content-Encoding gzip, deflate or br (got '{Truncate(given)}').");

    private static string Truncate(string text) => text.Length <= 100 ? text : text[..100] + "…";
}

/// <summary>A request body that was read: JSON, form fields, or the error result to return.</summary>
public sealed record BodyReadResult(JsonDocument? Json, Dictionary<string, StringValues>? Form, IResult? Error)
{
    public static BodyReadResult Fail(IResult error) => new(null, null, error);
}
