using Platform.Runtime.Shipping.Heartbeats;
using Platform.ServiceDefaults.Health;

namespace Platform.Runtime.Shipping;

public static class ShippingModule
{
    public static WebApplicationBuilder AddShipping(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BrokerStatus>();
        builder.Services.AddSingleton<JournalMapper>();
        builder.Services.Configure<ShippingOptions>(builder.Configuration.GetSection(ShippingOptions.Section));
        builder.Services.AddHostedService<JournalShipper>();
        builder.Services.Configure<HeartbeatOptions>(builder.Configuration.GetSection(HeartbeatOptions.Section));
        builder.Services.AddSingleton<HeartbeatSender>();
        builder.Services.AddHostedService<HeartbeatLoop>();
        builder.Services.AddHealthChecks().AddCheck<BrokerHealthCheck>("rabbitmq", tags: [HealthEndpoints.Ready]);
        return builder;
    }
}
