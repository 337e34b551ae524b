namespace Microsoft.Azure.Functions.Worker.Builder;

/// <summary>Declaration of the Worker 2.x ASP.NET Core integration switch (package Worker.Extensions.Http.AspNetCore).</summary>
public static class FunctionsApplicationBuilderAspNetCoreExtensions
{
    /// <summary>Switches on ASP.NET Core integration: functions receive <c>HttpRequest</c> and may return <c>IActionResult</c>.</summary>
    public static FunctionsApplicationBuilder ConfigureFunctionsWebApplication(this FunctionsApplicationBuilder builder)
    {
        // Nothing to switch on here: no worker runs this declaration, it only has to compile like the real one.
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }
}
