using System.Text;
using Attendance.Api;
using Attendance.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Attendance.Functions.Tests;

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

    [Fact]
    public void The_worker_holds_ASP_NET_Cores_URL_lines_below_Warning_Kestrels_bad_request_lines_off_and_keeps_the_products_request_line()
    {
        // The worker runs ASP.NET Core hosting too (ConfigureFunctionsWebApplication), whose Information lines carry
        // the query string: the form's token, a 'code' key.
        using var host = BuildWorker([]);
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();
        Assert.False(loggers.CreateLogger(AttendanceServiceCollectionExtensions.HostingDiagnosticsCategory).IsEnabled(LogLevel.Information));
        // Kestrel's bad-request lines quote a refused request line, key and all.
        Assert.False(loggers.CreateLogger(AttendanceServiceCollectionExtensions.KestrelBadRequestsCategory).IsEnabled(LogLevel.Trace));
        Assert.True(loggers.CreateLogger(typeof(ApiGuard).FullName!).IsEnabled(LogLevel.Information));
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
