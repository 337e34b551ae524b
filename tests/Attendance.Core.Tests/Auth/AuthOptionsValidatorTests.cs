using Attendance.OpenRosa;
using Microsoft.Extensions.Options;

namespace Attendance.Auth;

public sealed class AuthOptionsValidatorTests
{
    private const string Key = "function-key-0001";
    private static readonly AuthOptionsValidator Validator = new();

    [Fact]
    public void Keys_of_16_characters_pass()
    {
        Assert.True(Validator.Validate(Options.DefaultName, new AuthOptions { FunctionKey = Key[..16], AdminKey = Key }).Succeeded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("                    ")]
    [InlineData("fifteen-chars-5")]
    public void A_blank_or_short_function_key_is_named_with_the_way_out(string key)
    {
        var failure = Assert.Single(Validator.Validate(Options.DefaultName, new AuthOptions { FunctionKey = key, AdminKey = Key }).Failures!);

        Assert.Equal(
            "Auth:FunctionKey must be a key of at least 16 characters: set a longer one, or leave it unset and the local server generates one at start.",
            failure);
    }

    [Fact]
    public void A_short_admin_key_is_named()
    {
        var failure = Assert.Single(Validator.Validate(Options.DefaultName, new AuthOptions { FunctionKey = Key, AdminKey = "short" }).Failures!);

        Assert.StartsWith("Auth:AdminKey must be a key of at least 16 characters", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_keys_read_as_odk_collects_password_are_not_the_local_servers_to_check()
    {
        // In Azure only Auth:FunctionKey is set; the OpenRosa route reads the same section and an unset key opens nothing.
        var result = Validator.Validate(OpenRosaApi.KeysName, new AuthOptions { FunctionKey = Key, AdminKey = string.Empty });

        Assert.True(result.Skipped);
    }
}
