using System.Globalization;

namespace Attendance.Integration.Tests.Api;

/// <summary>
/// A replay of the Bimtek SPP-TIK in Bandar Lampung (../shared/seeds): 48 librarians from 3 regencies and 2 cities,
/// 4 days, posting through the venue form (QR code), Power Automate (Microsoft Forms) and KoboToolbox, with
/// retries, double taps and people signing in through a second channel. Deterministic.
/// </summary>
internal sealed class LampungReplay
{
    /// <summary>How each participant typed their regency, by official code.</summary>
    private static readonly (string Code, string[] Typed, int Count)[] Regencies =
    [
        ("18.71", ["Kota Bandar Lampung", "bandar lampung", "Bandarlampung", "18.71"], 12),
        ("18.72", ["Kota Metro", "KOTA METRO", "Metro"], 8),
        ("18.03", ["Lampung Utara", "Kab. Lampung Utara", "lampung  utara"], 10),
        ("18.09", ["Kab. Pesawaran", "pesawaran", "Kabupaten Pesawaran"], 9),
        ("18.12", ["Tulang Bawang Barat", "Tulangbawang Barat", "Tubaba"], 9),
    ];

    private static readonly string[] GivenNames = ["Siti", "Made", "Ratna", "Budi", "Ani", "Rudi", "Dewi", "Yusuf", "Putu", "Nur", "Agus", "Rina"];
    private static readonly string[] FamilyNames = ["Nur'aini", "Wirawan", "Dewi", "Santoso", "Lestari", "Hartono", "Sartika", "Maulana", "Ayu", "Hasanah", "Saputra", "Marlina"];

    public LampungReplay()
    {
        var index = 0;
        foreach (var (code, typed, count) in Regencies)
        {
            for (var i = 0; i < count; i++, index++)
            {
                Participants.Add(new Participant(
                    $"{GivenNames[index % 12]} {FamilyNames[(index * 5 + 3) % 12]} {index + 1}",
                    code,
                    typed[i % typed.Length],
                    index % 4 is 0 or 1 ? $"peserta{index + 1}@perpus.lampung.example.id" : null,
                    index % 4 == 2 ? $"0812{index + 1:D8}" : null,
                    index % 2 == 0 ? "P" : "L",
                    (Channel)(index % 3),
                    AbsentDay: index % 10 == 7 ? index % 4 : -1));
            }
        }
    }

    public enum Channel
    {
        VenueForm,
        PowerAutomate,
        Kobo,
    }

    public List<Participant> Participants { get; } = [];

    /// <summary>Attendances that should be stored: every participant on every day they came.</summary>
    public int ExpectedAttendances => Participants.Sum(p => p.AbsentDay < 0 ? 4 : 3);

    public static IEnumerable<DateOnly> Days => Enumerable.Range(0, 4).Select(Lampung.FirstDay.AddDays);

    /// <summary>
    /// Posts every attendance through the participant's channel; every 5th is retried, and every 8th participant
    /// also signs in through the venue form on the first day. Returns the stored submission ids (created receipts).
    /// </summary>
    /// <remarks>The venue form records only today's attendance, so the server's clock is moved to 08:00 WIB of each day.</remarks>
    public Task<ReplayOutcome> PostAllAsync(ApiServer api, CancellationToken cancellationToken) => PostAllAsync(
        api,
        api.Time as ManualTime ?? throw new InvalidOperationException("The replay moves the server's clock: start it with a ManualTime."),
        api.LampungFormToken ?? throw new InvalidOperationException("Start the server with StartWithLampungAsync."),
        cancellationToken);

    /// <inheritdoc cref="PostAllAsync(ApiServer, CancellationToken)"/>
    public async Task<ReplayOutcome> PostAllAsync(ApiServer api, ManualTime clock, string formToken, CancellationToken cancellationToken)
    {
        var created = new List<string>();
        var duplicates = 0;
        var posts = 0;
        foreach (var (day, dayIndex) in Days.Select((d, i) => (d, i)))
        {
            clock.Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(7));
            foreach (var (participant, index) in Participants.Select((p, i) => (p, i)))
            {
                if (participant.AbsentDay == dayIndex)
                {
                    continue;
                }

                var repeats = (posts % 5 == 0 ? 2 : 1) + (dayIndex == 0 && index % 8 == 0 ? 1 : 0);
                for (var attempt = 0; attempt < repeats; attempt++)
                {
                    var channel = attempt == 2 || (attempt == 1 && posts % 5 != 0) ? Channel.VenueForm : participant.Channel;
                    using var response = await PostAsync(api, formToken, participant, day, channel, cancellationToken);
                    var receipt = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(cancellationToken);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        created.Add(receipt.GetProperty("submissionId").GetString()!);
                    }
                    else if (response.StatusCode == HttpStatusCode.OK && receipt.GetProperty("status").GetString() == "duplicate")
                    {
                        duplicates++;
                    }
                    else
                    {
                        throw new InvalidOperationException($"{participant.Name} on {day}: {(int)response.StatusCode} {receipt}");
                    }
                }

                posts++;
            }
        }

        return new ReplayOutcome(created, duplicates);
    }

    private static Task<HttpResponseMessage> PostAsync(ApiServer api, string formToken, Participant p, DateOnly day, Channel channel, CancellationToken cancellationToken)
    {
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string>
        {
            ["sessionDate"] = date,
            ["fullName"] = p.Name,
            ["province"] = channel == Channel.Kobo ? "18" : "Lampung",
            ["regency"] = channel == Channel.Kobo ? p.RegencyCode : p.RegencyTyped,
            ["gender"] = p.Gender,
            ["institution"] = $"Perpustakaan Desa {p.Name.Split(' ')[0]}",
            ["institutionType"] = "perpustakaan desa",
        };
        if (p.Email is not null)
        {
            fields["email"] = p.Email;
        }

        if (p.Phone is not null)
        {
            fields["phone"] = p.Phone;
        }

        switch (channel)
        {
            case Channel.VenueForm:
                return api.Anonymous.PostAsync($"events/{Lampung.EventId}/form?token={Uri.EscapeDataString(formToken)}", new FormUrlEncodedContent(fields), cancellationToken);
            case Channel.PowerAutomate:
                fields["eventId"] = Lampung.EventId;
                fields["source"] = "power-automate";
                fields["checkInAt"] = $"{date}T07:{p.Name.Length % 60:D2}:00+07:00";
                return api.Client.PostAsJsonAsync("submissions", fields, cancellationToken);
            default:
                fields["eventId"] = Lampung.EventId;
                fields["source"] = "kobo";
                fields["submissionId"] = $"uuid:{new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(p.Name + date)))}";
                fields["_uuid"] = fields["submissionId"];
                return api.Client.PostAsJsonAsync("submissions", fields, cancellationToken);
        }
    }

    public sealed record Participant(string Name, string RegencyCode, string RegencyTyped, string? Email, string? Phone, string Gender, Channel Channel, int AbsentDay);

    public sealed record ReplayOutcome(IReadOnlyList<string> Created, int Duplicates);
}
