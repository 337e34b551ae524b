using System.Text;
using Attendance.Functions.Http;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Attendance.Functions.Tests.Http;

/// <summary>
/// The OpenRosa route in the worker: anonymous at the Functions host (Collect sends HTTP Basic, which the host does
/// not read), so the handler checks the Basic password against the keys configured in the app's settings.
/// </summary>
public sealed class OpenRosaFunctionTests
{
    private const string Key = "odk-function-key-from-app-settings-01";

    [Theory]
    [InlineData(Key, StatusCodes.Status204NoContent)]
    [InlineData("another-key-of-the-right-length", StatusCodes.Status401Unauthorized)]
    [InlineData(null, StatusCodes.Status401Unauthorized)]
    public async Task Head_checks_Basic_against_the_configured_function_key(string? password, int status)
    {
        using var host = BuildWorker(new() { ["Auth:FunctionKey"] = Key });
        var response = await HeadAsync(host, password);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("1.0", response.Headers["X-OpenRosa-Version"].ToString());
        Assert.Equal(status == 401, response.Headers.WWWAuthenticate.ToString().StartsWith("Basic realm=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    public async Task Without_a_configured_key_nothing_opens_the_route(string password)
    {
        // The Functions host's own keys are not readable by the worker; an app with Auth__FunctionKey unset refuses all.
        using var host = BuildWorker([]);
        Assert.Equal(StatusCodes.Status401Unauthorized, (await HeadAsync(host, password)).StatusCode);
    }

    private static IHost BuildWorker(Dictionary<string, string?> settings)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(TestSettings.Offline(settings));
        builder.AddAttendanceFunctions();
        return builder.Build();
    }

    private static async Task<HttpResponse> HeadAsync(IHost host, string? password)
    {
        using var scope = host.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = "HEAD";
        context.Request.Path = "/api/openrosa/submission";
        if (password is not null)
        {
            context.Request.Headers.Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("enumerator:" + password));
        }

        context.Response.Body = new MemoryStream();
        var function = ActivatorUtilities.CreateInstance<OpenRosaFunctions>(scope.ServiceProvider);
        var result = await function.Head(context.Request, Ct);
        await result.ExecuteAsync(context);
        return context.Response;
    }
}
