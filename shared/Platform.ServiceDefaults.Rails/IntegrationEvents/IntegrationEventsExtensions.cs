using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.Rails.IntegrationEvents;

public static class IntegrationEventsExtensions
{
    /// <summary>Marten's name for the subscription; its progress row in mt_event_progression.</summary>
    public const string SubscriptionName = "IntegrationEvents";

    /// <summary>Publish this store's committed events on the bus through <typeparamref name="TMapper"/>.</summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression PublishIntegrationEvents<TMapper>(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten)
        where TMapper : class, IIntegrationEventMapper
    {
        marten.Services.AddSingleton<IIntegrationEventMapper, TMapper>();
        return marten.AddSubscriptionWithServices<IntegrationEventPublisher>(
            ServiceLifetime.Singleton, subscription => subscription.Name = SubscriptionName);
    }
}
