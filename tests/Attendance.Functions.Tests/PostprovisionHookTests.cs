using System.Diagnostics;
using Attendance.Testing;
using Xunit;

namespace Attendance.Functions.Tests;

/// <summary>
/// infra/hooks/postprovision.sh against a stand-in <c>az</c> that answers as Key Vault would: the pseudonym key
/// is created once, with enough randomness, and never replaced, not even when Key Vault refuses a read.
/// </summary>
public sealed class PostprovisionHookTests : IDisposable
{
    private const string FakeAz = """
        #!/bin/sh
        echo "$*" >> "$FAKE_AZ_LOG"
        shows=$(grep -c 'secret show' "$FAKE_AZ_LOG")
        case "$3" in
          show)
            case "$FAKE_AZ_SCENARIO" in
              exists) echo "https://kv-test.vault.azure.net/secrets/PseudonymKey/0123"; exit 0 ;;
              absent) echo "ERROR: (SecretNotFound) A secret with (name/id) PseudonymKey was not found in this key vault." >&2; exit 1 ;;
              forbidden-then-absent)
                if [ "$shows" -le 2 ]; then echo "ERROR: (Forbidden) Caller is not authorized to perform action." >&2; exit 1; fi
                echo "ERROR: (SecretNotFound) A secret with (name/id) PseudonymKey was not found in this key vault." >&2; exit 1 ;;
              forbidden) echo "ERROR: (Forbidden) Caller is not authorized to perform action." >&2; exit 1 ;;
            esac ;;
          set)
            while [ $# -gt 0 ]; do
              if [ "$1" = "--file" ]; then cp "$2" "$FAKE_AZ_SECRET"; echo "$2" > "$FAKE_AZ_SECRET.path"; fi
              shift
            done
            exit 0 ;;
        esac
        exit 2
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("hook-").FullName;

    public PostprovisionHookTests()
    {
        File.WriteAllText(Path.Combine(folder, "az"), FakeAz.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(folder, "az"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private string Log => Path.Combine(folder, "az.log");

    private string Secret => Path.Combine(folder, "secret");

    [Fact]
    public async Task An_existing_key_is_kept()
    {
        var exit = await RunAsync("exists");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("secret set", File.ReadAllText(Log), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_absent_key_is_created_from_48_random_bytes_through_a_file_that_is_removed()
    {
        Assert.Equal(0, await RunAsync("absent"));
        var calls = File.ReadAllLines(Log);
        Assert.Single(calls, c => c.StartsWith("keyvault secret set --vault-name kv-test --name PseudonymKey --file ", StringComparison.Ordinal));
        var key = File.ReadAllText(Secret);
        Assert.Equal(48, Convert.FromBase64String(key).Length);
        Assert.DoesNotContain(key, string.Join('\n', calls), StringComparison.Ordinal);
        Assert.False(File.Exists(File.ReadAllText(Secret + ".path").Trim()), "the temporary file must be removed.");
    }

    [Fact]
    public async Task A_refused_read_is_retried_until_key_vault_answers()
    {
        Assert.Equal(0, await RunAsync("forbidden-then-absent"));
        var calls = File.ReadAllLines(Log);
        Assert.Equal(3, calls.Count(c => c.Contains("secret show", StringComparison.Ordinal)));
        Assert.Single(calls, c => c.Contains("secret set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_read_that_stays_refused_fails_without_writing()
    {
        Assert.NotEqual(0, await RunAsync("forbidden"));
        var calls = File.ReadAllLines(Log);
        Assert.Equal(4, calls.Count(c => c.Contains("secret show", StringComparison.Ordinal)));
        Assert.DoesNotContain(calls, c => c.Contains("secret set", StringComparison.Ordinal));
    }

    private async Task<int> RunAsync(string scenario)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "The posix hook; Windows runs postprovision.ps1.");
        File.WriteAllText(Log, string.Empty);
        var info = new ProcessStartInfo("sh", [RepoPaths.Combine("infra", "hooks", "postprovision.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["PATH"] = folder + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        info.Environment["AZURE_KEY_VAULT_NAME"] = "kv-test";
        info.Environment["PSEUDONYM_KEY_ATTEMPTS"] = "4";
        info.Environment["PSEUDONYM_KEY_RETRY_SECONDS"] = "0";
        info.Environment["FAKE_AZ_SCENARIO"] = scenario;
        info.Environment["FAKE_AZ_LOG"] = Log;
        info.Environment["FAKE_AZ_SECRET"] = Secret;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(await output + await errors);
        return process.ExitCode;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
