using Microsoft.Playwright;

namespace Attendance.Integration.Tests.Browser;

/// <summary>The venue page as a participant fills it in, by its labels.</summary>
internal sealed class VenuePage(IPage page)
{
    public IPage Page => page;

    public ILocator FullName => page.GetByLabel("Nama lengkap");

    public ILocator Phone => page.GetByLabel("Nomor HP (WhatsApp)");

    public ILocator Email => page.GetByLabel("Email");

    public ILocator Institution => page.GetByLabel("Instansi");

    public ILocator InstitutionType => page.GetByLabel("Jenis perpustakaan");

    public ILocator Regency => page.GetByLabel("Kabupaten/Kota asal");

    public ILocator Gender => page.GetByLabel("Jenis kelamin");

    public ILocator Send => page.Locator("form[data-venue] button[type=submit]");

    public ILocator Confirmation => page.Locator("#confirmation");

    public ILocator Waiting => page.Locator("#waiting");

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
}
