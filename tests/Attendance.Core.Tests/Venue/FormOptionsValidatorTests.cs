using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Attendance.Venue;

public sealed class FormOptionsValidatorTests
{
    private static readonly FormOptionsValidator InAzure = new([]);
    private static readonly FormOptionsValidator OnTheLocalServer = new([new RequestHostLinks()]);

    [Theory]
    [InlineData("https://hadir.example.go.id")]
    [InlineData("http://localhost:7071/")]
    [InlineData("HTTPS://HADIR.EXAMPLE.GO.ID")]
    public void An_absolute_http_address_passes(string url)
    {
        Assert.True(InAzure.Validate(Options.DefaultName, new FormOptions { PublicBaseUrl = url }).Succeeded);
    }

    [Theory]
    [InlineData("hadir.example.go.id")]
    [InlineData("ftp://hadir.example.go.id")]
    [InlineData(" https://hadir.example.go.id")]
    [InlineData("https://")]
    [InlineData("")]
    public void Anything_else_set_is_named_with_an_example(string url)
    {
        var failure = Assert.Single(OnTheLocalServer.Validate(Options.DefaultName, new FormOptions { PublicBaseUrl = url }).Failures!);

        Assert.Equal("Forms:PublicBaseUrl must be an absolute http(s) address, e.g. https://hadir.example.go.id.", failure);
    }

    [Fact]
    public void Without_an_address_only_the_local_server_starts()
    {
        Assert.True(OnTheLocalServer.Validate(Options.DefaultName, new FormOptions()).Succeeded);

        var failure = Assert.Single(InAzure.Validate(Options.DefaultName, new FormOptions()).Failures!);

        Assert.Equal(FormOptions.PublicBaseUrlRequired, failure);
        Assert.StartsWith("Forms:PublicBaseUrl must be set where the platform reports no host name (WEBSITE_HOSTNAME)", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_platforms_host_name_fills_an_unset_address_before_the_check()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [FormOptions.PlatformHostNameSetting] = "func-hadir.azurewebsites.net",
        }).Build();
        using var provider = new ServiceCollection().AddVenue(configuration).BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal("https://func-hadir.azurewebsites.net", provider.GetRequiredService<IOptions<FormOptions>>().Value.PublicBaseUrl);
    }
}
