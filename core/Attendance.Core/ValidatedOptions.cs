using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Attendance;

/// <summary>
/// The one way an options type is registered: bound from its settings and checked by the hand-written
/// <c>IValidateOptions</c> beside it (docs/architecture.md, "Options and registration"). The caller decides whether
/// the check runs at start (<c>ValidateOnStart</c>) or when the options are first read.
/// </summary>
internal static class ValidatedOptions
{
    /// <summary>Registers <typeparamref name="TValidator"/> for <typeparamref name="TOptions"/> and binds them from <paramref name="settings"/>.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, IConfiguration settings)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions> =>
        services.AddValidatedOptions<TOptions, TValidator>().Bind(settings);

    /// <summary>Registers <typeparamref name="TValidator"/> for <typeparamref name="TOptions"/>, for options the caller binds itself.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return services.AddOptions<TOptions>();
    }
}
