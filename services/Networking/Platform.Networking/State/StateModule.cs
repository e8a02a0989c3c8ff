using Microsoft.Extensions.Options;
using Platform.Networking.State.Journal;
using Platform.ServiceDefaults;

namespace Platform.Networking.State;

public static class StateModule
{
    /// <summary>
    /// The journal (under Networking:StateDir), its writer to Marten, and the startup that loads the state. Register
    /// before any other startup work: the predefined networks, bridges and sandbox recovery all read the loaded state.
    /// </summary>
    public static IServiceCollection AddLocalState(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Networking.State.Journal");
            var lifetime = sp.GetRequiredService<IHostApplicationLifetime>();
            var directory = sp.GetRequiredService<IOptions<NetworkingOptions>>().Value
                .StateDirectory(sp.GetRequiredService<IOptions<PlatformHostOptions>>().Value.Root);
            return StateJournal.Open(directory, error =>
            {
                // Memory may hold decisions the disk does not: only a restart (replaying the journal) is trustworthy.
                logger.LogCritical(error, "The networking journal in {Directory} cannot be written; stopping", directory);
                lifetime.StopApplication();
            }, logger);
        });
        services.AddSingleton<StreamVersions>();
        services.AddSingleton<MartenAppender>();
        services.AddSingleton<JournalToMarten>();
        services.AddHostedService(sp => sp.GetRequiredService<JournalToMarten>()); // first: it stops last
        services.AddHostedService<StateOnStartup>();
        return services;
    }
}
