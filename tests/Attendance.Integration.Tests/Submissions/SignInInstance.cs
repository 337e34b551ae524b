using Attendance.Events;
using Attendance.Submissions;
using Microsoft.Extensions.Primitives;

namespace Attendance.Integration.Tests.Submissions;

/// <summary>
/// One instance of the service (a service container as every host builds it) on shared tables, with its storage
/// requests counted: two of them on the same settings are two servers on one storage account.
/// </summary>
internal sealed class SignInInstance : IAsyncDisposable
{
    public const string EventId = "bimtek-lampung-2023";

    private readonly ServiceProvider services;

    public SignInInstance(IDictionary<string, string?> settings)
    {
        SubmissionsTable = new Azure.Data.Tables.TableClient(settings["AttendanceStorage"], settings["Store:SubmissionsTable"]);
        services = TestServices.Build(settings, configure: s => s.AddStoragePipelinePolicy(Requests, Azure.Core.HttpPipelinePosition.PerCall));
    }

    public StorageRequestLog Requests { get; } = new();

    /// <summary>The submissions table, reached past the product (to delete a row under it).</summary>
    public Azure.Data.Tables.TableClient SubmissionsTable { get; }

    public SubmissionStore Store => services.GetRequiredService<SubmissionStore>();

    public Task RegisterLampungAsync() => SaveLampungAsync(new DateOnly(2023, 6, 5), new DateOnly(2023, 6, 8));

    /// <summary>Registers the Lampung training, or saves it again, with these dates, as the organizer's desk does.</summary>
    public Task SaveLampungAsync(DateOnly start, DateOnly end) => services.GetRequiredService<EventStore>().SaveAsync(
        EventId, new EventRegistration("Bimtek SPP-TIK Lampung", start, end, null, null, null, null), Ct);

    /// <summary>One sign-in through the intake, as a post sends it: a name, a day, and the client's id when given.</summary>
    public Task<IntakeOutcome> SignInAsync(string name, string? submissionId = null, string day = "2023-06-05") =>
        SignInUntilAsync(Ct, name, submissionId, day);

    /// <summary><see cref="SignInAsync"/> for a caller that may give up waiting (<paramref name="giveUp"/>).</summary>
    public async Task<IntakeOutcome> SignInUntilAsync(CancellationToken giveUp, string name, string? submissionId = null, string day = "2023-06-05")
    {
        var form = new Dictionary<string, StringValues>
        {
            ["eventId"] = EventId,
            ["sessionDate"] = day,
            ["fullName"] = name,
            ["province"] = "Lampung",
            ["regency"] = "Kab. Pesawaran",
        };
        if (submissionId is not null)
        {
            form["submissionId"] = submissionId;
        }

        var outcomes = await services.GetRequiredService<SubmissionIntake>().AcceptAsync(
            [SubmissionFields.FromForm(form)], cancellationToken: giveUp);
        return outcomes[0];
    }

    /// <summary>The numbers the store holds for the event, in order.</summary>
    public async Task<List<long>> StoredSequencesAsync() =>
        await Store.ReadAsync(EventId, 0, long.MaxValue / 2, Ct).Select(r => r.Sequence).ToListAsync(Ct);

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
