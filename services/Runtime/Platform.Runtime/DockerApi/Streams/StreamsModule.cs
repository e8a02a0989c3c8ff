using Platform.ServiceDefaults.Hijack;

namespace Platform.Runtime.DockerApi.Streams;

public static class StreamsModule
{
    /// <summary>Every listener of the runtime serves hijacked requests from the raw connection.</summary>
    public static WebApplicationBuilder AddHijackedStreams(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<HijackedRequests>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen =>
        {
            var requests = listen.ApplicationServices.GetRequiredService<HijackedRequests>();
            listen.UseHijack(requests.Matches, requests.HandleAsync);
        }));
        return builder;
    }
}
