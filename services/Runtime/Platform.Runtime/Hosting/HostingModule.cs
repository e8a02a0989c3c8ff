namespace Platform.Runtime.Hosting;

public static class HostingModule
{
    public static WebApplicationBuilder AddHosting(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(_ => HostFacts.Read());
        builder.Services.AddHostedService<RecordHostStart>();
        return builder;
    }
}
