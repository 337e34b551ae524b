using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Attendance.Benchmarks.Load;
using Attendance.Events;
using Attendance.Regions;
using Azure.Data.Tables;
using Attendance.Submissions;

namespace Attendance.Benchmarks.Ingest;

/// <summary>
/// The requests the ingest cases repeat: submissions over HTTP (one per request, or a batch), the same through
/// <see cref="SubmissionIntake"/> in-process (no HTTP), and raw inserts into Azurite of entities shaped like the
/// stored record, one at a time or as an entity group transaction. Each attendance is a new participant, so every
/// request stores something and none is answered as a duplicate.
/// </summary>
internal sealed class IngestWorkload(HttpClient client, string adminKey, SubmissionIntake intake, TableServiceClient tables, RegionDirectory regions)
{
    public const int BatchSize = 100;

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly Participants participants = new(regions);

    /// <summary>Registers events <c>{prefix}-0000</c>.. with <c>PUT /api/events/{eventId}</c> and returns them.</summary>
    public async Task<IReadOnlyList<(string Id, DateOnly Start)>> RegisterEventsAsync(string prefix, int count, CancellationToken cancellationToken = default)
    {
        var events = new List<(string, DateOnly)>();
        for (var i = 0; i < count; i++)
        {
            var id = TrainingEvents.Id(prefix, i);
            var registration = TrainingEvents.Registration(i, regions);
            using var request = new HttpRequestMessage(HttpMethod.Put, $"events/{id}") { Content = JsonContent.Create(TrainingEvents.Body(registration)) };
            request.Headers.Add("x-functions-key", adminKey);
            using var response = await client.SendAsync(request, cancellationToken);
            await EnsureAsync(response, HttpStatusCode.Created, cancellationToken);
            events.Add((id, registration.StartDate));
        }

        return events;
    }

    /// <summary><c>POST /api/submissions</c> with one submission; 201 expected.</summary>
    public Func<long, CancellationToken, Task<int>> PostOne(IReadOnlyList<(string Id, DateOnly Start)> events) => async (number, cancellationToken) =>
    {
        var (eventId, start) = events[(int)(number % events.Count)];
        var body = JsonSerializer.SerializeToUtf8Bytes(participants.Fields(number, eventId, start.AddDays((int)(number % TrainingEvents.Days))));
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var response = await client.PostAsync("submissions", content, cancellationToken);
        await EnsureAsync(response, HttpStatusCode.Created, cancellationToken);
        return 1;
    };

    /// <summary><c>POST /api/submissions</c> with a batch of <see cref="BatchSize"/> for one event; 200 with every item created expected.</summary>
    public Func<long, CancellationToken, Task<int>> PostBatch(IReadOnlyList<(string Id, DateOnly Start)> events) => async (number, cancellationToken) =>
    {
        var (eventId, start) = events[(int)(number % events.Count)];
        var batch = Enumerable.Range(0, BatchSize)
            .Select(i => participants.Fields((number * BatchSize) + i, eventId, start.AddDays(i % TrainingEvents.Days)))
            .ToArray();
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(batch));
        content.Headers.ContentType = Json;
        using var response = await client.PostAsync("submissions", content, cancellationToken);
        await EnsureAsync(response, HttpStatusCode.OK, cancellationToken);
        using var results = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var statuses = results.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetString() ?? "none").ToList();
        var created = statuses.Count(s => s == "created");
        return created == BatchSize
            ? created
            : throw new InvalidOperationException($"A batch of {BatchSize} to {eventId} stored {created}: {string.Join(", ", statuses.CountBy(s => s).Select(c => $"{c.Value} {c.Key}"))}.");
    };

    /// <summary>One submission through <see cref="SubmissionIntake.AcceptAsync"/> in this process: the API's work without HTTP.</summary>
    public Func<long, CancellationToken, Task<int>> AcceptOne(IReadOnlyList<(string Id, DateOnly Start)> events) => async (number, cancellationToken) =>
    {
        var (eventId, start) = events[(int)(number % events.Count)];
        var outcome = (await intake.AcceptAsync([participants.Submission(number, eventId, start.AddDays((int)(number % TrainingEvents.Days)))], cancellationToken: cancellationToken))[0];
        return outcome.Receipt?.Status == ReceiptStatus.Created
            ? 1
            : throw new InvalidOperationException($"Submission {number} was not created: {string.Join("; ", outcome.Errors?.ToDictionary().Select(e => $"{e.Key}: {string.Join(' ', e.Value)}") ?? [])}");
    };

    /// <summary>A table of its own for the raw cases, and entity templates shaped like the stored submission record.</summary>
    public async Task<(TableClient Table, TableEntity[] Templates)> PrepareRawAsync(string tableName, CancellationToken cancellationToken = default)
    {
        var table = tables.GetTableClient(tableName);
        await table.CreateIfNotExistsAsync(cancellationToken);
        var validator = new SubmissionValidator(regions);
        var start = TrainingEvents.Start(0);
        var templates = Enumerable.Range(0, 1024)
            .Select(i => validator.Validate(participants.Submission(i, "raw", start.AddDays(i % TrainingEvents.Days)))
                ?? throw new InvalidOperationException($"Synthetic participant {i} does not validate."))
            .Select((s, i) => SubmissionRows.Record(i, Guid.CreateVersion7().ToString(), DateTimeOffset.UtcNow, s))
            .ToArray();
        return (table, templates);
    }

    /// <summary>One entity per request with <see cref="TableClient.AddEntityAsync{T}"/>, over <paramref name="partitions"/> partitions.</summary>
    public static Func<long, CancellationToken, Task<int>> InsertOne(TableClient table, TableEntity[] templates, string prefix, int partitions) => async (number, cancellationToken) =>
    {
        await table.AddEntityAsync(Copy(templates[number % templates.Length], $"{prefix}-{number % partitions}", SubmissionRows.SequenceKey(number)), cancellationToken);
        return 1;
    };

    /// <summary><see cref="BatchSize"/> entities of one partition per request, as one entity group transaction.</summary>
    public static Func<long, CancellationToken, Task<int>> InsertBatch(TableClient table, TableEntity[] templates, string prefix) => async (number, cancellationToken) =>
    {
        var partition = $"{prefix}-{number}";
        var actions = Enumerable.Range(0, BatchSize)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, Copy(templates[i % templates.Length], partition, SubmissionRows.SequenceKey(i))))
            .ToList();
        await table.SubmitTransactionAsync(actions, cancellationToken);
        return BatchSize;
    };

    private static TableEntity Copy(TableEntity template, string partitionKey, string rowKey) =>
        new(template) { PartitionKey = partitionKey, RowKey = rowKey };

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, not {(int)expected}: {body[..Math.Min(500, body.Length)]}");
        }
    }
}
