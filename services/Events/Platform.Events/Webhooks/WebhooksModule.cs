using Marten;
using Platform.Events.Webhooks.Deliveries;
using Platform.Events.Webhooks.Sending;
using Platform.Events.Webhooks.Subscriptions;

namespace Platform.Events.Webhooks;

public static class WebhooksModule
{
    /// <summary>Subscriptions are streams (snapshot inline); deliveries and cursors are documents.</summary>
    public static StoreOptions AddWebhooks(this StoreOptions options)
    {
        options.Events.AddEventType<SubscriptionCreated>();
        options.Events.AddEventType<SubscriptionDeleted>();
        options.Projections.Snapshot<Subscription>(JasperFx.Events.Projections.SnapshotLifecycle.Inline);
        options.Schema.For<Delivery>()
            .UseOptimisticConcurrency(true)
            .Duplicate(x => x.SubscriptionId)
            .Duplicate(x => x.Status)
            .Duplicate(x => x.Position);
        options.Schema.For<DeliveryCursor>();
        return options;
    }

    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebhookOptions>().Bind(builder.Configuration.GetSection(WebhookOptions.Section));
        builder.Services.AddWebhookHttp();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddSingleton<DeliveryPlanner>();
        builder.Services.AddSingleton<DeliveryService>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<DeliveryService>());
        return builder;
    }

    public static WebApplication MapWebhooks(this WebApplication app)
    {
        app.MapGroup("/api/v1/subscriptions").WithTags("Subscriptions").MapSubscriptions().MapDeliveries();
        return app;
    }
}
