using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Attendance.Storage;

public sealed class StorageOptionsTests
{
    private const string SecretKey = "c2VjcmV0LWtleS1ieXRlcw==";

    [Fact]
    public void The_connection_string_is_the_value_of_AttendanceStorage_itself()
    {
        var options = Bind(new() { ["AttendanceStorage"] = "UseDevelopmentStorage=true", ["AttendanceStorage:maxRetries"] = "1" });

        Assert.Equal("UseDevelopmentStorage=true", options.ConnectionString);
        Assert.Equal(1, options.MaxRetries);
        Assert.Null(options.TableServiceUri);
    }

    [Fact]
    public void The_managed_identity_settings_are_children_of_AttendanceStorage()
    {
        var options = Bind(new()
        {
            ["AttendanceStorage:tableServiceUri"] = "https://perpusnas.table.core.windows.net",
            ["AttendanceStorage:blobServiceUri"] = "https://perpusnas.blob.core.windows.net",
            ["AttendanceStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        });

        Assert.Null(options.ConnectionString);
        Assert.Equal(new Uri("https://perpusnas.table.core.windows.net"), options.TableServiceUri);
        Assert.Equal(new Uri("https://perpusnas.blob.core.windows.net"), options.BlobServiceUri);
        Assert.Equal("00000000-0000-0000-0000-000000000001", options.ClientId);
    }

    [Fact]
    public void Double_underscore_environment_names_reach_the_same_settings()
    {
        Environment.SetEnvironmentVariable("ATTENDANCE_TEST_AttendanceStorage__tableServiceUri", "https://a.table.core.windows.net");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables("ATTENDANCE_TEST_").Build();

            Assert.Equal("https://a.table.core.windows.net", configuration.GetSection(StorageOptions.SectionName)["tableServiceUri"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ATTENDANCE_TEST_AttendanceStorage__tableServiceUri", null);
        }
    }

    [Fact]
    public void Missing_settings_fail_at_start_naming_both_ways_to_configure()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Start(new()));

        Assert.Contains("Storage is not configured", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AttendanceStorage__tableServiceUri", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_forms_at_once_fail_at_start()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Start(new()
        {
            ["AttendanceStorage"] = "UseDevelopmentStorage=true",
            ["AttendanceStorage:tableServiceUri"] = "https://a.table.core.windows.net",
        }));

        Assert.Contains("configured twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_connection_string_fails_at_start_without_echoing_the_key()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Start(new()
        {
            ["AttendanceStorage"] = $"AccountName=perpusnas;AccountKey={SecretKey};BlobEndpoint=::bad",
        }));

        Assert.Contains("'AttendanceStorage' is not a valid storage connection string", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Half_of_the_managed_identity_settings_fail_at_start()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Start(new()
        {
            ["AttendanceStorage:tableServiceUri"] = "https://a.table.core.windows.net",
        }));

        Assert.Contains("'AttendanceStorage__blobServiceUri' is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_retries_fail_at_start()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Start(new()
        {
            ["AttendanceStorage"] = "UseDevelopmentStorage=true",
            ["AttendanceStorage:maxRetries"] = "-1",
        }));

        Assert.Contains("maxRetries", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_settings_give_one_pair_of_sdk_clients_for_either_form()
    {
        using var development = Services(new() { ["AttendanceStorage"] = "UseDevelopmentStorage=true" });
        using var identity = Services(new()
        {
            ["AttendanceStorage:tableServiceUri"] = "https://perpusnas.table.core.windows.net",
            ["AttendanceStorage:blobServiceUri"] = "https://perpusnas.blob.core.windows.net",
        });

        development.GetRequiredService<IStartupValidator>().Validate();
        identity.GetRequiredService<IStartupValidator>().Validate();
        Assert.Same(development.GetRequiredService<TableServiceClient>(), development.GetRequiredService<TableServiceClient>());
        Assert.Equal("devstoreaccount1", development.GetRequiredService<TableServiceClient>().AccountName);
        Assert.Equal("devstoreaccount1", development.GetRequiredService<BlobServiceClient>().AccountName);
        Assert.Equal(new Uri("https://perpusnas.table.core.windows.net"), identity.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("https://perpusnas.blob.core.windows.net"), identity.GetRequiredService<BlobServiceClient>().Uri);
    }

    [Fact]
    public void A_client_id_selects_that_user_assigned_identity_and_none_the_default_chain()
    {
        Assert.IsType<ManagedIdentityCredential>(StorageClients.Credential(new StorageOptions { ClientId = "00000000-0000-0000-0000-000000000001" }));
        Assert.IsType<DefaultAzureCredential>(StorageClients.Credential(new StorageOptions()));
    }

    [Fact]
    public void The_documented_retry_settings_reach_both_sdks()
    {
        var options = new StorageOptions { MaxRetries = 5, RetryDelay = TimeSpan.FromSeconds(2), MaxRetryDelay = TimeSpan.FromSeconds(9), NetworkTimeout = TimeSpan.FromSeconds(7) };
        var tables = new TableClientOptions();
        var blobs = new BlobClientOptions();

        StorageClients.ApplyRetries(tables, options);
        StorageClients.ApplyRetries(blobs, options);

        foreach (var retry in new[] { tables.Retry, blobs.Retry })
        {
            Assert.Equal((5, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(7)), (retry.MaxRetries, retry.Delay, retry.MaxDelay, retry.NetworkTimeout));
        }
    }

    private static StorageOptions Bind(Dictionary<string, string?> settings)
    {
        using var services = Services(settings);
        return services.GetRequiredService<IOptions<StorageOptions>>().Value;
    }

    private static void Start(Dictionary<string, string?> settings)
    {
        using var services = Services(settings);
        services.GetRequiredService<IStartupValidator>().Validate();
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddAttendanceStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
