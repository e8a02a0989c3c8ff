using Microsoft.Extensions.Options;
using Platform.ServiceDefaults;

namespace Platform.Runtime.Engine;

public static class EngineModule
{
    /// <summary>
    /// Registers the engine; binaries can be overridden with Engine:Runc, Engine:Conmon, Engine:Init. Engine:Oci picks
    /// the OCI runtime: "builtin" (the default, this binary) or "runc" (Engine:Runc).
    /// </summary>
    public static WebApplicationBuilder AddEngine(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp =>
        {
            var host = sp.GetRequiredService<IOptions<PlatformHostOptions>>().Value;
            var config = builder.Configuration.GetSection("Engine");
            var oci = (config["Oci"] ?? "builtin") switch
            {
                "builtin" => EngineSettings.BuiltinOci,
                "runc" => config["Runc"] ?? "/usr/sbin/runc",
                var other => throw new InvalidOperationException($"Engine:Oci is \"{other}\"; it is \"builtin\" or \"runc\""),
            };
            return new EngineSettings(host.Root, host.RunDir)
            {
                Runc = oci,
                Conmon = config["Conmon"] ?? "/usr/bin/conmon",
                InitBinary = config["Init"] ?? "/usr/bin/tini-static",
            };
        });
        builder.Services.AddSingleton(sp => new ContainerEngine(sp.GetRequiredService<EngineSettings>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<ContainerLogReader>();
        return builder;
    }
}
