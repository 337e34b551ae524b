using System.Text.Json;
using System.Text.RegularExpressions;
using Attendance.Functions.Tests.Settings;
using Attendance.Testing;
using Xunit;

namespace Attendance.Functions.Tests;

/// <summary>
/// What the deployment promises, read from infra/ (InfraBuildTests compiles and lints it): storage reached by the
/// app's identity only, telemetry without keys, secrets kept out of outputs, and the host settings the
/// app's routes and timer rely on.
/// </summary>
public sealed partial class InfraTests
{
    private static readonly string[] BicepFiles = Directory.GetFiles(RepoPaths.Combine("infra"), "*.bicep", SearchOption.AllDirectories);

    private static string Read(string relative) => File.ReadAllText(RepoPaths.Combine(relative.Split('/')));

    private static string AllBicep => string.Join('\n', BicepFiles.Select(File.ReadAllText));

    [Fact]
    public void Every_storage_account_refuses_shared_keys()
    {
        foreach (var file in BicepFiles)
        {
            var text = File.ReadAllText(file);
            var accounts = StorageAccountDeclaration().Matches(text).Count;
            if (accounts > 0)
            {
                // The accounts share one property object; every account must use it, and it must turn keys off.
                Assert.Contains("allowSharedKeyAccess: false", text, StringComparison.Ordinal);
                Assert.Equal(accounts, Regex.Matches(text, @"properties:\s*accountProperties").Count);
            }
        }

        Assert.NotEqual(0, BicepFiles.Sum(f => StorageAccountDeclaration().Matches(File.ReadAllText(f)).Count));
    }

    [Fact]
    public void Nothing_reads_an_account_key_or_builds_a_key_connection_string()
    {
        Assert.DoesNotContain("listKeys(", AllBicep, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey=", AllBicep, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("InstrumentationKey", AllBicep, StringComparison.Ordinal);
    }

    [Fact]
    public void The_host_storage_connection_is_identity_based()
    {
        var settings = InfraSettings.All;
        Assert.Equal("'managedidentity'", settings["AzureWebJobsStorage__credential"]);
        Assert.Contains("AzureWebJobsStorage__clientId", settings.Keys);
        Assert.Contains("AzureWebJobsStorage__blobServiceUri", settings.Keys);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
    }

    [Fact]
    public void The_data_storage_connection_is_identity_based()
    {
        var settings = InfraSettings.All;
        Assert.Contains("AttendanceStorage__tableServiceUri", settings.Keys);
        Assert.Contains("AttendanceStorage__blobServiceUri", settings.Keys);
        Assert.Contains("AttendanceStorage__clientId", settings.Keys);
        Assert.DoesNotContain("AttendanceStorage", settings.Keys);
    }

    [Fact]
    public void Application_insights_refuses_local_auth_and_the_app_sends_with_its_identity()
    {
        Assert.Contains("DisableLocalAuth: true", Read("infra/app/monitoring.bicep"), StringComparison.Ordinal);
        Assert.Matches(@"^'ClientId=\$\{identityClientId\};Authorization=AAD'$", InfraSettings.All["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }

    [Fact]
    public void The_app_is_flex_consumption_dotnet_isolated_10_running_as_the_user_assigned_identity()
    {
        var app = Read("infra/app/function-app.bicep");
        Assert.Contains("name: 'FC1'", app, StringComparison.Ordinal);
        Assert.Contains("tier: 'FlexConsumption'", app, StringComparison.Ordinal);
        Assert.Matches(@"runtime:\s*\{\s*name:\s*'dotnet-isolated'\s*version:\s*'10\.0'", app);
        Assert.Contains("type: 'UserAssigned'", app, StringComparison.Ordinal);
        Assert.Contains("keyVaultReferenceIdentity: identityId", app, StringComparison.Ordinal);
        // Flex Consumption rejects these two as app settings: the runtime is declared in functionAppConfig.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", InfraSettings.All.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", InfraSettings.All.Keys);
    }

    [Fact]
    public void Cors_origins_come_from_a_parameter()
    {
        Assert.Contains("allowedOrigins: formOrigins", Read("infra/app/function-app.bicep"), StringComparison.Ordinal);
        Assert.Contains("param formOrigins string", Read("infra/main.bicep"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_identity_holds_table_and_blob_data_roles_but_no_account_management_role()
    {
        var rbac = Read("infra/app/rbac.bicep");
        Assert.Contains("'0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'", rbac, StringComparison.Ordinal); // Storage Table Data Contributor
        Assert.Contains("'ba92f5b4-2d11-453d-a403-e96b0029c9fe'", rbac, StringComparison.Ordinal); // Storage Blob Data Contributor
        Assert.Contains("'4633458b-17de-408a-b874-0445c86b69e6'", rbac, StringComparison.Ordinal); // Key Vault Secrets User
        // Owner, Contributor and Storage Account Contributor can list the account keys.
        foreach (var broad in new[] { "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "b24988ac-6180-42a0-ab88-20f7382dd24c", "17d1049b-9a84-46fb-8f53-869881c3d3ab" })
        {
            Assert.DoesNotContain(broad, AllBicep, StringComparison.OrdinalIgnoreCase);
        }

        foreach (Match assignment in RoleAssignmentName().Matches(rbac))
        {
            Assert.StartsWith("guid(", assignment.Groups[1].Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_pseudonym_key_never_passes_through_a_deployment_and_reaches_the_app_as_a_key_vault_reference()
    {
        // No parameter, variable or output carries it: the postprovision hook writes it straight to Key Vault.
        Assert.DoesNotMatch(@"(?i)param\s+pseudonymKey\b", AllBicep);
        Assert.DoesNotContain("secretOrRandomPassword", Read("infra/main.parameters.json"), StringComparison.Ordinal);
        Assert.Contains("enableRbacAuthorization: true", Read("infra/app/keyvault.bicep"), StringComparison.Ordinal);
        Assert.Equal("'@Microsoft.KeyVault(SecretUri=${pseudonymKeySecretUri})'", InfraSettings.All["Export__PseudonymKey"]);
        Assert.Contains("output pseudonymKeySecretUri string = '${vault.properties.vaultUri}secrets/PseudonymKey/'", Read("infra/app/keyvault.bicep"), StringComparison.Ordinal);
        Assert.Contains("output AZURE_KEY_VAULT_NAME string", Read("infra/main.bicep"), StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_yaml_runs_the_key_hook_after_provisioning_on_every_platform()
    {
        var yaml = Read("azure.yaml");
        Assert.Matches(@"(?s)hooks:\s+postprovision:\s+posix:\s+shell: sh\s+run: \./infra/hooks/postprovision\.sh.*windows:\s+shell: pwsh\s+run: \./infra/hooks/postprovision\.ps1", yaml);
        Assert.True(File.Exists(RepoPaths.Combine("infra", "hooks", "postprovision.sh")));
        Assert.True(File.Exists(RepoPaths.Combine("infra", "hooks", "postprovision.ps1")));
    }

    [Fact]
    public void Every_main_bicep_parameter_without_a_default_is_supplied_by_the_parameters_file()
    {
        using var parameters = JsonDocument.Parse(Read("infra/main.parameters.json"));
        var supplied = parameters.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToHashSet();
        var required = RequiredParameter().Matches(Read("infra/main.bicep")).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(required);
        Assert.All(required, name => Assert.Contains(name, supplied));
    }

    [Fact]
    public void Host_json_puts_the_routes_below_api_as_the_local_server_does()
    {
        using var host = JsonDocument.Parse(Read("host.json"));
        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
        Assert.Equal("api", host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void Local_settings_example_holds_no_secret_and_uses_the_emulator()
    {
        using var local = JsonDocument.Parse(Read("local.settings.example.json"));
        var values = local.RootElement.GetProperty("Values");
        Assert.Equal("dotnet-isolated", values.GetProperty("FUNCTIONS_WORKER_RUNTIME").GetString());
        Assert.Equal("UseDevelopmentStorage=true", values.GetProperty("AzureWebJobsStorage").GetString());
        foreach (var setting in values.EnumerateObject().Where(p => p.Name.EndsWith("Key", StringComparison.Ordinal)))
        {
            Assert.True(setting.Value.GetString() is "", $"{setting.Name} must be empty in the example: each developer sets their own.");
        }
    }

    [Fact]
    public void Azure_yaml_deploys_the_functions_project_as_a_function_service()
    {
        var yaml = Read("azure.yaml");
        Assert.Matches(@"(?m)^\s+project:\s*\./functions/Attendance\.Functions\s*$", yaml);
        Assert.Matches(@"(?m)^\s+host:\s*function\s*$", yaml);
        Assert.Matches(@"(?m)^\s+language:\s*dotnet\s*$", yaml);
        Assert.Contains("'azd-service-name': 'api'", Read("infra/app/function-app.bicep"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"resource\s+\w+\s+'Microsoft\.Storage/storageAccounts@[^']+'\s*=\s*\{")]
    private static partial Regex StorageAccountDeclaration();

    [GeneratedRegex(@"'Microsoft\.Authorization/roleAssignments@[^']+'\s*=\s*(?:if\s*\(.+?\)\s*)?\{\s*name:\s*([^\n]+)")]
    private static partial Regex RoleAssignmentName();

    [GeneratedRegex(@"(?m)^param\s+(\w+)\s+\w+\s*$")]
    private static partial Regex RequiredParameter();
}
