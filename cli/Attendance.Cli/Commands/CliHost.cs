using Microsoft.Extensions.Hosting;

namespace Attendance.Cli.Commands;

/// <summary>The services of the admin commands: the same registration as every host, settings from the environment and <see cref="LocalDefaults"/>.</summary>
internal static class CliHost
{
    public static IHost Build()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(LocalDefaults.For(builder.Configuration));
        builder.Services.AddAttendance(builder.Configuration);
        return builder.Build();
    }
}
