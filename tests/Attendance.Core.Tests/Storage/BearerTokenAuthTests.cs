using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Xunit;

namespace Attendance.Storage;

/// <summary>The service URI form signs with Entra ID tokens for storage, on both services, and never with a key.</summary>
public sealed class BearerTokenAuthTests
{
    [Fact]
    public async Task Both_services_send_a_bearer_token_for_the_storage_scope()
    {
        var credential = new RecordingCredential();
        var seen = new AnswerOkPolicy();
        var storage = new RestAttendanceStorage(
            new StorageOptions
            {
                TableServiceUri = new Uri("https://perpusnas.table.core.windows.net"),
                BlobServiceUri = new Uri("https://perpusnas.blob.core.windows.net"),
            },
            [new StoragePipelinePolicy(seen)],
            credential);

        await storage.PingAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes.Distinct());
        Assert.Equal(
        [
            ("https://perpusnas.table.core.windows.net/Tables?$top=1", "Bearer token-for-test"),
            ("https://perpusnas.blob.core.windows.net/?comp=list&maxresults=1", "Bearer token-for-test"),
        ], seen.Requests);
    }

    /// <summary>Stands in for the service after the auth policy ran: records what would be sent and answers 200.</summary>
    private sealed class AnswerOkPolicy : HttpPipelinePolicy
    {
        public List<(string Uri, string? Authorization)> Requests { get; } = [];

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => Answer(message);

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Answer(message);
            return ValueTask.CompletedTask;
        }

        private void Answer(HttpMessage message)
        {
            Requests.Add((message.Request.Uri.ToString(), message.Request.Headers.TryGetValue("Authorization", out var auth) ? auth : null));
            message.Response = new CannedResponse(200, "{}");
        }
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken("token-for-test", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
