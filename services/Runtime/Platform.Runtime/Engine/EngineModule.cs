using Microsoft.Extensions.Options;
using Platform.ServiceDefaults;

namespace Platform.Runtime.Engine;

public static class EngineModule
{
    /// <summary>Registers the engine; binaries can be overridden with Engine:Runc, Engine:Conmon, Engine:Init.</summary>
    public static WebApplicationBuilder AddEngine(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp =>
        {
            var host = sp.GetRequiredService<IOptions<PlatformHostOptions>>().Value;
            var config = builder.Configuration.GetSection("Engine");
            return new EngineSettings(host.Root, host.RunDir)
            {
                Runc = config["Runc"] ?? "/usr/sbin/runc",
                Conmon = config["Conmon"] ?? "/usr/bin/conmon",
                InitBinary = config["Init"] ?? "/usr/bin/tini-static",
            };
        });
        builder.Services.AddSingleton(sp => new ContainerEngine(sp.GetRequiredService<EngineSettings>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<ContainerLogReader>();
        return builder;
    }
}
