using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Attendance.Storage;

/// <summary>Answers each request with the next canned response and records the URLs asked for.</summary>
internal sealed class CannedTransport(params Response[] responses) : HttpPipelineTransport
{
    private readonly Queue<Response> responses = new(responses);

    public List<Uri> Requests { get; } = [];

    public override Request CreateRequest() => HttpClientTransport.Shared.CreateRequest();

    public override void Process(HttpMessage message)
    {
        Requests.Add(message.Request.Uri.ToUri());
        message.Response = responses.Dequeue();
    }

    public override ValueTask ProcessAsync(HttpMessage message)
    {
        Process(message);
        return ValueTask.CompletedTask;
    }
}
