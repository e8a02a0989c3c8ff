using Platform.Runtime.Volumes.Api;

namespace Platform.Runtime.Volumes.Removing;

/// <summary>DELETE /volumes/{name}[?force=1] → 204; 404 unknown (unless forced); 409 while a container references it.</summary>
public static class RemoveVolumeEndpoint
{
    public static void MapRemoveVolume(this IEndpointRouteBuilder app) =>
        app.MapDelete("/volumes/{name}", async (string name, HttpRequest request, VolumeStore store, CancellationToken ct) =>
        {
            try
            {
                await store.RemoveAsync(name, QueryBool.Of(request, "force"), ct);
                return Results.StatusCode(StatusCodes.Status204NoContent);
            }
            catch (VolumeError e) { return e.ToResult(); }
        });
}
