using System.Text.RegularExpressions;
using Attendance.Functions.Tests.Settings;

namespace Attendance.Functions.Tests.Infra;

/// <summary>
/// What the deployment promises, read from the ARM template infra/ compiles to (InfraBuildTests also lints it):
/// storage reached by the app's identity only, telemetry without keys, secrets kept out of the deployment, every
/// operator choice coming from an azd value, the guard rails policy and a second `azd up` rely on, and the host
/// settings the app's routes and timer rely on.
/// </summary>
public sealed partial class InfraTests
{
    private static string Read(string relative) => File.ReadAllText(RepoPaths.Combine(relative.Split('/')));

    private static async Task<IEnumerable<JsonElement>> OfTypeAsync(string type) =>
        (await InfraTemplate.ResourcesAsync()).Where(r => r.GetProperty("type").GetString() == type);

    private static async Task<JsonElement> ModuleAsync(string name) =>
        Assert.Single(await OfTypeAsync("Microsoft.Resources/deployments"), d => d.GetProperty("name").GetString() == name);

    private static async Task<string> ModuleParameterAsync(string module, string parameter) =>
        (await ModuleAsync(module)).GetProperty("properties").GetProperty("parameters").GetProperty(parameter).GetProperty("value").GetString()!;

    private static IReadOnlyDictionary<string, string> AzdValues()
    {
        using var parameters = JsonDocument.Parse(Read("infra/main.parameters.json"));
        return parameters.RootElement.GetProperty("parameters").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetProperty("value").ToString());
    }

    [Fact]
    public async Task Every_storage_account_refuses_shared_keys_and_the_data_account_is_zone_redundant()
    {
        var accounts = (await OfTypeAsync("Microsoft.Storage/storageAccounts")).ToList();
        Assert.Equal(2, accounts.Count);
        // Both accounts take their properties from one variable of the storage module.
        var shared = (await ModuleAsync("storage")).GetProperty("properties").GetProperty("template").GetProperty("variables").GetProperty("accountProperties");
        Assert.False(shared.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.True(shared.GetProperty("defaultToOAuthAuthentication").GetBoolean());
        Assert.All(accounts, a => Assert.Equal("[variables('accountProperties')]", a.GetProperty("properties").GetString()));
        Assert.Contains(accounts, a => a.GetProperty("sku").GetProperty("name").GetString() == "Standard_ZRS");
    }

    [Fact]
    public async Task Nothing_reads_an_account_key_or_builds_a_key_connection_string()
    {
        var template = (await InfraTemplate.RootAsync()).GetRawText();
        Assert.DoesNotContain("listKeys(", template, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey=", template, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("InstrumentationKey", template, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_storage_connection_is_identity_based()
    {
        var settings = await InfraSettings.AllAsync();
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", settings["AzureWebJobsStorage__clientId"]);
        Assert.Contains("AzureWebJobsStorage__blobServiceUri", settings.Keys);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
    }

    [Fact]
    public async Task The_data_storage_connection_is_identity_based()
    {
        var settings = await InfraSettings.AllAsync();
        Assert.Contains("AttendanceStorage__tableServiceUri", settings.Keys);
        Assert.Contains("AttendanceStorage__blobServiceUri", settings.Keys);
        Assert.Equal("[parameters('identityClientId')]", settings["AttendanceStorage__clientId"]);
        Assert.DoesNotContain("AttendanceStorage", settings.Keys);
    }

    [Fact]
    public async Task Application_insights_refuses_local_auth_and_the_app_sends_with_its_identity()
    {
        var component = await InfraTemplate.SingleAsync("Microsoft.Insights/components");
        Assert.True(component.GetProperty("properties").GetProperty("DisableLocalAuth").GetBoolean());
        Assert.Equal("[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]", (await InfraSettings.AllAsync())["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }

    [Fact]
    public async Task The_app_is_flex_consumption_dotnet_isolated_10_running_as_the_user_assigned_identity()
    {
        var plan = await InfraTemplate.SingleAsync("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", plan.GetProperty("sku").GetProperty("name").GetString());
        Assert.Equal("FlexConsumption", plan.GetProperty("sku").GetProperty("tier").GetString());

        var site = await InfraTemplate.SingleAsync("Microsoft.Web/sites");
        var runtime = site.GetProperty("properties").GetProperty("functionAppConfig").GetProperty("runtime");
        Assert.Equal("dotnet-isolated", runtime.GetProperty("name").GetString());
        Assert.Equal("10.0", runtime.GetProperty("version").GetString());
        Assert.Equal("UserAssigned", site.GetProperty("identity").GetProperty("type").GetString());
        // Key Vault references resolve with the system identity unless told otherwise, and there is none.
        Assert.Equal("[parameters('identityId')]", site.GetProperty("properties").GetProperty("keyVaultReferenceIdentity").GetString());

        // Flex Consumption rejects these two as app settings: the runtime is declared in functionAppConfig.
        var settings = await InfraSettings.AllAsync();
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", settings.Keys);
    }

    [Fact]
    public async Task Ftps_is_disabled_so_policy_checks_find_no_ftp_endpoint()
    {
        var site = await InfraTemplate.SingleAsync("Microsoft.Web/sites");
        Assert.Equal("Disabled", site.GetProperty("properties").GetProperty("siteConfig").GetProperty("ftpsState").GetString());
        var publishing = (await OfTypeAsync("Microsoft.Web/sites/basicPublishingCredentialsPolicies")).ToList();
        Assert.Equal(2, publishing.Count);
        Assert.All(publishing, p => Assert.False(p.GetProperty("properties").GetProperty("allow").GetBoolean()));
    }

    [Fact]
    public async Task Cors_origins_come_from_an_azd_value()
    {
        var site = await InfraTemplate.SingleAsync("Microsoft.Web/sites");
        Assert.Equal("[parameters('formOrigins')]", site.GetProperty("properties").GetProperty("siteConfig").GetProperty("cors").GetProperty("allowedOrigins").GetString());
        Assert.Equal("${FORM_ORIGINS=}", AzdValues()["formOrigins"]);
    }

    [Fact]
    public async Task The_links_public_address_comes_from_an_azd_value_and_defaults_to_the_apps_own_host_name()
    {
        var value = (await InfraSettings.AllAsync())["Forms__PublicBaseUrl"];
        // Empty azd value: https:// and the host name the platform gave the app (read from the app, not guessed).
        Assert.StartsWith("[if(empty(parameters('publicBaseUrl')), format('https://{0}', reference(resourceId('Microsoft.Web/sites', parameters('name'))", value, StringComparison.Ordinal);
        Assert.EndsWith(".defaultHostName), parameters('publicBaseUrl'))]", value, StringComparison.Ordinal);

        Assert.Equal("[parameters('publicBaseUrl')]", await ModuleParameterAsync("api", "publicBaseUrl"));
        Assert.Equal(string.Empty, (await InfraTemplate.ParameterAsync("publicBaseUrl")).GetProperty("defaultValue").GetString());
        Assert.Equal("${FORMS_PUBLIC_BASE_URL=}", AzdValues()["publicBaseUrl"]);
    }

    [Fact]
    public async Task The_app_identity_holds_table_and_blob_data_roles_but_no_account_management_role()
    {
        var assignments = (await OfTypeAsync("Microsoft.Authorization/roleAssignments")).ToList();
        var roles = assignments.Select(a => a.GetProperty("properties").GetProperty("roleDefinitionId").GetString()).ToList();
        var rbac = (await ModuleAsync("rbac")).GetRawText();
        Assert.Contains("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", rbac, StringComparison.Ordinal); // Storage Table Data Contributor
        Assert.Contains("ba92f5b4-2d11-453d-a403-e96b0029c9fe", rbac, StringComparison.Ordinal); // Storage Blob Data Contributor
        Assert.Contains("4633458b-17de-408a-b874-0445c86b69e6", rbac, StringComparison.Ordinal); // Key Vault Secrets User

        // Owner, Contributor and Storage Account Contributor can list the account keys.
        var template = (await InfraTemplate.RootAsync()).GetRawText();
        foreach (var broad in new[] { "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "b24988ac-6180-42a0-ab88-20f7382dd24c", "17d1049b-9a84-46fb-8f53-869881c3d3ab" })
        {
            Assert.DoesNotContain(broad, template, StringComparison.OrdinalIgnoreCase);
        }

        // Names from guid(scope, principal, role): a second provision finds the same assignments instead of failing.
        Assert.NotEmpty(assignments);
        Assert.All(assignments, a => Assert.StartsWith("[guid(", a.GetProperty("name").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_secret_passes_through_the_deployment_and_the_app_gets_each_as_a_key_vault_reference()
    {
        // The postprovision hook writes the secrets straight to Key Vault; the template creates none, and no
        // parameter or output carries one.
        Assert.Empty(await OfTypeAsync("Microsoft.KeyVault/vaults/secrets"));
        var root = await InfraTemplate.RootAsync();
        var names = root.GetProperty("parameters").EnumerateObject().Select(p => p.Name)
            .Concat(root.GetProperty("outputs").EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain(names, n => SecretName().IsMatch(n));
        Assert.DoesNotContain("secretOrRandomPassword", Read("infra/main.parameters.json"), StringComparison.Ordinal);

        var vault = await InfraTemplate.SingleAsync("Microsoft.KeyVault/vaults");
        Assert.True(vault.GetProperty("properties").GetProperty("enableRbacAuthorization").GetBoolean());

        var settings = await InfraSettings.AllAsync();
        Assert.Equal("[format('@Microsoft.KeyVault(SecretUri={0})', parameters('pseudonymKeySecretUri'))]", settings["Export__PseudonymKey"]);
        Assert.Equal("[format('@Microsoft.KeyVault(SecretUri={0})', parameters('odkCollectKeySecretUri'))]", settings["Auth__FunctionKey"]);
        // Without a version, so a secret set again (a rotated ODK password) is followed.
        Assert.StartsWith("[format('{0}secrets/PseudonymKey/', reference(", await InfraTemplate.ModuleOutputAsync("keyvault", "pseudonymKeySecretUri"), StringComparison.Ordinal);
        Assert.StartsWith("[format('{0}secrets/OdkCollectKey/', reference(", await InfraTemplate.ModuleOutputAsync("keyvault", "odkCollectKeySecretUri"), StringComparison.Ordinal);
        Assert.EndsWith(".outputs.odkCollectKeySecretUri.value]", await ModuleParameterAsync("api", "odkCollectKeySecretUri"), StringComparison.Ordinal);
        Assert.EndsWith(".outputs.pseudonymKeySecretUri.value]", await ModuleParameterAsync("api", "pseudonymKeySecretUri"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hook_gets_every_value_it_needs_from_the_outputs()
    {
        // azd passes outputs to hooks as environment variables; AZURE_SUBSCRIPTION_ID is azd's own.
        var outputs = (await InfraTemplate.RootAsync()).GetProperty("outputs");
        foreach (var name in new[] { "AZURE_KEY_VAULT_NAME", "AZURE_TENANT_ID", "AZURE_RESOURCE_GROUP", "AZURE_FUNCTION_APP_NAME" })
        {
            Assert.True(outputs.TryGetProperty(name, out _), $"main.bicep must output {name} for infra/hooks.");
        }
    }

    [Fact]
    public async Task Purge_protection_is_a_switch_from_an_azd_value_that_is_never_sent_as_false()
    {
        var vault = (await InfraTemplate.SingleAsync("Microsoft.KeyVault/vaults")).GetProperty("properties");
        Assert.True(vault.GetProperty("enableSoftDelete").GetBoolean());
        Assert.Equal(90, vault.GetProperty("softDeleteRetentionInDays").GetInt32());
        // Key Vault refuses enablePurgeProtection: false, so "off" must leave the property out (null).
        Assert.Equal("[if(parameters('enablePurgeProtection'), true(), null())]", vault.GetProperty("enablePurgeProtection").GetString());

        var parameter = await InfraTemplate.ParameterAsync("keyVaultPurgeProtection");
        Assert.Equal("bool", parameter.GetProperty("type").GetString());
        Assert.False(parameter.GetProperty("defaultValue").GetBoolean());
        Assert.Equal("[parameters('keyVaultPurgeProtection')]", await ModuleParameterAsync("keyvault", "enablePurgeProtection"));
        Assert.Equal("${KEY_VAULT_PURGE_PROTECTION=false}", AzdValues()["keyVaultPurgeProtection"]);
    }

    [Fact]
    public async Task The_location_is_limited_to_regions_with_flex_consumption_and_zone_redundant_storage()
    {
        // Flex Consumption: the allowed list of Azure-Samples/functions-quickstart-dotnet-azd infra/main.bicep.
        string[] flexConsumption =
        [
            "australiaeast", "centralindia", "centralus", "eastasia", "eastus", "eastus2", "francecentral", "germanywestcentral",
            "northcentralus", "northeurope", "southcentralus", "southeastasia", "swedencentral", "uksouth", "westcentralus",
            "westeurope", "westus2", "eastus2euap",
        ];

        // ZRS for standard general-purpose v2 accounts (learn.microsoft.com, storage/common/redundancy-regions-zrs).
        string[] zoneRedundantStorage =
        [
            "southafricanorth", "australiaeast", "centralindia", "chinanorth3", "eastasia", "japaneast", "koreacentral", "southeastasia",
            "francecentral", "germanywestcentral", "italynorth", "northeurope", "norwayeast", "polandcentral", "spaincentral",
            "swedencentral", "switzerlandnorth", "uksouth", "westeurope", "israelcentral", "qatarcentral", "uaenorth", "canadacentral",
            "centralus", "eastus", "eastus2", "mexicocentral", "southcentralus", "usgovvirginia", "westus2", "westus3", "brazilsouth",
        ];

        var allowed = (await InfraTemplate.ParameterAsync("location")).GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()!).ToList();
        Assert.Equal(flexConsumption.Intersect(zoneRedundantStorage).Order(), allowed.Order());
        Assert.Contains("southeastasia", allowed);
    }

    [Fact]
    public async Task Every_main_bicep_parameter_without_a_default_is_supplied_by_the_parameters_file_and_every_supplied_one_exists()
    {
        var parameters = (await InfraTemplate.RootAsync()).GetProperty("parameters").EnumerateObject().ToList();
        var supplied = AzdValues();
        var required = parameters.Where(p => !p.Value.TryGetProperty("defaultValue", out _)).Select(p => p.Name).ToList();
        Assert.NotEmpty(required);
        Assert.All(required, name => Assert.Contains(name, supplied.Keys));
        // A misspelt name in the parameters file would be an azd value that silently never arrives.
        Assert.All(supplied.Keys, name => Assert.Contains(parameters, p => p.Name == name));
    }

    [Fact]
    public void Azure_yaml_runs_the_hook_after_provisioning_on_every_platform()
    {
        var yaml = Read("azure.yaml");
        Assert.Matches(@"(?s)hooks:\s+postprovision:\s+posix:\s+shell: sh\s+run: \./infra/hooks/postprovision\.sh.*windows:\s+shell: pwsh\s+run: \./infra/hooks/postprovision\.ps1", yaml);
        Assert.True(File.Exists(RepoPaths.Combine("infra", "hooks", "postprovision.sh")));
        Assert.True(File.Exists(RepoPaths.Combine("infra", "hooks", "postprovision.ps1")));
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
    public async Task Azure_yaml_deploys_the_functions_project_as_a_function_service()
    {
        var yaml = Read("azure.yaml");
        Assert.Matches(@"(?m)^\s+project:\s*\./functions/Attendance\.Functions\s*$", yaml);
        Assert.Matches(@"(?m)^\s+host:\s*function\s*$", yaml);
        Assert.Matches(@"(?m)^\s+language:\s*dotnet\s*$", yaml);
        // azd finds the app to deploy to by this tag.
        var site = await InfraTemplate.SingleAsync("Microsoft.Web/sites");
        Assert.Contains("createObject('azd-service-name', 'api')", site.GetProperty("tags").GetString(), StringComparison.Ordinal);
    }

    // A parameter or output that could hold a secret's value (not its URI or vault name).
    [GeneratedRegex(@"(?i)^(pseudonymKey|odkCollectKey|functionKey|.*(password|secret)(value)?)$")]
    private static partial Regex SecretName();
}
