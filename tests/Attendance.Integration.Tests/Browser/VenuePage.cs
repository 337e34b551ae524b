namespace Attendance.Integration.Tests.Browser;

/// <summary>The venue page as a participant fills it in, by its labels; and what went wrong on it.</summary>
internal sealed class VenuePage
{
    private readonly IPage page;

    public VenuePage(IPage page)
    {
        this.page = page;
        Problems = Watch(page);
    }

    public IPage Page => page;

    /// <summary>The answer to the page's load, when <see cref="VenueSession.OpenAsync"/> opened it.</summary>
    public IResponse? Response { get; set; }

    /// <summary>
    /// Script errors and console errors, CSP violations ("Refused to execute…") among them: the page must run with none.
    /// Failed loads are left out: a 400 answer or a dropped connection is what some tests are about.
    /// </summary>
    public List<string> Problems { get; }

    public ILocator FullName => page.GetByLabel("Nama lengkap");

    public ILocator Phone => page.GetByLabel("Nomor HP (WhatsApp)");

    public ILocator Email => page.GetByLabel("Email");

    public ILocator Institution => page.GetByLabel("Instansi");

    public ILocator InstitutionType => page.GetByLabel("Jenis perpustakaan");

    public ILocator Regency => page.GetByLabel("Kabupaten/Kota asal");

    public ILocator Gender => page.GetByLabel("Jenis kelamin");

    public ILocator Send => page.Locator("form[data-venue] button[type=submit]");

    public ILocator Confirmation => page.Locator("#confirmation");

    /// <summary>The note of sign-ins this device keeps until they can be sent.</summary>
    public ILocator Waiting => page.Locator("#waiting");

    /// <summary>The note of kept sign-ins that were sent: one line each, as the server confirmed it.</summary>
    public ILocator Sent => page.Locator("#sent");

    /// <summary>The note of kept sign-ins the server refused, each with its reason.</summary>
    public ILocator Refused => page.Locator("#refused");

    public ILocator Province => page.GetByLabel("Provinsi");

    public async Task FillAsync(string name, string regency, string? phone = null, string? email = null)
    {
        await FullName.FillAsync(name);
        await Gender.SelectOptionAsync(new SelectOptionValue { Label = "Perempuan" });
        await Regency.SelectOptionAsync(new SelectOptionValue { Label = regency });
        await InstitutionType.SelectOptionAsync(new SelectOptionValue { Label = "Perpustakaan Desa/Kelurahan" });
        await Institution.FillAsync("Perpustakaan Desa Sukamaju");
        if (phone is not null)
        {
            await Phone.FillAsync(phone);
        }

        if (email is not null)
        {
            await Email.FillAsync(email);
        }
    }

    /// <summary>The sign-ins this phone keeps while it waits for a connection.</summary>
    public Task<int> QueuedAsync() =>
        page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('daftar-hadir:')).reduce((n, k) => n + JSON.parse(localStorage.getItem(k)).length, 0)");

    /// <summary>The page's full width in CSS pixels: at most the phone's 360 when nothing scrolls sideways.</summary>
    public Task<int> ScrollWidthAsync() => page.EvaluateAsync<int>("document.documentElement.scrollWidth");

    /// <summary>A full-page screenshot in <see cref="ChromiumFixture.Screenshots"/>, to see what a participant sees.</summary>
    public Task ScreenshotAsync(string fileName) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Screenshots, fileName), FullPage = true });

    private static List<string> Watch(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);
        return problems;
    }
}
