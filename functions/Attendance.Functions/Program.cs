using Attendance.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The Functions host for the same core the local server runs (see FunctionsAppBuilderExtensions).
var builder = FunctionsApplication.CreateBuilder(args);
builder.AddAttendanceFunctions();
builder.Build().Run();
