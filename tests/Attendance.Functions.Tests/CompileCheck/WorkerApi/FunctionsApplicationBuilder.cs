using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microsoft.Azure.Functions.Worker.Builder;

/// <summary>
/// Declaration of the Worker 2.x <c>FunctionsApplicationBuilder</c>: like the real one an
/// <see cref="IHostApplicationBuilder"/> whose <see cref="Configuration"/> is a <see cref="ConfigurationManager"/>
/// and whose <see cref="Build"/> returns an <see cref="IHost"/>. Here it delegates to a plain
/// <see cref="HostApplicationBuilder"/>; nothing in this repository runs it as a worker.
/// </summary>
public class FunctionsApplicationBuilder : IHostApplicationBuilder
{
    private readonly HostApplicationBuilder _inner;

    internal FunctionsApplicationBuilder(string[]? args) => _inner = Host.CreateApplicationBuilder(args);

    /// <inheritdoc />
    public IDictionary<object, object> Properties => ((IHostApplicationBuilder)_inner).Properties;

    /// <inheritdoc />
    IConfigurationManager IHostApplicationBuilder.Configuration => Configuration;

    /// <summary>The app settings and other configuration.</summary>
    public ConfigurationManager Configuration => _inner.Configuration;

    /// <inheritdoc />
    public IHostEnvironment Environment => _inner.Environment;

    /// <inheritdoc />
    public ILoggingBuilder Logging => _inner.Logging;

    /// <inheritdoc />
    public IMetricsBuilder Metrics => _inner.Metrics;

    /// <inheritdoc />
    public IServiceCollection Services => _inner.Services;

    /// <summary>Builds the host.</summary>
    public IHost Build() => _inner.Build();

    /// <inheritdoc />
    public void ConfigureContainer<TContainerBuilder>(IServiceProviderFactory<TContainerBuilder> factory, Action<TContainerBuilder>? configure = null)
        where TContainerBuilder : notnull =>
        _inner.ConfigureContainer(factory, configure);
}
