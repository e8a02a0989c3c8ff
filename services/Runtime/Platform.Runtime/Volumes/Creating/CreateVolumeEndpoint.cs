using Platform.Runtime.DockerApi;
using Platform.Runtime.Volumes.Api;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Volumes.Creating;

/// <summary>POST /volumes/create → 201 Volume. No name makes an anonymous volume; an existing name returns that volume.</summary>
public static class CreateVolumeEndpoint
{
    public static void MapCreateVolume(this IEndpointRouteBuilder app) => app.MapPost("/volumes/create", HandleAsync);

    static async Task<IResult> HandleAsync(HttpRequest request, VolumeStore store, CancellationToken ct)
    {
        var (body, error) = await VolumeCreateBody.ReadAsync(request, ct);
        if (body is null) return DockerErrors.BadRequest(error!);
        var anonymous = string.IsNullOrEmpty(body.Name);
        var command = new CreateVolume(anonymous ? VolumeNames.Random() : body.Name!, body.Driver ?? "",
            body.Labels ?? [], body.DriverOpts, anonymous);
        try
        {
            var (volume, _) = await store.CreateAsync(command, ct);
            return DockerJsonResults.Json(VolumeResponse.From(volume), DockerJson.Default.VolumeResponse, StatusCodes.Status201Created);
        }
        catch (VolumeError e) { return e.ToResult(); }
    }
}
