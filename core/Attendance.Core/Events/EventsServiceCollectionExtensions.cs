using Attendance.Submissions;
using Microsoft.Extensions.DependencyInjection;

namespace Attendance.Events;

/// <summary>Registers the store of training events.</summary>
public static class EventsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="EventStore"/>; its table is named by <see cref="StoreOptions"/>, which <c>AddSubmissions</c> binds.</summary>
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddSingleton<EventStore>();
        return services;
    }
}
