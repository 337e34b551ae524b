using Attendance.Api;
using Attendance.Auth;
using Attendance.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Attendance.OpenRosa;

/// <summary>
/// The OpenRosa Form Submission API, so ODK Collect sends attendance straight here (ODK Central has no push):
/// <c>HEAD /api/openrosa/submission</c> answers 204 with the OpenRosa headers, <c>POST</c> takes the
/// <c>multipart/form-data</c> instance in the part <c>xml_submission_file</c> (other parts, such as photos, are read
/// and dropped) and answers 201 with an OpenRosaResponse. A resubmission of the same instance is 201 too, with a
/// message saying it was already received: Collect treats anything else as a failure and would keep retrying.
/// </summary>
public sealed class OpenRosaApi(SubmissionIntake intake, IOptionsMonitor<AuthOptions> options, ApiGuard guard)
{
    /// <summary>
    /// The name the keys are bound under for this route: unvalidated, unlike the local server's, because the
    /// Functions app need not set them; unset keys open nothing (<see cref="OpenRosaCredentials"/>).
    /// </summary>
    public const string KeysName = "OpenRosa";

    /// <summary>The name of the part that carries the instance, as Collect sends it.</summary>
    public const string InstancePart = "xml_submission_file";

    /// <summary>The source recorded when the instance has no <c>source</c> field; it scopes the instance ids.</summary>
    public const string DefaultSource = "odk-collect";

    public Task<IResult> HeadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync(ApiRoutes.HeadOpenRosaSubmission.Name, () => Task.FromResult<IResult>(
            OpenRosaCredentials.Allows(request, options.Get(KeysName)) ? OpenRosaResponse.Ready() : OpenRosaResponse.Unauthorized()), cancellationToken);

    public Task<IResult> PostAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync(ApiRoutes.PostOpenRosaSubmission.Name, async () =>
        {
            if (!OpenRosaCredentials.Allows(request, options.Get(KeysName)))
            {
                return OpenRosaResponse.Unauthorized();
            }

            var (xml, refusal) = await ReadInstancePartAsync(request, cancellationToken);
            if (xml is null)
            {
                return refusal!;
            }

            var (fields, error) = OpenRosaInstance.Read(xml.Value);
            if (fields is null)
            {
                return OpenRosaResponse.Error(StatusCodes.Status400BadRequest, $"The form could not be read: {error}");
            }

            if (string.IsNullOrWhiteSpace(fields[SubmissionFields.Source]))
            {
                fields.Set(SubmissionFields.Source, DefaultSource);
            }

            var outcome = (await intake.AcceptAsync([fields], cancellationToken: cancellationToken))[0];
            return outcome.Receipt switch
            {
                { Status: ReceiptStatus.Created } => OpenRosaResponse.Accepted("Terima kasih, kehadiran tercatat. Attendance recorded."),
                { Status: ReceiptStatus.Duplicate } => OpenRosaResponse.Accepted("Kehadiran ini sudah tercatat sebelumnya. This attendance was already received."),
                { Status: ReceiptStatus.Conflict } => OpenRosaResponse.Error(StatusCodes.Status409Conflict, Describe(outcome.Errors!)),
                _ => OpenRosaResponse.Error(StatusCodes.Status400BadRequest, Describe(outcome.Errors!)),
            };
        }, cancellationToken);

    /// <summary>"Periksa isian / check these fields: fullName: is required.; regency: ..." in one line Collect can show.</summary>
    private static string Describe(FieldErrors errors) =>
        "Periksa isian / check these fields: "
        + string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));

    private static async Task<(ReadOnlyMemory<byte>? Xml, IResult? Refusal)> ReadInstancePartAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return (null, OpenRosaResponse.Error(StatusCodes.Status415UnsupportedMediaType,
                $"Send the form as multipart/form-data with the instance in the part '{InstancePart}'."));
        }

        var (bytes, error) = await RequestBody.ReadBytesAsync(request, OpenRosaResponse.MaxBodyBytes, cancellationToken);
        if (bytes is null)
        {
            var status = (error as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status400BadRequest;
            return (null, OpenRosaResponse.Error(status, status == StatusCodes.Status413PayloadTooLarge
                ? $"The submission is larger than {OpenRosaResponse.MaxBodyBytes} bytes."
                : "The submission could not be read; send it again."));
        }

        ReadOnlyMemory<byte>? instance = null;
        try
        {
            var reader = new MultipartReader(boundary, new MemoryStream(bytes, writable: false)) { HeadersCountLimit = 16, HeadersLengthLimit = 8 * 1024 };
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                var disposition = section.GetContentDispositionHeader();
                if (disposition?.Name.Value?.Trim('"') != InstancePart)
                {
                    continue;
                }

                if (instance is not null)
                {
                    return (null, OpenRosaResponse.Error(StatusCodes.Status400BadRequest, $"The part '{InstancePart}' is given more than once."));
                }

                using var copy = new MemoryStream();
                await section.Body.CopyToAsync(copy, cancellationToken);
                instance = copy.ToArray();
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            // IOException: the body ends inside a part. InvalidDataException: the reader's limits (HeadersCountLimit,
            // HeadersLengthLimit, a header line without a colon) were passed. Both are the client's body, not our fault.
            return (null, OpenRosaResponse.Error(StatusCodes.Status400BadRequest, $"The multipart body is malformed: {ex.Message}"));
        }

        return instance is null
            ? (null, OpenRosaResponse.Error(StatusCodes.Status400BadRequest, $"The submission has no part '{InstancePart}' with the form's XML."))
            : (instance, null);
    }
}
