using Attendance.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Attendance.Functions.Http;

/// <summary>
/// <c>POST /api/participants/lookup</c> with the admin (master) key: what is stored about a person, to answer an
/// access request. The person is named in the body; the platform logs URLs.
/// </summary>
public sealed class PrivacyFunctions(PrivacyApi api)
{
    [Function("PostLookup")]
    public Task<IResult> PostLookup(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "participants/lookup")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.PostLookupAsync(request, cancellationToken);
}
