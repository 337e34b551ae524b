using Attendance;
using Attendance.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The Functions host for the same core the local server runs: one AddAttendance registers every handler,
// store and option, so the two hosts cannot drift apart. ASP.NET Core integration hands the handlers a real
// HttpRequest and executes the IResult they return; the app settings (see docs/configuration.md) arrive as
// configuration.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.AddWorkerTelemetry();
builder.Services.AddAttendance(builder.Configuration);
builder.Build().Run();
