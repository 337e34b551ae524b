using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Attendance.Functions.Tests.Infra;

/// <summary>
/// infra/hooks/postprovision.sh against a stand-in <c>az</c> that answers as Azure would, keeping its state (the
/// secrets in Key Vault, the app's reference statuses) in a folder, and a stand-in <c>sleep</c> that only records how
/// long the hook would have waited: az is pinned to azd's subscription and tenant first; each secret is created once,
/// with enough randomness, and never replaced, not even when Key Vault refuses a read; the app is made to resolve
/// its references after the secrets exist and is restarted; a second run changes nothing.
/// </summary>
public sealed partial class PostprovisionHookTests : IDisposable
{
    private const string FakeAz = """
        #!/bin/sh
        echo "$*" >> "$FAKE_AZ_LOG"
        state="$FAKE_AZ_STATE"
        # count NAME: how many times this kind of call has been made, this one included.
        count() { n=$(cat "$state/count-$1" 2>/dev/null || echo 0); n=$((n + 1)); echo "$n" > "$state/count-$1"; echo "$n"; }
        group="$1 $2"
        name="" file="" method="" url=""
        while [ $# -gt 0 ]; do
          case "$1" in
            --name) name="$2" ;;
            --file) file="$2" ;;
            --method) method="$2" ;;
            --url) url="$2" ;;
            --subscription) subscription="$2" ;;
          esac
          shift
        done
        case "$group" in
          "account set")
            if [ "$subscription" = "$FAKE_AZ_SUBSCRIPTION" ]; then exit 0; fi
            echo "ERROR: The subscription of '$subscription' doesn't exist in cloud 'AzureCloud'." >&2; exit 1 ;;
          "account show") echo "$FAKE_AZ_TENANT"; exit 0 ;;
          "keyvault secret")
            case "$file" in
              "")
                if [ "$(count read)" -le "${FAKE_AZ_REFUSED_READS:-0}" ]; then
                  echo "ERROR: (Forbidden) Caller is not authorized to perform action on resource." >&2; exit 1
                fi
                if [ -f "$state/secret-$name" ]; then echo "https://kv-test.vault.azure.net/secrets/$name/0123"; exit 0; fi
                echo "ERROR: (SecretNotFound) A secret with (name/id) $name was not found in this key vault." >&2; exit 1 ;;
              *)
                echo "$file" > "$state/path-$name"
                if [ "$name" = "${FAKE_AZ_DELETED_SECRET:-}" ]; then
                  echo "ERROR: (Conflict) Secret $name is currently in a deleted but recoverable state." >&2; exit 1
                fi
                cp "$file" "$state/secret-$name"; exit 0 ;;
            esac ;;
          "rest --method")
            case "$method" in
              post) exit 0 ;;
              get)
                if [ -n "${FAKE_AZ_WARNING:-}" ]; then echo "$FAKE_AZ_WARNING" >&2; fi
                for pair in Export__PseudonymKey:PseudonymKey Auth__FunctionKey:OdkCollectKey; do
                  status=SecretNotFound
                  if [ -f "$state/secret-${pair#*:}" ]; then status=Resolved; fi
                  if [ "$(count "check-${pair%%:*}")" -le "${FAKE_AZ_UNRESOLVED_CHECKS:-0}" ]; then status=AccessToKeyVaultDenied; fi
                  printf '%s\t%s\n' "${pair%%:*}" "$status"
                done
                exit 0 ;;
            esac ;;
          "functionapp restart") exit "${FAKE_AZ_RESTART_EXIT:-0}" ;;
        esac
        echo "fake az: unexpected call: $group" >&2
        exit 2
        """;

    private const string FakeSleep = """
        #!/bin/sh
        echo "$1" >> "$FAKE_SLEEP_LOG"
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("hook-").FullName;

    public PostprovisionHookTests()
    {
        Directory.CreateDirectory(State);
        foreach (var (name, script) in new[] { ("az", FakeAz), ("sleep", FakeSleep) })
        {
            File.WriteAllText(Path.Combine(folder, name), script.Replace("\r\n", "\n", StringComparison.Ordinal));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Path.Combine(folder, name), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    private string State => Path.Combine(folder, "state");

    private string[] Calls => File.ReadAllLines(Path.Combine(folder, "az.log"));

    private string Secret(string name) => File.ReadAllText(Path.Combine(State, "secret-" + name));

    [Fact]
    public async Task Az_is_pinned_to_azds_subscription_and_tenant_before_anything_else()
    {
        var run = await RunAsync();
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("account set --subscription sub-azd", Calls[0]);
        Assert.StartsWith("account show", Calls[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subscription_az_cannot_select_stops_the_hook_before_key_vault_with_the_login_to_run()
    {
        var run = await RunAsync(new() { ["FAKE_AZ_SUBSCRIPTION"] = "sub-other" });
        Assert.NotEqual(0, run.ExitCode);
        Assert.DoesNotContain(Calls, c => c.StartsWith("keyvault", StringComparison.Ordinal));
        Assert.Contains("az login --tenant tenant-azd", run.Errors, StringComparison.Ordinal);
        Assert.Contains("azd hooks run postprovision", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_tenant_than_azds_stops_the_hook_before_key_vault_with_the_login_to_run()
    {
        var run = await RunAsync(new() { ["FAKE_AZ_TENANT"] = "tenant-other" });
        Assert.NotEqual(0, run.ExitCode);
        Assert.DoesNotContain(Calls, c => c.StartsWith("keyvault", StringComparison.Ordinal));
        Assert.Contains("az login --tenant tenant-azd", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Absent_secrets_are_created_from_random_bytes_through_files_that_are_removed()
    {
        Assert.Equal(0, (await RunAsync()).ExitCode);

        Assert.Single(Calls, c => c.StartsWith("keyvault secret set --vault-name kv-test --name PseudonymKey --file ", StringComparison.Ordinal));
        Assert.Single(Calls, c => c.StartsWith("keyvault secret set --vault-name kv-test --name OdkCollectKey --file ", StringComparison.Ordinal));
        var pseudonymKey = Secret("PseudonymKey");
        Assert.Equal(48, Convert.FromBase64String(pseudonymKey).Length);
        var odkPassword = Secret("OdkCollectKey");
        Assert.Matches("^[0-9a-f]{32}$", odkPassword);
        Assert.Equal(16, Convert.FromHexString(odkPassword).Length);

        foreach (var (name, value) in new[] { ("PseudonymKey", pseudonymKey), ("OdkCollectKey", odkPassword) })
        {
            Assert.DoesNotContain(value, string.Join('\n', Calls), StringComparison.Ordinal);
            Assert.False(File.Exists(File.ReadAllText(Path.Combine(State, "path-" + name)).Trim()), $"the temporary file of {name} must be removed.");
        }
    }

    [Fact]
    public async Task Existing_secrets_are_kept()
    {
        File.WriteAllText(Path.Combine(State, "secret-PseudonymKey"), "kept-pseudonym-key");
        File.WriteAllText(Path.Combine(State, "secret-OdkCollectKey"), "kept-odk-password");

        Assert.Equal(0, (await RunAsync()).ExitCode);

        Assert.DoesNotContain(Calls, c => c.Contains("secret set", StringComparison.Ordinal));
        Assert.Equal("kept-pseudonym-key", Secret("PseudonymKey"));
        Assert.Equal("kept-odk-password", Secret("OdkCollectKey"));
    }

    [Fact]
    public async Task On_an_existing_deployment_only_the_missing_odk_password_is_created()
    {
        File.WriteAllText(Path.Combine(State, "secret-PseudonymKey"), "kept-pseudonym-key");

        Assert.Equal(0, (await RunAsync()).ExitCode);

        Assert.Single(Calls, c => c.Contains("secret set", StringComparison.Ordinal));
        Assert.Equal("kept-pseudonym-key", Secret("PseudonymKey"));
        Assert.Matches("^[0-9a-f]{32}$", Secret("OdkCollectKey"));
    }

    [Fact]
    public async Task Running_the_hook_again_changes_nothing()
    {
        Assert.Equal(0, (await RunAsync()).ExitCode);
        var first = (Secret("PseudonymKey"), Secret("OdkCollectKey"));

        var second = await RunAsync();

        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain(Calls, c => c.Contains("secret set", StringComparison.Ordinal));
        Assert.Equal(first, (Secret("PseudonymKey"), Secret("OdkCollectKey")));
        Assert.Contains("already exists in kv-test; kept.", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_soft_deleted_secret_is_not_replaced_and_the_hook_names_the_recover_command()
    {
        var run = await RunAsync(new() { ["FAKE_AZ_DELETED_SECRET"] = "PseudonymKey" });
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("az keyvault secret recover --vault-name kv-test --name PseudonymKey", run.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(State, "secret-PseudonymKey")));
        Assert.DoesNotContain(Calls, c => c.StartsWith("functionapp restart", StringComparison.Ordinal));
        Assert.False(File.Exists(File.ReadAllText(Path.Combine(State, "path-PseudonymKey")).Trim()), "the temporary file must be removed.");
    }

    [Fact]
    public async Task A_warning_az_prints_on_stderr_is_not_taken_for_an_unresolved_reference()
    {
        var run = await RunAsync(new() { ["FAKE_AZ_WARNING"] = "WARNING: A newer version of the Azure CLI is available." });
        Assert.Equal(0, run.ExitCode);
        Assert.Single(Calls, c => StatusCall().IsMatch(c));
    }

    [Fact]
    public async Task A_public_base_url_without_a_scheme_stops_the_hook_before_key_vault()
    {
        var run = await RunAsync(new() { ["FORMS_PUBLIC_BASE_URL"] = "hadir.example.go.id" });
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("must start with https://", run.Errors, StringComparison.Ordinal);
        Assert.Empty(Calls);
    }

    [Fact]
    public async Task A_refused_read_is_retried_until_key_vault_answers()
    {
        Assert.Equal(0, (await RunAsync(new() { ["FAKE_AZ_REFUSED_READS"] = "2" })).ExitCode);
        Assert.Equal(4, Calls.Count(c => c.Contains("secret show", StringComparison.Ordinal))); // 2 refused, then one per secret
        Assert.Equal(2, Calls.Count(c => c.Contains("secret set", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_read_that_stays_refused_fails_without_writing_and_says_how_to_run_it_again()
    {
        var run = await RunAsync(new() { ["FAKE_AZ_REFUSED_READS"] = "1000" });
        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(4, Calls.Count(c => c.Contains("secret show", StringComparison.Ordinal)));
        Assert.DoesNotContain(Calls, c => c.Contains("secret set", StringComparison.Ordinal));
        Assert.Contains("azd hooks run postprovision", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task By_default_a_refused_read_is_retried_for_longer_than_the_10_minutes_azure_documents_for_a_new_role()
    {
        // No HOOK_ATTEMPTS or HOOK_RETRY_SECONDS: the hook's own defaults; the stand-in sleep returns at once.
        var run = await RunAsync(new() { ["FAKE_AZ_REFUSED_READS"] = "1000" }, defaults: true);
        Assert.NotEqual(0, run.ExitCode);
        var waited = File.ReadAllLines(Path.Combine(folder, "sleep.log")).Sum(int.Parse);
        Assert.True(waited >= 600, $"The hook gives up after {waited} s; Azure documents up to 10 minutes for a role assignment.");
        Assert.DoesNotContain(Calls, c => c.Contains("secret set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_app_resolves_its_references_after_the_secrets_exist_and_is_then_restarted()
    {
        Assert.Equal(0, (await RunAsync()).ExitCode);

        var calls = Calls.ToList();
        var lastSecretSet = calls.FindLastIndex(c => c.Contains("secret set", StringComparison.Ordinal));
        var refresh = calls.FindIndex(c => RefreshCall().IsMatch(c));
        var check = calls.FindIndex(c => StatusCall().IsMatch(c));
        var restart = calls.FindIndex(c => c == "functionapp restart --resource-group rg-test --name func-test --output none");
        Assert.True(lastSecretSet >= 0 && lastSecretSet < refresh && refresh < check && check < restart, string.Join('\n', calls));
    }

    [Fact]
    public async Task References_still_refused_are_refreshed_again_until_resolved()
    {
        Assert.Equal(0, (await RunAsync(new() { ["FAKE_AZ_UNRESOLVED_CHECKS"] = "2" })).ExitCode);
        Assert.Equal(3, Calls.Count(c => RefreshCall().IsMatch(c)));
        Assert.Equal(3, Calls.Count(c => StatusCall().IsMatch(c)));
        Assert.Single(Calls, c => c.StartsWith("functionapp restart", StringComparison.Ordinal));
    }

    [Fact]
    public async Task References_that_stay_unresolved_fail_the_hook_naming_them_without_a_restart()
    {
        var run = await RunAsync(new() { ["FAKE_AZ_UNRESOLVED_CHECKS"] = "1000" });
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Export__PseudonymKey\tAccessToKeyVaultDenied", run.Errors, StringComparison.Ordinal);
        Assert.Contains("azd hooks run postprovision", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain(Calls, c => c.StartsWith("functionapp restart", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_restart_that_fails_is_a_warning_with_the_command_since_the_references_are_resolved()
    {
        var run = await RunAsync(new() { ["FAKE_AZ_RESTART_EXIT"] = "1" });
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("az functionapp restart -g rg-test -n func-test", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hook_creates_exactly_the_secrets_the_app_settings_reference()
    {
        var referenced = new List<string>();
        foreach (var output in new[] { "pseudonymKeySecretUri", "odkCollectKeySecretUri" })
        {
            referenced.Add(SecretOfUri().Match(await InfraTemplate.ModuleOutputAsync("keyvault", output)).Groups[1].Value);
        }

        var settings = await Settings.InfraSettings.AllAsync();
        var references = settings.Values.Where(v => v.StartsWith("[format('@Microsoft.KeyVault(", StringComparison.Ordinal)).ToList();
        Assert.Equal(referenced.Count, references.Count);

        Assert.Equal(0, (await RunAsync()).ExitCode);
        var created = Calls.Select(c => SecretSet().Match(c)).Where(m => m.Success).Select(m => m.Groups[1].Value);
        Assert.Equal(referenced.Order(), created.Order());
    }

    private async Task<(int ExitCode, string Output, string Errors)> RunAsync(Dictionary<string, string>? overrides = null, bool defaults = false)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "The posix hook; Windows runs postprovision.ps1.");
        File.WriteAllText(Path.Combine(folder, "az.log"), string.Empty);
        var info = new ProcessStartInfo("sh", [RepoPaths.Combine("infra", "hooks", "postprovision.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["PATH"] = folder + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        info.Environment["AZURE_KEY_VAULT_NAME"] = "kv-test";
        info.Environment["AZURE_SUBSCRIPTION_ID"] = "sub-azd";
        info.Environment["AZURE_TENANT_ID"] = "tenant-azd";
        info.Environment["AZURE_RESOURCE_GROUP"] = "rg-test";
        info.Environment["AZURE_FUNCTION_APP_NAME"] = "func-test";
        info.Environment.Remove("HOOK_ATTEMPTS");
        info.Environment.Remove("HOOK_RETRY_SECONDS");
        if (!defaults)
        {
            info.Environment["HOOK_ATTEMPTS"] = "4";
            info.Environment["HOOK_RETRY_SECONDS"] = "0";
        }

        info.Environment["FAKE_AZ_SUBSCRIPTION"] = "sub-azd";
        info.Environment["FAKE_AZ_TENANT"] = "tenant-azd";
        info.Environment["FAKE_AZ_LOG"] = Path.Combine(folder, "az.log");
        info.Environment["FAKE_AZ_STATE"] = State;
        info.Environment["FAKE_SLEEP_LOG"] = Path.Combine(folder, "sleep.log");
        foreach (var (key, value) in overrides ?? [])
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var errors = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        TestContext.Current.TestOutputHelper?.WriteLine(await output + await errors);
        return (process.ExitCode, await output, await errors);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [GeneratedRegex(@"^rest --method post --url https://management\.azure\.com/subscriptions/sub-azd/resourceGroups/rg-test/providers/Microsoft\.Web/sites/func-test/config/configreferences/appsettings/refresh\?api-version=")]
    private static partial Regex RefreshCall();

    [GeneratedRegex(@"^rest --method get --url https://management\.azure\.com/subscriptions/sub-azd/resourceGroups/rg-test/providers/Microsoft\.Web/sites/func-test/config/configreferences/appsettings\?api-version=")]
    private static partial Regex StatusCall();

    [GeneratedRegex(@"secrets/(\w+)/'")]
    private static partial Regex SecretOfUri();

    [GeneratedRegex(@"^keyvault secret set --vault-name kv-test --name (\w+) ")]
    private static partial Regex SecretSet();
}
