using Marten;
using Microsoft.Extensions.Options;
using Platform.Images.Images;
using Platform.Images.Images.Resolving;
using Platform.ServiceDefaults;

namespace Platform.Images.DockerApi;

/// <summary>The read side handlers share: this host's id and its images through a query session.</summary>
public static class HostImages
{
    public static string HostId(this HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<PlatformHostOptions>>().Value.HostId;

    public static IQuerySession Query(this HttpContext context) => context.RequestServices.GetRequiredService<IQuerySession>();

    public static Task<Image> ResolveAsync(this HttpContext context, string name, CancellationToken cancellationToken) =>
        ImageResolver.ResolveAsync(context.Query(), context.HostId(), name, cancellationToken);
}
