using Microsoft.Extensions.Options;
using Platform.ServiceDefaults;

namespace Platform.Runtime.Journal;

public static class JournalModule
{
    public static WebApplicationBuilder AddJournal(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => RuntimeJournal.Open(
            Path.Combine(sp.GetRequiredService<IOptions<PlatformHostOptions>>().Value.Root, "runtime", "journal"),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Runtime.Journal")));
        return builder;
    }
}
