namespace Microsoft.Azure.Functions.Worker.Builder;

/// <summary>Declaration of the Worker 2.x entry point <c>FunctionsApplication</c> (package Microsoft.Azure.Functions.Worker).</summary>
public class FunctionsApplication
{
    /// <summary>A builder with the worker's defaults.</summary>
    public static FunctionsApplicationBuilder CreateBuilder(string[] args) => new(args);
}
